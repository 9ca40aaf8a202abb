using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Directory;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Infrastructure.Directory;
using Twinning.Web.Features.Directory;
using Twinning.Web.Features.Verification;
using Twinning.Web.Localization;
using Twinning.Web.Resources;
using Twinning.Web.Security;

namespace Twinning.Web.Features.Claims;

/// <summary>An officer says they act for an organisation (a town from the directory, or a new one) and follows the decision.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ClaimsController(
    TwinningDbContext db,
    DirectoryIndex index,
    Remit remit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t,
    IStringLocalizer<ValidationResource> v) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = Remit.UserId(User);
        var organisations = await (from o in db.Officers
                                   join org in db.Organisations on o.OrganisationId equals org.Id
                                   where o.UserId == userId
                                   orderby org.Name
                                   select new MyOrganisation(org.Id, org.Name, o.Function)).ToListAsync(cancellationToken);
        var claims = await (from c in db.Claims
                            where c.UserId == userId
                            join org in db.Organisations on c.OrganisationId equals org.Id into named
                            from org in named.DefaultIfEmpty()
                            orderby c.Id descending
                            select new ClaimRow(c.Id, org != null ? org.Name : c.NewOrganisationName!, c.OrganisationId, c.Status, c.CreatedAt, c.Reason))
            .ToListAsync(cancellationToken);
        return View(new MyClaimsModel(organisations, claims));
    }

    [HttpGet]
    public IActionResult Claim(int id) =>
        index.Current.Find(id) is { } organisation
            ? View(Page(organisation, new ClaimInput { OrganisationId = id }))
            : NotFound();

    [HttpPost, ActionName(nameof(Claim)), EnableRateLimiting(RateLimits.Authentication)]
    public async Task<IActionResult> ClaimPost(ClaimInput input, CancellationToken cancellationToken)
    {
        if (index.Current.Find(input.OrganisationId) is not { } organisation)
            return NotFound();
        if (ModelState.IsValid && await remit.IsOfficerAsync(User, organisation.Id, cancellationToken))
            ModelState.AddModelError(string.Empty, v["Claim.AlreadyOfficer"]);
        if (ModelState.IsValid && await HasPendingAsync(c => c.OrganisationId == organisation.Id, cancellationToken))
            ModelState.AddModelError(string.Empty, v["Claim.AlreadyPending"]);
        if (!ModelState.IsValid)
            return View(nameof(Claim), Page(organisation, input));

        db.Claims.Add(OrganisationClaim.ForExisting(Remit.UserId(User), organisation.Id, organisation.CountryCode,
            input.Function, input.OfficialEmail, input.Evidence, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        TempData[StatusMessage.Key] = t["Claim.Submitted"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet]
    public IActionResult NewOrganisation() => View(new NewOrganisationPageModel(DirectoryController.PlatformCountryOptions(), new NewOrganisationInput()));

    [HttpPost, EnableRateLimiting(RateLimits.Authentication)]
    public async Task<IActionResult> NewOrganisation(NewOrganisationInput input, CancellationToken cancellationToken)
    {
        if (ModelState.IsValid && await HasPendingAsync(c => c.NewOrganisationName == input.Name.Trim() && c.CountryCode == input.CountryCode, cancellationToken))
            ModelState.AddModelError(string.Empty, v["Claim.AlreadyPending"]);
        if (!ModelState.IsValid)
            return View(new NewOrganisationPageModel(DirectoryController.PlatformCountryOptions(), input));

        db.Claims.Add(OrganisationClaim.ForNew(Remit.UserId(User), input.Name, input.Kind, input.CountryCode,
            input.Function, input.OfficialEmail, input.Evidence, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        TempData[StatusMessage.Key] = t["Claim.Submitted"].Value;
        return RedirectToAction(nameof(Index));
    }

    private Task<bool> HasPendingAsync(System.Linq.Expressions.Expression<Func<OrganisationClaim, bool>> same, CancellationToken cancellationToken)
    {
        var userId = Remit.UserId(User);
        return db.Claims.Where(c => c.UserId == userId && c.Status == ClaimStatus.Pending).AnyAsync(same, cancellationToken);
    }

    private static ClaimPageModel Page(DirectoryEntry organisation, ClaimInput input) =>
        new(organisation, DirectoryData.CountryName(organisation.CountryCode, CultureRouting.CurrentCulture()), input);

}
