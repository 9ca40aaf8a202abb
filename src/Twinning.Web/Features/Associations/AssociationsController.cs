using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Accounts;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Infrastructure.Identity;
using Twinning.Web.Features.Directory;
using Twinning.Web.Features.Verification;
using Twinning.Web.Resources;
using Twinning.Web.Security;

namespace Twinning.Web.Features.Associations;

/// <summary>CEMR admins register the national associations, the countries each covers, and appoint their validators.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class AssociationsController(
    TwinningDbContext db,
    UserManager<TwinningUser> users,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t,
    IStringLocalizer<ValidationResource> v) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken) =>
        View(await ModelAsync(new AssociationInput(), cancellationToken));

    [HttpPost]
    public async Task<IActionResult> Create(AssociationInput input, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return View(nameof(Index), await ModelAsync(input, cancellationToken));

        var now = clock.GetUtcNow();
        var association = db.Associations.Add(new Association(input.Name, input.Countries, now)).Entity;
        await db.SaveChangesAsync(cancellationToken);
        await AuditAsync("association.created", association, $"{association.Name}: {string.Join(',', association.Countries)}", cancellationToken);
        TempData[StatusMessage.Key] = t["Associations.Created"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> AddValidator(ValidatorInput input, CancellationToken cancellationToken)
    {
        var association = await db.Associations.FindAsync([input.AssociationId], cancellationToken);
        if (association is null)
            return NotFound();
        var user = ModelState.IsValid ? await users.FindByEmailAsync(input.Email) : null;
        if (ModelState.IsValid && user is null)
            ModelState.AddModelError(nameof(input.Email), v["Associations.NoSuchAccount"]);
        if (!ModelState.IsValid || user is null)
        {
            TempData[StatusMessage.ErrorKey] = StatusMessage.Errors(ModelState);
            return RedirectToAction(nameof(Index));
        }

        if (!await db.AssociationValidators.AnyAsync(x => x.AssociationId == association.Id && x.UserId == user.Id, cancellationToken))
        {
            db.AssociationValidators.Add(new AssociationValidator(association.Id, user.Id));
            await db.SaveChangesAsync(cancellationToken);
        }
        if (!await users.IsInRoleAsync(user, Roles.Validator))
            await users.AddToRoleAsync(user, Roles.Validator);
        await AuditAsync("validator.appointed", association, user.Email, cancellationToken);
        TempData[StatusMessage.Key] = t["Associations.ValidatorAdded"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost]
    public async Task<IActionResult> RemoveValidator(RemoveValidatorInput input, CancellationToken cancellationToken)
    {
        var link = await db.AssociationValidators.SingleOrDefaultAsync(x => x.AssociationId == input.AssociationId && x.UserId == input.UserId, cancellationToken);
        var association = await db.Associations.FindAsync([input.AssociationId], cancellationToken);
        if (link is null || association is null)
            return NotFound();

        db.AssociationValidators.Remove(link);
        await db.SaveChangesAsync(cancellationToken);
        // The role goes with the last association the person validated for.
        if (!await db.AssociationValidators.AnyAsync(x => x.UserId == input.UserId, cancellationToken) && await users.FindByIdAsync(input.UserId) is { } user)
            await users.RemoveFromRoleAsync(user, Roles.Validator);
        await AuditAsync("validator.removed", association, input.UserId, cancellationToken);
        TempData[StatusMessage.Key] = t["Associations.ValidatorRemoved"].Value;
        return RedirectToAction(nameof(Index));
    }

    private async Task AuditAsync(string action, Association association, string? details, CancellationToken cancellationToken)
    {
        foreach (var country in association.Countries)
            db.AuditLog.Add(new AuditEntry(clock.GetUtcNow(), Remit.UserId(User), action, country, null, $"{association.Name}: {details}"));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<AssociationsModel> ModelAsync(AssociationInput input, CancellationToken cancellationToken)
    {
        var associations = await db.Associations.AsNoTracking().OrderBy(a => a.Name).ToListAsync(cancellationToken);
        var validators = await (from x in db.AssociationValidators
                                join u in db.Users on x.UserId equals u.Id
                                select new { x.AssociationId, Row = new ValidatorRow(u.Id, u.Email!, u.DisplayName, u.TwoFactorEnabled) })
            .ToListAsync(cancellationToken);
        var byAssociation = validators.ToLookup(x => x.AssociationId, x => x.Row);
        return new AssociationsModel(
            associations.Select(a => new AssociationRow(a.Id, a.Name, a.Countries, byAssociation[a.Id].ToList())).ToList(),
            DirectoryController.PlatformCountryOptions(), input);
    }
}
