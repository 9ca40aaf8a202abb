using Microsoft.AspNetCore.Localization;

namespace Twinning.Web.Localization;

/// <summary>Reads the culture from the first path segment; works before routing, so 404s are localized too.</summary>
internal sealed class PathRequestCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var culture = CultureRouting.FromPath(httpContext.Request.Path);
        return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture));
    }
}
