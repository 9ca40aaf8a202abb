using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Directory;
using Twinning.Domain.Localization;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Verification;
using Twinning.Web.Localization;
using Twinning.Web.Resources;
using Twinning.Web.Security;

namespace Twinning.Web.Features.Themes;

public sealed class ThemeNamesInput
{
    public int? Id { get; set; }

    /// <summary>The theme's name per language code; English is required, the others fall back to it.</summary>
    public Dictionary<string, string?> Names { get; set; } = [];
}

public sealed record ThemeRow(int Id, string Key, string Name, bool IsRetired, int MissingLanguages);

public sealed record ThemesModel(IReadOnlyList<ThemeRow> Themes, ThemeNamesInput Input);

internal sealed class ThemeNamesInputValidator : AbstractValidator<ThemeNamesInput>
{
    public ThemeNamesInputValidator(IStringLocalizer<ValidationResource> v)
    {
        RuleFor(x => x.Names).Must(n => n.TryGetValue("en", out var en) && !string.IsNullOrWhiteSpace(en)).WithMessage(v["Theme.English.Required"]);
        RuleForEach(x => x.Names).Must(n => SupportedCultures.IsSupported(n.Key)).WithMessage(v["Culture.Unsupported"])
            .Must(n => (n.Value?.Trim().Length ?? 0) <= Theme.NameMaxLength).WithMessage(v["Theme.Name.TooLong", Theme.NameMaxLength]);
    }
}

/// <summary>CEMR admins add, rename (in every language) and retire the themes of interest.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class ThemesController(TwinningDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(int? id, CancellationToken cancellationToken)
    {
        var input = new ThemeNamesInput();
        if (id is { } themeId)
        {
            var theme = await db.Themes.AsNoTracking().SingleOrDefaultAsync(x => x.Id == themeId, cancellationToken);
            if (theme is null)
                return NotFound();
            input = new ThemeNamesInput { Id = theme.Id, Names = theme.Names.ToDictionary(n => n.Language, n => (string?)n.Name) };
        }
        return View(await ModelAsync(input, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Save(ThemeNamesInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return View(nameof(Index), await ModelAsync(input, cancellationToken));

        Theme theme;
        if (input.Id is { } id)
        {
            var existing = await db.Themes.SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
            if (existing is null)
                return NotFound();
            theme = existing;
        }
        else
        {
            theme = db.Themes.Add(new Theme(await UniqueKeyAsync(input.Names["en"]!, cancellationToken))).Entity;
        }

        foreach (var (language, name) in input.Names.Where(n => !string.IsNullOrWhiteSpace(n.Value)))
            theme.Name(language, name!);
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(input.Id is null ? "theme.added" : "theme.renamed", theme, cancellationToken);
        TempData[StatusMessage.Key] = t["Themes.Saved"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> Retire(int id, bool retire, CancellationToken cancellationToken)
    {
        var theme = await db.Themes.SingleOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (theme is null)
            return NotFound();
        if (retire)
            theme.Retire();
        else
            theme.Restore();
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync(retire ? "theme.retired" : "theme.restored", theme, cancellationToken);
        TempData[StatusMessage.Key] = t[retire ? "Themes.Retired" : "Themes.Restored"].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task AuditAsync(string action, Theme theme, CancellationToken cancellationToken)
    {
        db.AuditLog.Add(new AuditEntry(clock.GetUtcNow(), Remit.UserId(User), action, null, null, $"{theme.Key}: {theme.NameIn("en")}"));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<string> UniqueKeyAsync(string englishName, CancellationToken cancellationToken)
    {
        var slug = string.Join('-', SearchText.Normalize(englishName).Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray())).Where(w => w.Length > 0));
        slug = slug.Length == 0 ? "theme" : slug[..Math.Min(slug.Length, Theme.KeyMaxLength - 4)];
        var key = slug;
        for (var n = 2; await db.Themes.AnyAsync(x => x.Key == key, cancellationToken); n++)
            key = $"{slug}-{n.ToString(CultureInfo.InvariantCulture)}";
        return key;
    }

    private async Task<ThemesModel> ModelAsync(ThemeNamesInput input, CancellationToken cancellationToken)
    {
        var culture = CultureRouting.CurrentCulture();
        var themes = await db.Themes.AsNoTracking().ToListAsync(cancellationToken);
        var rows = themes
            .Select(x => new ThemeRow(x.Id, x.Key, x.NameIn(culture), x.IsRetired, SupportedCultures.Codes.Count(c => x.Names.All(n => n.Language != c))))
            .OrderBy(x => x.IsRetired).ThenBy(x => x.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true))
            .ToList();
        return new ThemesModel(rows, input);
    }
}
