using System.Text.Json.Serialization;
using Twinning.Infrastructure.Directory;
using Twinning.Web.Features.Directory;
using Twinning.Web.Features.Verification;

namespace Twinning.Web.Hosting;

internal static class DirectoryExtensions
{
    public static void AddTwinningDirectory(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DirectoryImporter>();
        builder.Services.AddSingleton<DirectoryIndex>();
        builder.Services.AddSingleton<DirectoryIndexLoader>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DirectoryIndexLoader>());
        builder.Services.AddSingleton<EuropeMap>();
        builder.Services.AddScoped<Remit>();
        builder.Services.AddScoped<VerificationService>();
        builder.Services.AddOpenApi();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        builder.Services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => o.JsonSerializerOptions.Converters.Add(new JsonStringEnumConverter()));
    }
}
