using Microsoft.AspNetCore.Diagnostics;
using Twinning.Domain.Localization;

namespace Twinning.Web.Localization;

/// <summary>The current page in each of the 24 languages: the switcher's links and the hreflang alternates.</summary>
public static class LanguageLinks
{
    public static IReadOnlyList<LanguageLink> For(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        // On a re-executed error page, link to the page that failed, not to /error/404.
        var path = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } original
            ? new PathString(original)
            : request.Path;
        var query = context.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalQueryString ?? request.QueryString.Value;
        return SupportedCultures.All
            .Select(c => new LanguageLink(c, request.PathBase + CultureRouting.WithCulture(path, c.Code) + query))
            .ToList();
    }
}

public sealed record LanguageLink(SupportedCulture Culture, string Href);
