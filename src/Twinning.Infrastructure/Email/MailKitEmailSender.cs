using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Twinning.Infrastructure.Email;

/// <summary>
/// Sends through SMTP with MailKit when a host is configured; otherwise writes each message as an
/// .eml file to the pickup folder, so that a default run needs no mail server and loses no mail.
/// </summary>
public sealed class MailKitEmailSender(
    IOptions<EmailOptions> options,
    EmailPickupDirectory pickup,
    ILogger<MailKitEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        using var mime = Build(message, settings);

        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            System.IO.Directory.CreateDirectory(pickup.Path);
            var file = Path.Combine(pickup.Path, $"{DateTimeOffset.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(file, cancellationToken);
            logger.LogInformation("No SMTP host configured: e-mail {Subject} to {Recipient} written to {File}",
                message.Subject, message.To, file);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, settings.Smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? string.Empty, cancellationToken);
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        logger.LogInformation("E-mail {Subject} sent to {Recipient} through {SmtpHost}", message.Subject, message.To, settings.Smtp.Host);
    }

    private static MimeMessage Build(EmailMessage message, EmailOptions settings)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        if (!string.IsNullOrEmpty(message.UnsubscribeUrl))
            mime.Headers.Add(HeaderId.ListUnsubscribe, $"<{message.UnsubscribeUrl}>");
        mime.Body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody }.ToMessageBody();
        return mime;
    }
}

/// <summary>The resolved absolute folder for picked-up mail.</summary>
public sealed record EmailPickupDirectory(string Path);
