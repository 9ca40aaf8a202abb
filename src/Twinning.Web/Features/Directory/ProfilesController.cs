using System.Globalization;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Directory;
using Twinning.Domain.Localization;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Infrastructure.Email;
using Twinning.Web.Email;
using Twinning.Web.Features.Account;
using Twinning.Web.Features.Verification;
using Twinning.Web.Localization;
using Twinning.Web.Resources;
using Twinning.Web.Security;

namespace Twinning.Web.Features.Directory;

public sealed class DescriptionInput
{
    public string Language { get; set; } = string.Empty;
    public string? Text { get; set; }
}

public sealed class ProfileEditInput
{
    public int Id { get; set; }
    public Guid ConcurrencyStamp { get; set; }
    public List<DescriptionInput> Descriptions { get; set; } = [];
    public List<int> Themes { get; set; } = [];
    public List<string> WorkingLanguages { get; set; } = [];
}

public sealed class InviteInput
{
    public int OrganisationId { get; set; }
    public string Email { get; set; } = string.Empty;
    public string Function { get; set; } = string.Empty;
}

public sealed record OfficerRow(string DisplayName, string Function);

public sealed record ProfileEditModel(string Name, IReadOnlyList<ThemeOption> Themes, IReadOnlyList<OfficerRow> Officers, ProfileEditInput Input);

internal sealed class InviteInputValidator : AbstractValidator<InviteInput>
{
    public InviteInputValidator(IStringLocalizer<ValidationResource> v)
    {
        RuleFor(x => x.Email).ValidEmail(v);
        RuleFor(x => x.Function).NotEmpty().WithMessage(v["Claim.Function.Required"])
            .MaximumLength(OrganisationClaim.FunctionMaxLength).WithMessage(v["Claim.Function.TooLong", OrganisationClaim.FunctionMaxLength]);
    }
}

internal sealed class ProfileEditInputValidator : AbstractValidator<ProfileEditInput>
{
    public ProfileEditInputValidator(IStringLocalizer<ValidationResource> v)
    {
        RuleForEach(x => x.Descriptions).ChildRules(d =>
        {
            d.RuleFor(x => x.Language).Must(SupportedCultures.IsSupported).WithMessage(v["Culture.Unsupported"]);
            d.RuleFor(x => x.Text).MaximumLength(OrganisationDescription.TextMaxLength).WithMessage(v["Profile.Description.TooLong", OrganisationDescription.TextMaxLength]);
        });
        RuleForEach(x => x.WorkingLanguages).Must(SupportedCultures.IsSupported).WithMessage(v["Culture.Unsupported"]);
    }
}

