using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Notifications;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Notifications;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Notifications;

/// <summary>
/// A platform host whose mailer only sends when a test calls <see cref="NotificationMailer.RunOnceAsync"/>
/// (its timer waits an hour after the first run at start-up), so tests decide when e-mails go.
/// </summary>
public class QuietMailerFactory : TwinningFactory
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["Notifications:MailerIntervalSeconds"] = "3600";
            return settings;
        }
    }


    public NotificationMailer Mailer => Services.GetRequiredService<NotificationMailer>();

    /// <summary>Adds a notification through the platform's Notifier (with the person's delivery choice) and returns its id.</summary>
    public Task<long> NotifyAsync(string userId, NotificationKind kind, string key, string[] arguments, string link) =>
        WithServiceAsync(async sp =>
        {
            await sp.GetRequiredService<Notifier>().AddAsync([userId], kind, key, arguments, link);
            var db = sp.GetRequiredService<TwinningDbContext>();
            await db.SaveChangesAsync();
            return await db.Notifications.Where(n => n.UserId == userId).MaxAsync(n => n.Id);
        });

    /// <summary>Adds notifications made directly, e.g. with a creation time in the past so that their digest is due.</summary>
    public Task AddAsync(params Notification[] notifications) =>
        WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            db.Notifications.AddRange(notifications);
            return await db.SaveChangesAsync();
        });

    public Task<Notification> NotificationAsync(long id) =>
        WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().Notifications.AsNoTracking().SingleAsync(n => n.Id == id));
}

/// <summary>A second app instance on the database of another host: what runs when the platform is scaled out.</summary>
public sealed class SecondInstanceFactory(string connectionString) : QuietMailerFactory
{
    protected override IDictionary<string, string?> Settings
    {
        get
        {
            var settings = base.Settings;
            settings["ConnectionStrings:Twinning"] = connectionString;
            return settings;
        }
    }
}
