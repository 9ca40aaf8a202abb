using FluentValidation;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Directory;
using Twinning.Domain.Verification;
using Twinning.Web.Resources;

namespace Twinning.Web.Features.Verification;

public sealed class DecisionInput
{
    public int Id { get; set; }
    public string? Reason { get; set; }
}

internal sealed class DecisionInputValidator : AbstractValidator<DecisionInput>
{
    public DecisionInputValidator(IStringLocalizer<ValidationResource> v) =>
        RuleFor(x => x.Reason).MaximumLength(OrganisationClaim.ReasonMaxLength).WithMessage(v["Decision.Reason.TooLong", OrganisationClaim.ReasonMaxLength]);
}

public sealed record PendingClaim(
    int Id, string ClaimantName, string ClaimantEmail, string OrganisationName, int? OrganisationId, OrganisationKind? NewKind,
    string CountryCode, string Function, string OfficialEmail, string Evidence, DateTimeOffset CreatedAt);

public sealed record QueueModel(IReadOnlyList<PendingClaim> Claims, IReadOnlyList<string> Countries, bool IsAdmin);

public sealed record AuditRow(DateTimeOffset At, string Actor, string Action, string? CountryCode, string? OrganisationName, string? Details);
