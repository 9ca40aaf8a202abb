using Twinning.Web.Features.Matching;

namespace Twinning.Web.Hosting;

internal static class MatchingExtensions
{
    public static void AddTwinningMatching(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MatchingOptions>(builder.Configuration.GetSection("Matching"));
        builder.Services.AddSingleton<MatchingIndex>();
        builder.Services.AddSingleton<MatchingIndexLoader>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MatchingIndexLoader>());
        builder.Services.AddScoped<Suggestions>();
        builder.Services.AddMemoryCache();
    }
}
