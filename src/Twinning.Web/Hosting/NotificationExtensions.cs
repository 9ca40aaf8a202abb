using Twinning.Web.Features.Notifications;

namespace Twinning.Web.Hosting;

internal static class NotificationExtensions
{
    /// <summary>The notification centre's services, saved-search alerts, and the mailer of immediate e-mails and digests.</summary>
    public static void AddTwinningNotifications(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<Notifier>();
        builder.Services.AddScoped<NotificationSettings>();
        builder.Services.AddScoped<NotificationEmails>();
        builder.Services.AddScoped<SavedSearchAlerts>();
        builder.Services.AddSingleton<UnsubscribeTokens>();
        builder.Services.AddSingleton<SiteAddress>();
        builder.Services.AddSingleton<NotificationMailer>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NotificationMailer>());
    }
}
