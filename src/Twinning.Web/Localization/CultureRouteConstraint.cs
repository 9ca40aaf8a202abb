using Twinning.Domain.Localization;

namespace Twinning.Web.Localization;

/// <summary>Matches only the 24 supported language codes, so "/xx/..." is a 404 rather than a page in English.</summary>
internal sealed class CultureRouteConstraint : IRouteConstraint
{
    public const string Name = "culture";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        values.TryGetValue(routeKey, out var value) && SupportedCultures.IsSupported(value as string);
}
