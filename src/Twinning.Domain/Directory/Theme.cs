namespace Twinning.Domain.Directory;

/// <summary>A theme of interest (culture, youth, climate…), named in every language; admins add, rename and retire them.</summary>
public class Theme
{
    public const int KeyMaxLength = 64;
    public const int NameMaxLength = 120;

    private readonly List<ThemeName> _names = [];

    protected Theme()
    {
    }

    public Theme(string key) => Key = key;

    public int Id { get; private set; }

    public string Key { get; private set; } = string.Empty;

    public bool IsRetired { get; private set; }

    public IReadOnlyCollection<ThemeName> Names => _names;

    public void Name(string language, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var existing = _names.FirstOrDefault(n => n.Language == language);
        if (existing is null)
            _names.Add(new ThemeName(language, name.Trim()));
        else
            existing.Rename(name.Trim());
    }

    public void Retire() => IsRetired = true;

    public void Restore() => IsRetired = false;

    /// <summary>The name in the reader's language, else English, else the key.</summary>
    public string NameIn(string language) =>
        _names.FirstOrDefault(n => n.Language == language)?.Name
        ?? _names.FirstOrDefault(n => n.Language == "en")?.Name
        ?? Key;
}

public class ThemeName
{
    protected ThemeName()
    {
    }

    public ThemeName(string language, string name)
    {
        Language = language;
        Name = name;
    }

    public int ThemeId { get; private set; }

    public string Language { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public void Rename(string name) => Name = name;
}
