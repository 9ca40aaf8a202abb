using FluentValidation;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Accounts;
using Twinning.Infrastructure.Identity;
using Twinning.Web.Resources;

namespace Twinning.Web.Features.Account;

public sealed class RegisterInput
{
    public string DisplayName { get; set; } = string.Empty;
    public string Email { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public string ConfirmPassword { get; set; } = string.Empty;
    public string? ReturnUrl { get; set; }
}

public sealed class LoginInput
{
    public string Email { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public bool RememberMe { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorInput
{
    public string Code { get; set; } = string.Empty;
    public bool RememberMe { get; set; }
    public bool RememberMachine { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class RecoveryCodeInput
{
    public string RecoveryCode { get; set; } = string.Empty;
    public string? ReturnUrl { get; set; }
}

public sealed class EmailInput
{
    public string Email { get; set; } = string.Empty;
}

public sealed class ConfirmEmailInput
{
    public string UserId { get; set; } = string.Empty;
    public string Code { get; set; } = string.Empty;
}

public sealed class ResetPasswordInput
{
    public string Email { get; set; } = string.Empty;
    public string Code { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class AccessDeniedModel
{
    public bool NeedsTwoFactor { get; init; }
}

internal static class AccountRules
{
    public const int EmailMaxLength = 256;

    public static IRuleBuilderOptions<T, string> ValidEmail<T>(this IRuleBuilder<T, string> rule, IStringLocalizer<ValidationResource> v) =>
        rule.NotEmpty().WithMessage(v["Email.Required"])
            .MaximumLength(EmailMaxLength).WithMessage(v["Email.TooLong"])
            .EmailAddress().WithMessage(v["Email.Invalid"]);

    public static IRuleBuilderOptions<T, string> NewPassword<T>(this IRuleBuilder<T, string> rule, IStringLocalizer<ValidationResource> v) =>
        rule.NotEmpty().WithMessage(v["Password.Required"])
            .MinimumLength(PasswordRules.MinimumLength).WithMessage(v["Password.TooShort", PasswordRules.MinimumLength])
            .MaximumLength(PasswordRules.MaximumLength).WithMessage(v["Password.TooLong", PasswordRules.MaximumLength]);

    public static IRuleBuilderOptions<T, string> TwoFactorCode<T>(this IRuleBuilder<T, string> rule, IStringLocalizer<ValidationResource> v) =>
        rule.NotEmpty().WithMessage(v["TwoFactorCode.Required"])
            .Matches(@"^\s*\d{3}\s?\d{3}\s*$").WithMessage(v["TwoFactorCode.Invalid"]);
}

internal sealed class RegisterInputValidator : AbstractValidator<RegisterInput>
{
    public RegisterInputValidator(IStringLocalizer<ValidationResource> v)
    {
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage(v["DisplayName.Required"])
            .MaximumLength(TwinningUser.DisplayNameMaxLength).WithMessage(v["DisplayName.TooLong", TwinningUser.DisplayNameMaxLength]);
        RuleFor(x => x.Email).ValidEmail(v);
        RuleFor(x => x.Password).NewPassword(v);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(v["ConfirmPassword.Mismatch"]);
    }
}

internal sealed class LoginInputValidator : AbstractValidator<LoginInput>
{
    public LoginInputValidator(IStringLocalizer<ValidationResource> v)
    {
        RuleFor(x => x.Email).ValidEmail(v);
        RuleFor(x => x.Password).NotEmpty().WithMessage(v["Password.Required"]);
    }
}

internal sealed class TwoFactorInputValidator : AbstractValidator<TwoFactorInput>
{
    public TwoFactorInputValidator(IStringLocalizer<ValidationResource> v) => RuleFor(x => x.Code).TwoFactorCode(v);
}

internal sealed class RecoveryCodeInputValidator : AbstractValidator<RecoveryCodeInput>
{
    public RecoveryCodeInputValidator(IStringLocalizer<ValidationResource> v) =>
        RuleFor(x => x.RecoveryCode).NotEmpty().WithMessage(v["RecoveryCode.Required"])
            .MaximumLength(64).WithMessage(v["RecoveryCode.Invalid"]);
}

internal sealed class EmailInputValidator : AbstractValidator<EmailInput>
{
    public EmailInputValidator(IStringLocalizer<ValidationResource> v) => RuleFor(x => x.Email).ValidEmail(v);
}

internal sealed class ResetPasswordInputValidator : AbstractValidator<ResetPasswordInput>
{
    public ResetPasswordInputValidator(IStringLocalizer<ValidationResource> v)
    {
        RuleFor(x => x.Email).ValidEmail(v);
        RuleFor(x => x.Code).NotEmpty().WithMessage(v["ResetCode.Invalid"]);
        RuleFor(x => x.Password).NewPassword(v);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage(v["ConfirmPassword.Mismatch"]);
    }
}
