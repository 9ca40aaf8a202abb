using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Accounts;
using Twinning.Infrastructure.Data;

namespace Twinning.Web.Features.Verification;

/// <summary>
/// What the signed-in person may act on: the organisations they are an officer of, and the countries
/// whose claims they may decide (their associations' countries; everywhere for an admin).
/// </summary>
public sealed class Remit(TwinningDbContext db)
{
    public static string UserId(ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not signed in.");

    public Task<bool> IsOfficerAsync(ClaimsPrincipal user, int organisationId, CancellationToken cancellationToken = default)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier);
        return id is null
            ? Task.FromResult(false)
            : db.Officers.AnyAsync(o => o.UserId == id && o.OrganisationId == organisationId, cancellationToken);
    }

    /// <summary>Officers of the organisation, and admins (platform staff, who moderate every profile).</summary>
    public async Task<bool> MayEditAsync(ClaimsPrincipal user, int organisationId, CancellationToken cancellationToken = default) =>
        IsAdmin(user) || await IsOfficerAsync(user, organisationId, cancellationToken);

    public async Task<IReadOnlySet<string>> ValidatorCountriesAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var id = UserId(user);
        var lists = await (from v in db.AssociationValidators
                           join a in db.Associations on v.AssociationId equals a.Id
                           where v.UserId == id
                           select a.Countries).ToListAsync(cancellationToken);
        return lists.SelectMany(c => c).ToHashSet(StringComparer.Ordinal);
    }

    public static bool IsAdmin(ClaimsPrincipal user) => user.IsInRole(Roles.Admin) && user.HasClaim(Security.TwinningClaims.TwoFactorEnabled, "true");
}