/// <summary>Officers of an organisation (and admins) edit its profile: texts in several languages, themes, working languages.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ProfilesController(
    TwinningDbContext db,
    Remit remit,
    DirectoryIndexLoader directory,
    TimeProvider clock,
    EmailComposer composer,
    IEmailSender sender,
    IStringLocalizer<SharedResource> t,
    IStringLocalizer<ValidationResource> v) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Descriptions).Include(o => o.Themes)
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (organisation is null)
            return NotFound();
        if (!await remit.MayEditAsync(User, id, cancellationToken))
            return Forbid();

        var written = organisation.Descriptions.ToDictionary(d => d.Language, d => d.Text);
        var input = new ProfileEditInput
        {
            Id = id,
            ConcurrencyStamp = organisation.ConcurrencyStamp,
            // One field per EU language, the written ones first, so an officer can add a translation in place.
            Descriptions = SupportedCultures.Codes
                .OrderBy(c => written.ContainsKey(c) ? 0 : c == CultureRouting.CurrentCulture() ? 1 : 2)
                .ThenBy(c => c, StringComparer.Ordinal)
                .Select(c => new DescriptionInput { Language = c, Text = written.GetValueOrDefault(c) })
                .ToList(),
            Themes = organisation.Themes.Select(x => x.ThemeId).ToList(),
            WorkingLanguages = organisation.WorkingLanguages.ToList(),
        };
        return View("~/Features/Directory/Edit.cshtml", await ModelAsync(organisation.Name, input, cancellationToken));
    }

    [HttpPost]
    public async Task<IActionResult> Edit(ProfileEditInput input, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.Include(o => o.Descriptions).Include(o => o.Themes)
            .SingleOrDefaultAsync(o => o.Id == input.Id, cancellationToken);
        if (organisation is null)
            return NotFound();
        if (!await remit.MayEditAsync(User, input.Id, cancellationToken))
            return Forbid();

        // Offered themes, plus retired ones the profile already has (kept unless unticked).
        var current = organisation.Themes.Select(x => x.ThemeId).ToList();
        var validThemes = await db.Themes.Where(x => !x.IsRetired || current.Contains(x.Id)).Select(x => x.Id).ToListAsync(cancellationToken);
        if (input.Themes.Except(validThemes).Any())
            ModelState.AddModelError(nameof(input.Themes), v["Profile.Themes.Invalid"]);
        if (!ModelState.IsValid)
            return View("~/Features/Directory/Edit.cshtml", await ModelAsync(organisation.Name, input, cancellationToken));

        // Someone else saved since this form was opened: keep what this person typed and say so.
        db.Entry(organisation).Property(o => o.ConcurrencyStamp).OriginalValue = input.ConcurrencyStamp;
        var texts = input.Descriptions
            .Where(d => !string.IsNullOrWhiteSpace(d.Text))
            .GroupBy(d => d.Language.ToLowerInvariant())
            .ToDictionary(g => g.Key, g => g.First().Text!.Trim());
        organisation.EditProfile(texts, input.Themes, input.WorkingLanguages, clock.GetUtcNow());
        db.AuditLog.Add(new AuditEntry(clock.GetUtcNow(), Remit.UserId(User), "profile.edited", organisation.CountryCode, organisation.Id,
            string.Join(',', texts.Keys)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Keep the person's text, and take the current version so that saving again, after a look, succeeds.
            db.ChangeTracker.Clear();
            input.ConcurrencyStamp = await db.Organisations.Where(o => o.Id == input.Id).Select(o => o.ConcurrencyStamp).SingleAsync(cancellationToken);
            ModelState.Remove("Input.ConcurrencyStamp");
            ModelState.AddModelError(string.Empty, v["Profile.Concurrency"]);
            return View("~/Features/Directory/Edit.cshtml", await ModelAsync(organisation.Name, input, cancellationToken));
        }

        await directory.ReloadAsync(cancellationToken);
        TempData[StatusMessage.Key] = t["Profile.Saved"].Value;
        return RedirectToAction("Profile", "Directory", new { id = organisation.Id });
    }

    /// <summary>An officer adds a colleague who already has an account; the colleague is told by e-mail.</summary>
    [HttpPost]
    public async Task<IActionResult> Invite(InviteInput input, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == input.OrganisationId, cancellationToken);
        if (organisation is null)
            return NotFound();
        if (!await remit.MayEditAsync(User, organisation.Id, cancellationToken))
            return Forbid();

        var normalized = input.Email.Trim().ToUpperInvariant();
        var colleague = ModelState.IsValid ? await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken) : null;
        if (ModelState.IsValid && colleague is null)
            ModelState.AddModelError(nameof(input.Email), v["Associations.NoSuchAccount"]);
        if (!ModelState.IsValid || colleague is null)
        {
            TempData[StatusMessage.ErrorKey] = StatusMessage.Errors(ModelState);
            return RedirectToAction(nameof(Edit), new { id = organisation.Id });
        }

        if (!await db.Officers.AnyAsync(o => o.OrganisationId == organisation.Id && o.UserId == colleague.Id, cancellationToken))
        {
            db.Officers.Add(new OrganisationOfficer(organisation.Id, colleague.Id, input.Function.Trim(), clock.GetUtcNow()));
            db.AuditLog.Add(new AuditEntry(clock.GetUtcNow(), Remit.UserId(User), "officer.invited", organisation.CountryCode, organisation.Id, colleague.Email));
            await db.SaveChangesAsync(cancellationToken);
            var link = Url.Action("Edit", "Profiles", new { id = organisation.Id }, Request.Scheme, Request.Host.Value)!;
            await sender.SendAsync(composer.Compose(colleague.Email!, colleague.PreferredCulture, "ColleagueAdded.Subject", colleague.DisplayName,
                [new EmailParagraph("ColleagueAdded.Body", organisation.Name)], "ClaimApproved.Action", link), cancellationToken);
        }

        TempData[StatusMessage.Key] = t["Profile.ColleagueAdded"].Value;
        return RedirectToAction(nameof(Edit), new { id = organisation.Id });
    }

    private async Task<ProfileEditModel> ModelAsync(string name, ProfileEditInput input, CancellationToken cancellationToken)
    {
        var culture = CultureRouting.CurrentCulture();
        var chosen = input.Themes;
        var themes = (await db.Themes.AsNoTracking().Where(x => !x.IsRetired || chosen.Contains(x.Id)).ToListAsync(cancellationToken))
            .Select(x => new ThemeOption(x.Id, x.NameIn(culture)))
            .OrderBy(x => x.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true))
            .ToList();
        var officers = await (from o in db.Officers
                              join u in db.Users on o.UserId equals u.Id
                              where o.OrganisationId == input.Id
                              orderby u.DisplayName
                              select new OfficerRow(u.DisplayName, o.Function)).ToListAsync(cancellationToken);
        return new ProfileEditModel(name, themes, officers, input);
    }
}
