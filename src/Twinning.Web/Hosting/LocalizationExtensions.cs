using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Twinning.Domain.Localization;
using Twinning.Web.Localization;

namespace Twinning.Web.Hosting;

internal static class LocalizationExtensions
{
    /// <summary>Resources, request cultures and route constraint, all fed by <see cref="SupportedCultures"/>.</summary>
    public static void AddTwinningLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RouteOptions>(options =>
        {
            options.LowercaseUrls = true;
            options.ConstraintMap[CultureRouteConstraint.Name] = typeof(CultureRouteConstraint);
        });
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SupportedCultures.Codes.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(SupportedCultures.Default);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new PathRequestCultureProvider(),
                new CookieRequestCultureProvider { CookieName = CultureRouting.CookieName },
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
    }
}
