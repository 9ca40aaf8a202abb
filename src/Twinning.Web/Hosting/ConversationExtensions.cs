using Twinning.Web.Features.Conversations;

namespace Twinning.Web.Hosting;

internal static class ConversationExtensions
{
    public static void AddTwinningConversations(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ConversationService>();
    }
}
