using Twinning.Domain.Localization;
using Twinning.Domain.Notifications;
using Twinning.Infrastructure.Email;
using Twinning.Web.Email;

namespace Twinning.Web.Features.Notifications;

/// <summary>Someone the mailer writes to, with what their e-mails need.</summary>
public sealed record Recipient(string Id, string? Email, string DisplayName, string PreferredCulture);

/// <summary>One e-mail and the notifications it tells of (marked as e-mailed once it is sent).</summary>
public sealed record NotificationEmail(EmailMessage Message, IReadOnlyList<Notification> Notifications);

/// <summary>
/// Writes a person's due notification e-mails in their language: one e-mail per notification they want
/// immediately, and one digest for all their due daily and weekly ones. Each has an unsubscribe link.
/// </summary>
public sealed class NotificationEmails(EmailComposer composer, UnsubscribeTokens tokens, SiteAddress site)
{
    public IReadOnlyList<NotificationEmail> For(Recipient person, IReadOnlyList<Notification> due)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(due);
        if (string.IsNullOrEmpty(person.Email))
            return [];
        var culture = SupportedCultures.Match(person.PreferredCulture) ?? SupportedCultures.Default;
        var settings = site.Page(culture, "notifications/preferences");
        var emails = new List<NotificationEmail>();

        foreach (var n in due.Where(n => n.Delivery == Delivery.Immediately).OrderBy(n => n.Id))
        {
            var unsubscribe = new EmailUnsubscribe(Unsubscribe(culture, person.Id, n.Kind), settings);
            emails.Add(new(composer.Compose(person.Email, culture, $"NotifyEmail.Subject.{n.Kind}", person.DisplayName,
                [Text(n)], "NotifyEmail.Action", site.Page(culture, n.Link), unsubscribe), [n]));
        }

        var digest = due.Where(n => n.Delivery is Delivery.Daily or Delivery.Weekly).OrderBy(n => n.Id).ToList();
        if (digest.Count > 0)
        {
            var weekly = digest.Any(n => n.Delivery == Delivery.Weekly);
            var subject = (weekly ? "Digest.Subject.Weekly" : "Digest.Subject.Daily") + (digest.Count == 1 ? "One" : string.Empty);
            var unsubscribe = new EmailUnsubscribe(Unsubscribe(culture, person.Id, null), settings);
            emails.Add(new(composer.ComposeDigest(person.Email, culture, new EmailParagraph(subject, digest.Count), person.DisplayName,
                weekly ? "Digest.Intro.Weekly" : "Digest.Intro.Daily",
                digest.Select(n => new EmailDigestItem(Text(n), site.Page(culture, n.Link))).ToList(),
                "Digest.Action", site.Page(culture, "notifications"), unsubscribe), digest));
        }

        return emails;
    }

    private static EmailParagraph Text(Notification n) => new(n.TextKey, [.. n.Arguments]);

    private string Unsubscribe(string culture, string userId, NotificationKind? kind) =>
        site.Page(culture, "notifications/unsubscribe?token=" + Uri.EscapeDataString(tokens.Create(userId, kind)));
}
