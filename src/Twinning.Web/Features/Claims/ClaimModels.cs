using FluentValidation;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Directory;
using Twinning.Domain.Verification;
using Twinning.Web.Features.Account;
using Twinning.Web.Resources;

namespace Twinning.Web.Features.Claims;

public sealed class ClaimInput
{
    public int OrganisationId { get; set; }
    public string Function { get; set; } = string.Empty;
    public string OfficialEmail { get; set; } = string.Empty;
    public string Evidence { get; set; } = string.Empty;
}

public sealed class NewOrganisationInput
{
    public string Name { get; set; } = string.Empty;
    public OrganisationKind Kind { get; set; } = OrganisationKind.Region;
    public string CountryCode { get; set; } = string.Empty;
    public string Function { get; set; } = string.Empty;
    public string OfficialEmail { get; set; } = string.Empty;
    public string Evidence { get; set; } = string.Empty;
}

public sealed record ClaimPageModel(DirectoryEntry Organisation, string CountryName, ClaimInput Input);

public sealed record NewOrganisationPageModel(IReadOnlyList<Directory.CountryOption> Countries, NewOrganisationInput Input);

public sealed record ClaimRow(int Id, string OrganisationName, int? OrganisationId, ClaimStatus Status, DateTimeOffset CreatedAt, string? Reason);

public sealed record MyOrganisation(int Id, string Name, string Function);

public sealed record MyClaimsModel(IReadOnlyList<MyOrganisation> Organisations, IReadOnlyList<ClaimRow> Claims);

internal static class ClaimRules
{
    public static void Statement<T>(AbstractValidator<T> validator, IStringLocalizer<ValidationResource> v,
        System.Linq.Expressions.Expression<Func<T, string>> function,
        System.Linq.Expressions.Expression<Func<T, string>> email,
        System.Linq.Expressions.Expression<Func<T, string>> evidence)
    {
        validator.RuleFor(function).NotEmpty().WithMessage(v["Claim.Function.Required"])
            .MaximumLength(OrganisationClaim.FunctionMaxLength).WithMessage(v["Claim.Function.TooLong", OrganisationClaim.FunctionMaxLength]);
        validator.RuleFor(email).ValidEmail(v);
        validator.RuleFor(evidence).MaximumLength(OrganisationClaim.EvidenceMaxLength).WithMessage(v["Claim.Evidence.TooLong", OrganisationClaim.EvidenceMaxLength]);
    }
}

internal sealed class ClaimInputValidator : AbstractValidator<ClaimInput>
{
    public ClaimInputValidator(IStringLocalizer<ValidationResource> v) =>
        ClaimRules.Statement(this, v, x => x.Function, x => x.OfficialEmail, x => x.Evidence);
}

internal sealed class NewOrganisationInputValidator : AbstractValidator<NewOrganisationInput>
{
    public NewOrganisationInputValidator(IStringLocalizer<ValidationResource> v)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(v["Organisation.Name.Required"])
            .MaximumLength(Organisation.NameMaxLength).WithMessage(v["Organisation.Name.TooLong", Organisation.NameMaxLength]);
        RuleFor(x => x.Kind).IsInEnum().NotEqual(OrganisationKind.Municipality).WithMessage(v["Organisation.Kind.Invalid"]);
        RuleFor(x => x.CountryCode).Must(c => Directory.DirectoryController.PlatformCountries.Contains(c)).WithMessage(v["Organisation.Country.Invalid"]);
        ClaimRules.Statement(this, v, x => x.Function, x => x.OfficialEmail, x => x.Evidence);
    }
}
