using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Serilog;
using Twinning.Web.Localization;

namespace Twinning.Web.Hosting;

internal static class PipelineExtensions
{
    public static void UseTwinningPipeline(this WebApplication app)
    {
        app.UseForwardedHeaders();
        // Localization first: error pages that are re-executed further in keep the reader's language.
        app.UseRequestLocalization();
        if (app.Environment.IsDevelopment())
            app.UseDeveloperExceptionPage();
        else
            app.UseExceptionHandler("/error/500");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSecurityHeaders();
        app.UseSerilogRequestLogging();
        app.UseStaticFiles();
        app.UseMiddleware<CultureRedirectMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        // After authentication: the messaging limit is counted per signed-in person.
        app.UseRateLimiter();
        app.UseAuthorization();
    }

    public static void MapTwinningRoutes(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthCheckExtensions.ReadyTag) }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapControllers();
        app.MapControllerRoute(
            name: "default",
            pattern: "{culture:culture}/{controller=Home}/{action=Index}/{id?}");
    }
}
