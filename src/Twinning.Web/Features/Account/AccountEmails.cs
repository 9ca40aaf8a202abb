using Twinning.Infrastructure.Email;
using Twinning.Infrastructure.Identity;
using Twinning.Web.Email;

namespace Twinning.Web.Features.Account;

/// <summary>The account e-mails, each in the recipient's preferred language.</summary>
public sealed class AccountEmails(EmailComposer composer, IEmailSender sender)
{
    public Task SendConfirmationAsync(TwinningUser user, string link) =>
        Send(user, "ConfirmEmail.Subject", ["ConfirmEmail.Body"], "ConfirmEmail.Action", link);

    public Task SendPasswordResetAsync(TwinningUser user, string link) =>
        Send(user, "ResetPassword.Subject", ["ResetPassword.Body", "ResetPassword.Expiry"], "ResetPassword.Action", link);

    /// <summary>Someone tried to register with an address that has an account: tell its owner, nobody else.</summary>
    public Task SendAlreadyRegisteredAsync(TwinningUser user, string forgotPasswordLink) =>
        Send(user, "AlreadyRegistered.Subject", ["AlreadyRegistered.Body", "AlreadyRegistered.Forgot"], "AlreadyRegistered.Action", forgotPasswordLink);

    private Task Send(TwinningUser user, string subject, IReadOnlyList<EmailParagraph> paragraphs, string action, string link) =>
        sender.SendAsync(composer.Compose(user.Email!, user.PreferredCulture, subject, user.DisplayName, paragraphs, action, link));
}
