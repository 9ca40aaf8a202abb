using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Directory;
using Twinning.Domain.Localization;
using Twinning.Domain.Requests;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Infrastructure.Directory;
using Twinning.Web.Features.Directory;
using Twinning.Web.Features.Verification;
using Twinning.Web.Localization;
using Twinning.Web.Resources;
using Twinning.Web.Security;

namespace Twinning.Web.Features.Requests;

/// <summary>
/// Partner requests: "we look for a partner like this". Officers write them, validators of their
/// country publish or reject them, everyone finds the published ones and officers answer them.
/// </summary>
public sealed class RequestsController(
    TwinningDbContext db,
    Remit remit,
    RequestCatalog catalog,
    RequestWorkflow workflow,
    DirectoryIndex index,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t,
    IStringLocalizer<ValidationResource> v,
    Matching.Suggestions suggestions) : Controller
{
    private const string FormView = "Form";
    private const int DetailsCandidates = 5;

    [HttpGet]
    [AllowAnonymous]
    public async Task<IActionResult> Index(RequestFilter filter, CancellationToken cancellationToken)
    {
        var culture = CultureRouting.CurrentCulture();
        var published = await catalog.PublishedAsync(cancellationToken);
        var results = RequestSearch.Search(published, filter.ToQuery(), filter.Page);
        var themes = await ThemesAsync(culture, includeRetired: true, cancellationToken);
        return View(new RequestSearchModel(filter, results, DirectoryController.PlatformCountryOptions(),
            themes.Where(x => !x.Retired).Select(x => x.Option).ToList(), themes.ToDictionary(x => x.Option.Id, x => x.Option.Name)));
    }

    [HttpGet]
    [AllowAnonymous]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().Include(r => r.Texts).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null || index.Current.Find(request.OrganisationId) is not { } organisation)
            return NotFound();

        var signedIn = User.Identity?.IsAuthenticated == true;
        var isOwner = signedIn && await remit.IsOfficerAsync(User, request.OrganisationId, cancellationToken);
        var mayDecide = signedIn && await workflow.MayDecideAsync(User, request, cancellationToken);
        var isAdmin = Remit.IsAdmin(User);
        // Only what is published and not hidden is public; the rest is for its officers, its validators and admins.
        if (!request.IsOpen && !isOwner && !mayDecide && !isAdmin && request.Status is not (RequestStatus.Matched or RequestStatus.Closed or RequestStatus.Expired))
            return NotFound();
        if (request.IsHidden && !isOwner && !isAdmin)
            return NotFound();

        var culture = CultureRouting.CurrentCulture();
        var text = request.TextFor(culture);
        var listing = RequestCatalog.Listing(request, organisation);
        var readerFits = new List<(DirectoryEntry, IReadOnlyList<FitCheck>)>();
        if (signedIn && !isOwner)
        {
            var mine = await MyOrganisationIdsAsync(cancellationToken);
            foreach (var own in mine.Select(index.Current.Find).OfType<DirectoryEntry>())
                readerFits.Add((own, RequestFit.Check(listing, own)));
        }

        var themes = await ThemesAsync(culture, includeRetired: true, cancellationToken);
        var answers = isOwner ? await db.Conversations.CountAsync(c => c.RequestId == id, cancellationToken) : 0;
        return View(new RequestDetailsModel(
            request, text, request.Texts.Where(x => x.Language != text.Language).OrderBy(x => x.Language, StringComparer.Ordinal).ToList(),
            organisation, DirectoryData.CountryName(organisation.CountryCode, culture),
            request.WantedCountries.Select(c => DirectoryData.CountryName(c, culture)).Order(StringComparer.Create(CultureInfo.CurrentCulture, true)).ToList(),
            themes.Where(x => request.Themes.Contains(x.Option.Id)).Select(x => x.Option.Name).ToList(),
            readerFits, isOwner, mayDecide, isAdmin, signedIn, answers)
        {
            Candidates = (isOwner || isAdmin) && suggestions.ForRequest(request) is { } context
                ? await suggestions.RankAsync(context, DetailsCandidates, cancellationToken) : [],
            FittingRequests = request.IsOpen ? suggestions.FittingRequests(request, DetailsCandidates) : [],
        });
    }

    /// <summary>The requests of every organisation the person acts for, in every state, with what they can do next.</summary>
    [HttpGet]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Mine(CancellationToken cancellationToken)
    {
        var culture = CultureRouting.CurrentCulture();
        var organisations = await MyOrganisationsAsync(cancellationToken);
        var ids = organisations.Select(o => o.Id).ToList();
        var requests = await db.Requests.AsNoTracking().Include(r => r.Texts).Where(r => ids.Contains(r.OrganisationId)).OrderByDescending(r => r.Id)
            .ToListAsync(cancellationToken);
        var requestIds = requests.Select(r => r.Id).ToList();
        var answers = await db.Conversations.Where(c => c.RequestId != null && requestIds.Contains(c.RequestId.Value))
            .GroupBy(c => c.RequestId!.Value).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        var rows = requests.Select(r => new RequestRow(r.Id, r.TextFor(culture).Title, names[r.OrganisationId], r.Status, r.Purpose, r.Deadline,
            r.RejectionReason, r.IsHidden, answers.GetValueOrDefault(r.Id))).ToList();
        return View(new MyRequestsModel(organisations, rows));
    }

    [HttpGet]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Create(int organisationId, CancellationToken cancellationToken)
    {
        if (await MayWriteForAsync(organisationId, cancellationToken) is { } refusal)
            return refusal;
        var culture = CultureRouting.CurrentCulture();
        var organisation = index.Current.Find(organisationId)!;
        var input = new RequestInput
        {
            OrganisationId = organisationId,
            Texts = TextFields([], culture),
            WorkingLanguages = organisation.WorkingLanguages.ToList(),
            Themes = organisation.ThemeIds.ToList(),
        };
        return View(FormView, await FormAsync(organisation.Name, null, input, cancellationToken));
    }

    [HttpPost]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Create(RequestInput input, CancellationToken cancellationToken)
    {
        if (await MayWriteForAsync(input.OrganisationId, cancellationToken) is { } refusal)
            return refusal;
        var organisation = index.Current.Find(input.OrganisationId)!;
        if (!ModelState.IsValid)
            return View(FormView, await FormAsync(organisation.Name, null, input, cancellationToken));

        var now = clock.GetUtcNow();
        var request = new PartnerRequest(organisation.Id, organisation.CountryCode, Remit.UserId(User), input.ToContent(), now);
        if (input.Submit)
            request.Submit(now);
        db.Requests.Add(request);
        db.AuditLog.Add(new AuditEntry(now, Remit.UserId(User), input.Submit ? "request.submitted" : "request.drafted", organisation.CountryCode, organisation.Id, null));
        await db.SaveChangesAsync(cancellationToken);
        TempData[StatusMessage.Key] = t[input.Submit ? "Requests.Submitted" : "Requests.DraftSaved"].Value;
        return RedirectToAction(nameof(Details), new { id = request.Id });
    }

    [HttpGet]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().Include(r => r.Texts).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
            return NotFound();
        if (await MayWriteForAsync(request.OrganisationId, cancellationToken) is { } refusal)
            return refusal;
        if (!request.IsEditable)
            return EndedRedirect(id);

        var input = new RequestInput
        {
            Id = id,
            OrganisationId = request.OrganisationId,
            ConcurrencyStamp = request.ConcurrencyStamp,
            Purpose = request.Purpose,
            Texts = TextFields(request.Texts, CultureRouting.CurrentCulture()),
            WantedCountries = request.WantedCountries.ToList(),
            WantedBands = request.WantedBands.ToList(),
            Themes = request.Themes.ToList(),
            WorkingLanguages = request.WorkingLanguages.ToList(),
            Deadline = request.Deadline,
            FundingCall = request.FundingCall,
            Distance = request.Distance,
        };
        return View(FormView, await FormAsync(index.Current.Find(request.OrganisationId)?.Name ?? string.Empty, request.Status, input, cancellationToken));
    }

    [HttpPost]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Edit(RequestInput input, CancellationToken cancellationToken)
    {
        var request = await db.Requests.Include(r => r.Texts).SingleOrDefaultAsync(r => r.Id == input.Id, cancellationToken);
        if (request is null)
            return NotFound();
        if (await MayWriteForAsync(request.OrganisationId, cancellationToken) is { } refusal)
            return refusal;
        if (!request.IsEditable)
            return EndedRedirect(request.Id);
        var name = index.Current.Find(request.OrganisationId)?.Name ?? string.Empty;
        input.OrganisationId = request.OrganisationId;
        if (!ModelState.IsValid)
            return View(FormView, await FormAsync(name, request.Status, input, cancellationToken));

        // Someone else saved since this form was opened: keep what this person typed and say so.
        db.Entry(request).Property(r => r.ConcurrencyStamp).OriginalValue = input.ConcurrencyStamp;
        var now = clock.GetUtcNow();
        var backToValidation = request.Edit(input.ToContent(), now);
        var submitted = input.Submit && request.Status is RequestStatus.Draft or RequestStatus.Rejected;
        if (submitted)
            request.Submit(now);
        db.AuditLog.Add(new AuditEntry(now, Remit.UserId(User), submitted ? "request.submitted" : "request.edited", request.CountryCode, request.OrganisationId,
            $"request {request.Id}{(backToValidation ? ": back to validation" : null)}"));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Requests.AsNoTracking().Where(r => r.Id == input.Id).Select(r => new { r.ConcurrencyStamp, r.Status }).SingleAsync(cancellationToken);
            input.ConcurrencyStamp = current.ConcurrencyStamp;
            ModelState.Remove("Input.ConcurrencyStamp");
            ModelState.AddModelError(string.Empty, v["Request.Concurrency"]);
            return View(FormView, await FormAsync(name, current.Status, input, cancellationToken));
        }

        TempData[StatusMessage.Key] = t[submitted ? "Requests.Submitted" : backToValidation ? "Requests.BackToValidation" : "Requests.Saved"].Value;
        return RedirectToAction(nameof(Details), new { id = request.Id });
    }

    [HttpPost]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Submit(int id, CancellationToken cancellationToken)
    {
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
            return NotFound();
        if (await MayWriteForAsync(request.OrganisationId, cancellationToken) is { } refusal)
            return refusal;
        if (request.Status is not (RequestStatus.Draft or RequestStatus.Rejected))
            return WrongState(id);
        var now = clock.GetUtcNow();
        request.Submit(now);
        db.AuditLog.Add(new AuditEntry(now, Remit.UserId(User), "request.submitted", request.CountryCode, request.OrganisationId, $"request {id}"));
        return await SaveAndShowAsync(id, "Requests.Submitted", cancellationToken);
    }

    [HttpPost]
    [Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Close(int id, CancellationToken cancellationToken)
    {
        var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
            return NotFound();
        if (await MayWriteForAsync(request.OrganisationId, cancellationToken) is { } refusal)
            return refusal;
        if (request.Status is RequestStatus.Matched or RequestStatus.Closed or RequestStatus.Expired)
            return WrongState(id);
        var now = clock.GetUtcNow();
        request.Close(now);
        db.AuditLog.Add(new AuditEntry(now, Remit.UserId(User), "request.closed", request.CountryCode, request.OrganisationId, $"request {id}"));
        return await SaveAndShowAsync(id, "Requests.ClosedMessage", cancellationToken);
    }

    /// <summary>The validation queue: submitted requests of the validator's countries (every country for an admin).</summary>
    [HttpGet]
    [Authorize(Policy = Policies.Validator)]
    public async Task<IActionResult> Review(CancellationToken cancellationToken)
    {
        var culture = CultureRouting.CurrentCulture();
        var isAdmin = Remit.IsAdmin(User);
        var countries = await remit.ValidatorCountriesAsync(User, cancellationToken);
        var mine = await MyOrganisationIdsAsync(cancellationToken);
        var query = db.Requests.AsNoTracking().Include(r => r.Texts).Where(r => r.Status == RequestStatus.Submitted && !mine.Contains(r.OrganisationId));
        if (!isAdmin)
            query = query.Where(r => countries.Contains(r.CountryCode));
        var requests = await query.OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var rows = requests.Select(r =>
        {
            var text = r.TextFor(culture);
            return new ReviewRow(r.Id, text.Title, text.Description, text.Language, index.Current.Find(r.OrganisationId)?.Name ?? string.Empty,
                DirectoryData.CountryName(r.CountryCode, culture), r.Purpose, r.SubmittedAt ?? r.UpdatedAt);
        }).ToList();
        return View(rows);
    }

    [HttpPost]
    [Authorize(Policy = Policies.Validator)]
    public Task<IActionResult> Validate(RequestDecisionInput input, CancellationToken cancellationToken) => DecideAsync(input, approve: true, cancellationToken);

    [HttpPost]
    [Authorize(Policy = Policies.Validator)]
    public Task<IActionResult> Reject(RequestDecisionInput input, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(input.Reason))
            ModelState.AddModelError(nameof(input.Reason), v["Decision.Reason.Required"]);
        return DecideAsync(input, approve: false, cancellationToken);
    }

    private async Task<IActionResult> DecideAsync(RequestDecisionInput input, bool approve, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            TempData[StatusMessage.ErrorKey] = StatusMessage.Errors(ModelState);
            return RedirectToAction(nameof(Review));
        }
        switch (await workflow.DecideAsync(User, input.Id, approve, input.Reason, cancellationToken))
        {
            case WorkflowOutcome.NotFound:
                return NotFound();
            case WorkflowOutcome.NotAllowed:
                return Forbid();
            case WorkflowOutcome.WrongState:
                TempData[StatusMessage.ErrorKey] = t["Requests.AlreadyDecided"].Value;
                return RedirectToAction(nameof(Review));
            default:
                TempData[StatusMessage.Key] = t[approve ? "Requests.ValidatedMessage" : "Requests.RejectedMessage"].Value;
                return RedirectToAction(nameof(Review));
        }
    }

    private async Task<IActionResult> SaveAndShowAsync(int id, string messageKey, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WrongState(id);
        }
        TempData[StatusMessage.Key] = t[messageKey].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    private RedirectToActionResult WrongState(int id)
    {
        TempData[StatusMessage.ErrorKey] = t["Requests.StateChanged"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    private RedirectToActionResult EndedRedirect(int id)
    {
        TempData[StatusMessage.ErrorKey] = t["Requests.Ended"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>Only officers of a verified organisation write its requests (admins moderate, they do not write for towns).</summary>
    private async Task<IActionResult?> MayWriteForAsync(int organisationId, CancellationToken cancellationToken)
    {
        if (index.Current.Find(organisationId) is not { } organisation)
            return NotFound();
        if (!await remit.IsOfficerAsync(User, organisationId, cancellationToken))
            return Forbid();
        if (!organisation.IsVerified)
        {
            TempData[StatusMessage.ErrorKey] = t["Requests.NotVerified"].Value;
            return RedirectToAction(nameof(Mine));
        }
        return null;
    }

    private async Task<List<int>> MyOrganisationIdsAsync(CancellationToken cancellationToken)
    {
        var me = Remit.UserId(User);
        return await db.Officers.Where(o => o.UserId == me).Select(o => o.OrganisationId).ToListAsync(cancellationToken);
    }

    private async Task<List<OrganisationChoice>> MyOrganisationsAsync(CancellationToken cancellationToken) =>
        (await MyOrganisationIdsAsync(cancellationToken)).Select(index.Current.Find).OfType<DirectoryEntry>()
            .Select(o => new OrganisationChoice(o.Id, o.Name, o.IsVerified))
            .OrderBy(o => o.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true))
            .ToList();

    /// <summary>One title/description pair per EU language: the written ones first, then the reader's, then the rest.</summary>
    private static List<RequestTextInput> TextFields(IEnumerable<RequestText> written, string culture)
    {
        var texts = written.ToDictionary(x => x.Language);
        return SupportedCultures.Codes
            .OrderBy(c => texts.ContainsKey(c) ? 0 : c == culture ? 1 : 2)
            .ThenBy(c => c, StringComparer.Ordinal)
            .Select(c => new RequestTextInput { Language = c, Title = texts.GetValueOrDefault(c)?.Title, Description = texts.GetValueOrDefault(c)?.Description })
            .ToList();
    }

    private async Task<RequestFormModel> FormAsync(string organisationName, RequestStatus? status, RequestInput input, CancellationToken cancellationToken)
    {
        var culture = CultureRouting.CurrentCulture();
        // A form sent back with errors lists only the languages posted; offer the others again.
        var posted = input.Texts.Select(x => x.Language).ToHashSet(StringComparer.Ordinal);
        input.Texts.AddRange(SupportedCultures.Codes.Where(c => !posted.Contains(c)).Select(c => new RequestTextInput { Language = c }));
        var themes = await ThemesAsync(culture, includeRetired: true, cancellationToken);
        return new RequestFormModel(organisationName, status, input, DirectoryController.PlatformCountryOptions(),
            themes.Where(x => !x.Retired || input.Themes.Contains(x.Option.Id)).Select(x => x.Option).ToList());
    }

    private async Task<List<(ThemeOption Option, bool Retired)>> ThemesAsync(string culture, bool includeRetired, CancellationToken cancellationToken)
    {
        var themes = await db.Themes.AsNoTracking().Where(x => includeRetired || !x.IsRetired).ToListAsync(cancellationToken);
        return themes.Select(x => (new ThemeOption(x.Id, x.NameIn(culture)), x.IsRetired))
            .OrderBy(x => x.Item1.Name, StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true))
            .ToList();
    }
}
