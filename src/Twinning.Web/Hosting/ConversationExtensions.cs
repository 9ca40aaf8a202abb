using Microsoft.Extensions.DependencyInjection.Extensions;
using Twinning.Web.Features.Conversations;
using Twinning.Web.Features.Notifications;

namespace Twinning.Web.Hosting;

internal static class ConversationExtensions
{
    public static void AddTwinningConversations(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddScoped<Notifier>();
        builder.Services.AddScoped<ConversationService>();
    }
}
