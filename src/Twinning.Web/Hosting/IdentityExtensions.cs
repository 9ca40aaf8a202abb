using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Twinning.Domain.Accounts;
using Twinning.Infrastructure.Data;
using Twinning.Infrastructure.Identity;
using Twinning.Web.Localization;
using Twinning.Web.Security;

namespace Twinning.Web.Hosting;

internal static class IdentityExtensions
{
    public static void AddTwinningIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingletonTimeProvider();
        builder.Services
            .AddIdentity<TwinningUser, IdentityRole>(options =>
            {
                options.SignIn.RequireConfirmedEmail = true;
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = PasswordRules.MaxFailedAttempts;
                options.Lockout.DefaultLockoutTimeSpan = PasswordRules.LockoutDuration;
            })
            .AddEntityFrameworkStores<TwinningDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<TwinningClaimsPrincipalFactory>();

        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "twinning.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            // The culture is the first URL segment, so the account pages are found under it.
            options.Events.OnRedirectToLogin = context => IsApi(context) ? Status(context, StatusCodes.Status401Unauthorized)
                : RedirectInCulture(context, "account/login", withReturnUrl: true);
            options.Events.OnRedirectToAccessDenied = context => IsApi(context) ? Status(context, StatusCodes.Status403Forbidden)
                : RedirectInCulture(context, "account/accessdenied", withReturnUrl: true);
            options.Events.OnRedirectToLogout = context => RedirectInCulture(context, "account/logout", withReturnUrl: false);
        });
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => o.Cookie.Name = "twinning.2fa");
        builder.Services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => o.Cookie.Name = "twinning.2fa-remember");

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(Policies.Validator, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Validator, Roles.Admin)
                .RequireClaim(TwinningClaims.TwoFactorEnabled, "true"))
            .AddPolicy(Policies.Admin, policy => policy
                .RequireAuthenticatedUser()
                .RequireRole(Roles.Admin)
                .RequireClaim(TwinningClaims.TwoFactorEnabled, "true"));
        // No fallback policy: it would also apply to unmatched paths and turn every 404 into a login
        // redirect. Instead a test fails when any action lacks [Authorize(Policy)] or [AllowAnonymous].

        builder.Services.AddScoped<IdentitySeeder>();
    }

    /// <summary>API callers get a status code, not a login page.</summary>
    private static bool IsApi(RedirectContext<CookieAuthenticationOptions> context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static Task Status(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private static Task RedirectInCulture(RedirectContext<CookieAuthenticationOptions> context, string path, bool withReturnUrl)
    {
        var request = context.Request;
        var culture = CultureRouting.CurrentCulture();
        var target = $"{request.PathBase}/{culture}/{path}";
        if (withReturnUrl)
        {
            var returnUrl = request.PathBase + request.Path + request.QueryString;
            target = Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(target, "returnUrl", returnUrl);
        }

        context.Response.Redirect(target);
        return Task.CompletedTask;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services) =>
        Microsoft.Extensions.DependencyInjection.Extensions.ServiceCollectionDescriptorExtensions.TryAddSingleton(services, TimeProvider.System);
}
