using FluentValidation;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Verification;
using Twinning.Web.Features.Account;
using Twinning.Web.Resources;

namespace Twinning.Web.Features.Associations;

public sealed class AssociationInput
{
    public string Name { get; set; } = string.Empty;
    public List<string> Countries { get; set; } = [];
}

public sealed class ValidatorInput
{
    public int AssociationId { get; set; }
    public string Email { get; set; } = string.Empty;
}

public sealed class RemoveValidatorInput
{
    public int AssociationId { get; set; }
    public string UserId { get; set; } = string.Empty;
}

public sealed record ValidatorRow(string UserId, string Email, string DisplayName, bool TwoFactorEnabled);

public sealed record AssociationRow(int Id, string Name, IReadOnlyList<string> Countries, IReadOnlyList<ValidatorRow> Validators);

public sealed record AssociationsModel(IReadOnlyList<AssociationRow> Associations, IReadOnlyList<Directory.CountryOption> Countries, AssociationInput Input);

internal sealed class AssociationInputValidator : AbstractValidator<AssociationInput>
{
    public AssociationInputValidator(IStringLocalizer<ValidationResource> v)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(v["Organisation.Name.Required"])
            .MaximumLength(Association.NameMaxLength).WithMessage(v["Organisation.Name.TooLong", Association.NameMaxLength]);
        RuleFor(x => x.Countries).NotEmpty().WithMessage(v["Association.Countries.Required"]);
        RuleForEach(x => x.Countries).Must(c => Directory.DirectoryController.PlatformCountries.Contains(c)).WithMessage(v["Organisation.Country.Invalid"]);
    }
}

internal sealed class ValidatorInputValidator : AbstractValidator<ValidatorInput>
{
    public ValidatorInputValidator(IStringLocalizer<ValidationResource> v) => RuleFor(x => x.Email).ValidEmail(v);
}
