using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Notifications;
using Twinning.Infrastructure.Data;
using Twinning.Infrastructure.Email;

namespace Twinning.Web.Features.Notifications;

/// <summary>
/// Sends the notification e-mails that are due, every <c>Notifications:MailerIntervalSeconds</c> (15 by
/// default). Each e-mail goes exactly once even with several app instances on one PostgreSQL database:
/// a run holds the transaction-scoped advisory lock 7302 (an instance that cannot take it skips its turn)
/// and locks the due rows FOR UPDATE SKIP LOCKED; rows are marked as e-mailed in the same transaction.
/// A failure to send to one person is logged and leaves their e-mail due for the next run.
/// </summary>
public sealed class NotificationMailer(
    IServiceScopeFactory scopes,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<NotificationMailer> logger) : BackgroundService
{
    public const long LockKey = 7302;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = Math.Max(1, configuration.GetValue("Notifications:MailerIntervalSeconds", 15));
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "The notification mailer failed; it tries again in {Seconds} s", seconds);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Sends every due e-mail once; returns how many e-mails were sent (0 when another instance holds the turn).</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TwinningDbContext>();
        var emails = services.GetRequiredService<NotificationEmails>();
        var sender = services.GetRequiredService<IEmailSender>();
        var sent = 0;

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            sent = 0;
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var due = await LockDueAsync(db, now, cancellationToken);
            if (due.Count == 0)
                return;

            var userIds = due.Select(n => n.UserId).Distinct().ToList();
            var people = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
                .Select(u => new Recipient(u.Id, u.Email, u.DisplayName, u.PreferredCulture))
                .ToDictionaryAsync(r => r.Id, cancellationToken);
            foreach (var group in due.GroupBy(n => n.UserId, StringComparer.Ordinal))
            {
                if (!people.TryGetValue(group.Key, out var person) || string.IsNullOrEmpty(person.Email))
                {
                    // Nobody to write to: nothing will ever go, so they are not due any more.
                    foreach (var n in group)
                        n.MarkEmailed(now);
                    continue;
                }

                foreach (var email in emails.For(person, group.ToList()))
                {
                    try
                    {
                        await sender.SendAsync(email.Message, cancellationToken);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        logger.LogWarning(exception, "Notification e-mail to user {UserId} failed; it stays due for the next run", person.Id);
                        continue;
                    }
                    foreach (var n in email.Notifications)
                        n.MarkEmailed(now);
                    sent++;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        if (sent > 0)
            logger.LogInformation("Notification mailer sent {Count} e-mails", sent);
        return sent;
    }

    /// <summary>The due notifications, locked for this run; none when another instance is sending.</summary>
    private static async Task<List<Notification>> LockDueAsync(TwinningDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (db.Database.IsNpgsql())
        {
            var turn = await db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({LockKey}) AS \"Value\"").ToListAsync(cancellationToken);
            if (!turn.Single())
                return [];
            return await db.Notifications
                .FromSqlInterpolated($"""SELECT * FROM "Notifications" WHERE "EmailedAt" IS NULL AND "EmailDueAt" <= {now} ORDER BY "Id" FOR UPDATE SKIP LOCKED""")
                .ToListAsync(cancellationToken);
        }

        // SQLite runs one instance and its transaction locks the whole database; it cannot compare
        // DateTimeOffset values in SQL, so the due time is compared here.
        var pending = await db.Notifications.Where(n => n.EmailedAt == null && n.EmailDueAt != null).OrderBy(n => n.Id).ToListAsync(cancellationToken);
        return pending.Where(n => n.EmailDueAt <= now).ToList();
    }
}
