using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;
using Twinning.Domain.Localization;

namespace Twinning.Web.Localization;

/// <summary>
/// Sends a path without a language ("/", "/account/login") to the same path under the reader's language
/// (their cookie, else their browser's Accept-Language, else English), and remembers the language of
/// every page they open in a cookie.
/// </summary>
internal sealed class CultureRedirectMiddleware(RequestDelegate next)
{
    private static readonly string[] UnlocalizedPrefixes = ["/api", "/openapi", "/map", "/health", "/error", "/lib", "/css", "/js", "/img", "/favicon", "/robots.txt", "/unsubscribe"];

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var pathCulture = CultureRouting.FromPath(request.Path);

        if (pathCulture is null)
        {
            if ((HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && !IsUnlocalized(request.Path))
            {
                var culture = FromCookie(request) ?? FromAcceptLanguage(request) ?? SupportedCultures.Default;
                var target = request.PathBase + CultureRouting.WithCulture(request.Path, culture) + request.QueryString;
                context.Response.Redirect(target);
                return Task.CompletedTask;
            }
        }
        else if (FromCookie(request) != pathCulture)
        {
            context.Response.Cookies.Append(
                CultureRouting.CookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(pathCulture)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1),
                    IsEssential = true,
                    HttpOnly = true,
                    SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax,
                    Secure = request.IsHttps,
                });
        }

        return next(context);
    }

    private static bool IsUnlocalized(PathString path) =>
        UnlocalizedPrefixes.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));

    private static string? FromCookie(HttpRequest request) =>
        request.Cookies.TryGetValue(CultureRouting.CookieName, out var value)
            ? SupportedCultures.Match(CookieRequestCultureProvider.ParseCookieValue(value)?.UICultures.FirstOrDefault().Value)
            : null;

    private static string? FromAcceptLanguage(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var languages))
            return null;

        return languages
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => SupportedCultures.Match(l.Value.Value))
            .FirstOrDefault(c => c is not null);
    }
}
