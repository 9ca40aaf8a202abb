using System.Globalization;
using Twinning.Domain.Localization;

namespace Twinning.Web.Localization;

/// <summary>The culture is the first segment of every page's path: /de/..., /el/..., /en/....</summary>
public static class CultureRouting
{
    public const string RouteKey = "culture";

    /// <summary>The cookie that remembers the reader's last language (functional, not tracking).</summary>
    public const string CookieName = ".Twinning.Culture";

    /// <summary>The supported culture named by the path's first segment, or null.</summary>
    public static string? FromPath(PathString path)
    {
        var value = path.Value;
        if (string.IsNullOrEmpty(value) || value.Length < 2)
            return null;

        var end = value.IndexOf('/', 1);
        var segment = end < 0 ? value[1..] : value[1..end];
        return SupportedCultures.IsSupported(segment) ? segment.ToLowerInvariant() : null;
    }

    /// <summary>The same path in another language: "/de/account/login" → "/fr/account/login".</summary>
    public static string WithCulture(PathString path, string culture)
    {
        var value = path.Value ?? "/";
        if (FromPath(path) is { } current)
            value = value[(current.Length + 1)..];
        if (value.Length == 0)
            value = "/";
        return "/" + culture + value;
    }

    /// <summary>The language the current request is served in.</summary>
    public static string CurrentCulture() =>
        SupportedCultures.Match(CultureInfo.CurrentUICulture.Name) ?? SupportedCultures.Default;
}
