using MailKit.Security;

namespace Twinning.Infrastructure.Email;

/// <summary>The <c>Email</c> configuration section.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public string FromAddress { get; set; } = "no-reply@twinning.localhost";

    public string FromName { get; set; } = "Twinning";

    /// <summary>SMTP relay; when <see cref="SmtpOptions.Host"/> is empty, mails go to <see cref="PickupDirectory"/>.</summary>
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Folder for .eml files when no SMTP host is set; relative paths are under the data directory.</summary>
    public string PickupDirectory { get; set; } = "mail";
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
