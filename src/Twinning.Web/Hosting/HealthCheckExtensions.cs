using Twinning.Infrastructure.Data;

namespace Twinning.Web.Hosting;

internal static class HealthCheckExtensions
{
    public const string ReadyTag = "ready";

    public static void AddTwinningHealthChecks(this WebApplicationBuilder builder) =>
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<TwinningDbContext>("database", tags: [ReadyTag]);
}
