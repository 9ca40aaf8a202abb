using FluentValidation;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Localization;
using Twinning.Infrastructure.Identity;
using Twinning.Web.Features.Account;
using Twinning.Web.Resources;

namespace Twinning.Web.Features.Manage;

public sealed class ProfileInput
{
    public string DisplayName { get; set; } = string.Empty;
    public string PreferredCulture { get; set; } = SupportedCultures.Default;
    public string? Email { get; set; }
}

public sealed class ChangePasswordInput
{
    public string OldPassword { get; set; } = string.Empty;
    public string NewPassword { get; set; } = string.Empty;
    public string ConfirmPassword { get; set; } = string.Empty;
}

public sealed class TwoFactorModel
{
    public bool IsEnabled { get; init; }
    public int RecoveryCodesLeft { get; init; }
    public bool IsMachineRemembered { get; init; }
    public bool IsPrivileged { get; init; }
}

public sealed class EnableAuthenticatorInput
{
    public string Code { get; set; } = string.Empty;
}

public sealed class EnableAuthenticatorModel
{
    public required string SharedKey { get; init; }
    public required string QrCodeDataUri { get; init; }
    public EnableAuthenticatorInput Input { get; init; } = new();
}

public sealed class DeleteAccountInput
{
    public string Password { get; set; } = string.Empty;
}

internal sealed class ProfileInputValidator : AbstractValidator<ProfileInput>
{
    public ProfileInputValidator(IStringLocalizer<ValidationResource> v)
    {
        RuleFor(x => x.DisplayName).NotEmpty().WithMessage(v["DisplayName.Required"])
            .MaximumLength(TwinningUser.DisplayNameMaxLength).WithMessage(v["DisplayName.TooLong", TwinningUser.DisplayNameMaxLength]);
        RuleFor(x => x.PreferredCulture).Must(SupportedCultures.IsSupported).WithMessage(v["Culture.Unsupported"]);
    }
}

internal sealed class ChangePasswordInputValidator : AbstractValidator<ChangePasswordInput>
{
    public ChangePasswordInputValidator(IStringLocalizer<ValidationResource> v)
    {
        RuleFor(x => x.OldPassword).NotEmpty().WithMessage(v["CurrentPassword.Required"]);
        RuleFor(x => x.NewPassword).NewPassword(v);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(v["ConfirmPassword.Mismatch"]);
    }
}

internal sealed class EnableAuthenticatorInputValidator : AbstractValidator<EnableAuthenticatorInput>
{
    public EnableAuthenticatorInputValidator(IStringLocalizer<ValidationResource> v) => RuleFor(x => x.Code).TwoFactorCode(v);
}

internal sealed class DeleteAccountInputValidator : AbstractValidator<DeleteAccountInput>
{
    public DeleteAccountInputValidator(IStringLocalizer<ValidationResource> v) =>
        RuleFor(x => x.Password).NotEmpty().WithMessage(v["CurrentPassword.Required"]);
}
