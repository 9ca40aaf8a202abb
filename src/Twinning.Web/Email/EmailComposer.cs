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
    public EmailMessage Compose(
        string to, string culture, string subjectKey, string greetingName,
        IReadOnlyList<EmailParagraph> paragraphs, string actionKey, string actionUrl)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        var language = CultureInfo.GetCultureInfo(SupportedCultures.Match(culture) ?? SupportedCultures.Default);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = language;
        try
        {
            var subject = texts[subjectKey].Value;
            var greeting = texts["Email.Greeting", greetingName].Value;
            var lines = paragraphs.Select(p => texts[p.Key, p.Arguments].Value).ToList();
            var action = texts[actionKey].Value;
            var signature = texts["Email.Signature"].Value;
            var ignore = texts["Email.IgnoreIfNotYou"].Value;

            var text = new StringBuilder()
                .AppendLine(greeting).AppendLine();
            foreach (var p in lines)
                text.AppendLine(p).AppendLine();
            text.AppendLine(CultureInfo.CurrentCulture, $"{action}: {actionUrl}").AppendLine()
                .AppendLine(ignore).AppendLine()
                .AppendLine(signature);

            var html = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{language.Name}\"><head><meta charset=\"utf-8\"><title>{Encode(subject)}</title></head>")
                .Append("<body style=\"font-family:Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a\">")
                .Append(CultureInfo.InvariantCulture, $"<p>{Encode(greeting)}</p>");
            foreach (var p in lines)
                html.Append(CultureInfo.InvariantCulture, $"<p>{Encode(p)}</p>");
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Encode(actionUrl)}\" style=\"display:inline-block;padding:10px 18px;background:#0b4f9c;color:#ffffff;text-decoration:none;border-radius:4px\">{Encode(action)}</a></p>")
                .Append(CultureInfo.InvariantCulture, $"<p style=\"font-size:14px;color:#444\">{Encode(ignore)}</p>")
                .Append(CultureInfo.InvariantCulture, $"<p>{Encode(signature)}</p></body></html>");

            return new EmailMessage(to, subject, text.ToString(), html.ToString());
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}

/// <summary>One paragraph of an e-mail: a key of EmailResource and the values for its placeholders.</summary>
public sealed record EmailParagraph(string Key, params object[] Arguments)
{
    public static implicit operator EmailParagraph(string key) => new(key);
}
