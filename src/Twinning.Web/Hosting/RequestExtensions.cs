using Twinning.Web.Features.Moderation;
using Twinning.Web.Features.Requests;

namespace Twinning.Web.Hosting;

internal static class RequestExtensions
{
    public static void AddTwinningRequests(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RequestIndex>();
        builder.Services.AddSingleton<RequestChangeInterceptor>();
        builder.Services.AddScoped<RequestCatalog>();
        builder.Services.AddScoped<RequestWorkflow>();
        builder.Services.AddScoped<ModerationService>();
        builder.Services.AddHostedService<RequestExpiryJob>();
    }
}
