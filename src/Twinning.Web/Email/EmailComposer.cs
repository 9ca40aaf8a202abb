using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Localization;
using Twinning.Infrastructure.Email;
using Twinning.Web.Resources;

namespace Twinning.Web.Email;

/// <summary>
/// Writes an e-mail in the recipient's language, as plain text and as HTML with one call to action.
/// Every text comes from EmailResource; every value put into the HTML is encoded.
/// </summary>
public sealed class EmailComposer(IStringLocalizer<EmailResource> texts)
{
    /// <summary>
    /// An e-mail of paragraphs and one call to action. With <paramref name="unsubscribe"/> (notification
    /// e-mails), the footer says why it came and how to stop it, instead of "ignore it if it was not you".
    /// </summary>
    public EmailMessage Compose(
        string to, string culture, EmailParagraph subjectKey, string greetingName,
        IReadOnlyList<EmailParagraph> paragraphs, string actionKey, string actionUrl, EmailUnsubscribe? unsubscribe = null) =>
        Write(to, culture, subjectKey, greetingName, paragraphs, [], actionKey, actionUrl, unsubscribe);

    /// <summary>A digest: an introduction, then a list of items, each its text linking to its page.</summary>
    public EmailMessage ComposeDigest(
        string to, string culture, EmailParagraph subject, string greetingName, EmailParagraph introduction,
        IReadOnlyList<EmailDigestItem> items, string actionKey, string actionUrl, EmailUnsubscribe? unsubscribe = null) =>
        Write(to, culture, subject, greetingName, [introduction], items, actionKey, actionUrl, unsubscribe);

    private EmailMessage Write(
        string to, string culture, EmailParagraph subjectKey, string greetingName, IReadOnlyList<EmailParagraph> paragraphs,
        IReadOnlyList<EmailDigestItem> items, string actionKey, string actionUrl, EmailUnsubscribe? unsubscribe)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var language = CultureInfo.GetCultureInfo(SupportedCultures.Match(culture) ?? SupportedCultures.Default);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language;
        try
        {
            var subject = Text(subjectKey);
            var greeting = texts["Email.Greeting", greetingName].Value;
            var lines = paragraphs.Select(Text).ToList();
            var list = items.Select(i => (Text: Text(i.Text), i.Url)).ToList();
            var action = texts[actionKey].Value;
            var signature = texts["Email.Signature"].Value;
            var footer = unsubscribe is null ? texts["Email.IgnoreIfNotYou"].Value : texts["Email.WhyYouGetThis"].Value;
            var stop = unsubscribe is null ? null : texts["Email.Unsubscribe"].Value;
            var settings = unsubscribe is null ? null : texts["Email.Settings"].Value;

            var text = new StringBuilder()
                .AppendLine(greeting).AppendLine();
            foreach (var p in lines)
                text.AppendLine(p).AppendLine();
            foreach (var (itemText, url) in list)
                text.AppendLine(CultureInfo.CurrentCulture, $"- {itemText}").AppendLine(CultureInfo.CurrentCulture, $"  {url}").AppendLine();
            text.AppendLine(CultureInfo.CurrentCulture, $"{action}: {actionUrl}").AppendLine()
                .AppendLine(footer);
            if (unsubscribe is not null)
            {
                text.AppendLine(CultureInfo.CurrentCulture, $"{stop}: {unsubscribe.Url}")
                    .AppendLine(CultureInfo.CurrentCulture, $"{settings}: {unsubscribe.SettingsUrl}");
            }
            text.AppendLine().AppendLine(signature);

            var html = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{language.Name}\"><head><meta charset=\"utf-8\"><title>{Encode(subject)}</title></head>")
                .Append("<body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a\">")
                .Append(CultureInfo.InvariantCulture, $"<p>{Encode(greeting)}</p>");
            foreach (var p in lines)
                html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(p)}</p>");
            if (list.Count > 0)
            {
                html.Append("<ul>");
                foreach (var (itemText, url) in list)
                    html.Append(CultureInfo.InvariantCulture, $"<li><a href=\"{Encode(url)}\">{Encode(itemText)}</a></li>");
                html.Append("</ul>");
            }
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(actionUrl)}\" style=\"display:inline-block;padding:10px 18px;background:#0b4f9c;color:#ffffff;text-decoration:none;border-radius:4px\">{Encode(action)}</a></p>")
                .Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:14px;color:#444\">{Encode(footer)}");
            if (unsubscribe is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $" <a href=\"{Encode(unsubscribe.Url)}\">{Encode(stop!)}</a>")
                    .Append(CultureInfo.InvariantCulture, $" · <a href=\"{Encode(unsubscribe.SettingsUrl)}\">{Encode(settings!)}</a>");
            }
            html.Append("</p>")
                .Append(CultureInfo.InvariantCulture, $"<p>{Encode(signature)}</p></body></html>");

            return new EmailMessage(to, subject, text.ToString(), html.ToString()) { UnsubscribeUrl = unsubscribe?.Url };
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private string Text(EmailParagraph paragraph) => texts[paragraph.Key, paragraph.Arguments].Value;

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}

/// <summary>One paragraph of an e-mail: a key of EmailResource and the values for its placeholders.</summary>
public sealed record EmailParagraph(string Key, params object[] Arguments)
{
    public static implicit operator EmailParagraph(string key) => new(key);
}

/// <summary>One entry of a digest: its text (a key with values) and the absolute address of its page.</summary>
public sealed record EmailDigestItem(EmailParagraph Text, string Url);

/// <summary>The links of a notification e-mail's footer: stop these e-mails (no login needed), and all settings.</summary>
public sealed record EmailUnsubscribe(string Url, string SettingsUrl);
