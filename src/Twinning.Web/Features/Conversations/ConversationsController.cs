using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Conversations;
using Twinning.Domain.Directory;
using Twinning.Domain.Moderation;
using Twinning.Domain.Requests;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Directory;
using Twinning.Web.Features.Verification;
using Twinning.Web.Localization;
using Twinning.Web.Resources;
using Twinning.Web.Security;

namespace Twinning.Web.Features.Conversations;

/// <summary>
/// Private conversations between organisations (all their officers): answers to requests, contacts from
/// a profile, replies, the request owner's handling of answers, and the links that a match proposes.
/// Only the officers of the two organisations read a conversation; admins read one only once a message
/// in it was reported (they moderate, they do not read private conversations). Everyone else gets 404,
/// so that not even the existence of a conversation leaks.
/// </summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ConversationsController(
    TwinningDbContext db,
    ConversationService conversations,
    Remit remit,
    DirectoryIndexLoader directory,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t,
    IStringLocalizer<ValidationResource> v) : Controller
{
    private const int ExcerptLength = 200;

    /// <summary>The inbox: every conversation of the person's organisations, newest activity first.</summary>
    [HttpGet]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        var userId = Remit.UserId(User);
        var mine = await MyOrganisationIdsAsync(cancellationToken);
        // Ordered by the newest message's id: ids grow with time, and SQLite cannot order by DateTimeOffset.
        var rows = await db.Conversations.AsNoTracking()
            .Where(c => mine.Contains(c.InitiatorOrganisationId) || mine.Contains(c.RecipientOrganisationId))
            .Select(c => new
            {
                c.Id,
                c.InitiatorOrganisationId,
                c.RecipientOrganisationId,
                c.RequestId,
                c.AnswerState,
                c.LastMessageAt,
                Latest = c.Messages.Max(m => (long?)m.Id) ?? 0,
                Unread = c.Messages.Any(m => m.SenderUserId != userId &&
                    m.Id > (db.ConversationReads.Where(r => r.ConversationId == c.Id && r.UserId == userId).Select(r => (long?)r.LastReadMessageId).FirstOrDefault() ?? 0)),
            })
            .OrderByDescending(c => c.Latest)
            .Take(500)
            .ToListAsync(cancellationToken);

        var others = rows.Select(r => mine.Contains(r.InitiatorOrganisationId) ? r.RecipientOrganisationId : r.InitiatorOrganisationId).Distinct().ToList();
        var names = await db.Organisations.Where(o => others.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var titles = await RequestTitlesAsync(rows.Where(r => r.RequestId is not null).Select(r => r.RequestId!.Value), cancellationToken);
        var model = rows.Select(r =>
        {
            var other = mine.Contains(r.InitiatorOrganisationId) ? r.RecipientOrganisationId : r.InitiatorOrganisationId;
            (string Title, string Language)? title = r.RequestId is { } requestId && titles.TryGetValue(requestId, out var found) ? found : null;
            return new InboxRow(r.Id, names.GetValueOrDefault(other, string.Empty), title?.Title, title?.Language, r.LastMessageAt, r.Unread, r.AnswerState);
        }).ToList();
        return View(new InboxModel(model, mine.Count > 0));
    }

    /// <summary>The form to answer a request, linked from the request's page.</summary>
    [HttpGet]
    public async Task<IActionResult> Answer(int requestId, CancellationToken cancellationToken)
    {
        var request = await OpenRequestAsync(requestId, cancellationToken);
        if (request is null)
            return NotFound();
        return View(await AnswerPageAsync(request, new AnswerInput { RequestId = requestId }, cancellationToken));
    }

    [HttpPost, ActionName(nameof(Answer)), EnableRateLimiting(RateLimits.Messaging)]
    public async Task<IActionResult> AnswerPost(AnswerInput input, CancellationToken cancellationToken)
    {
        var request = await OpenRequestAsync(input.RequestId, cancellationToken);
        if (request is null)
            return NotFound();
        if (input.OrganisationId > 0 && !await remit.IsOfficerAsync(User, input.OrganisationId, cancellationToken))
            return Forbid();
        if (input.OrganisationId == request.OrganisationId)
            ModelState.AddModelError(string.Empty, v["Answer.OwnRequest"]);
        if (!ModelState.IsValid)
            return View(nameof(Answer), await AnswerPageAsync(request, input, cancellationToken));

        var answering = await db.Organisations.SingleAsync(o => o.Id == input.OrganisationId, cancellationToken);
        var id = await conversations.AnswerAsync(request, answering, OriginalTitle(request), Remit.UserId(User), input.Body, cancellationToken);
        TempData[StatusMessage.Key] = t["Conversations.AnswerSent"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>The form to write to an organisation from its profile.</summary>
    [HttpGet]
    public async Task<IActionResult> Contact(int organisationId, CancellationToken cancellationToken)
    {
        var to = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken);
        if (to is null)
            return NotFound();
        return View(await ContactPageAsync(to, new ContactInput { ToOrganisationId = to.Id }, cancellationToken));
    }

    [HttpPost, ActionName(nameof(Contact)), EnableRateLimiting(RateLimits.Messaging)]
    public async Task<IActionResult> ContactPost(ContactInput input, CancellationToken cancellationToken)
    {
        var to = await db.Organisations.AsNoTracking().SingleOrDefaultAsync(o => o.Id == input.ToOrganisationId, cancellationToken);
        if (to is null)
            return NotFound();
        if (input.OrganisationId > 0 && !await remit.IsOfficerAsync(User, input.OrganisationId, cancellationToken))
            return Forbid();
        if (input.OrganisationId == to.Id)
            ModelState.AddModelError(string.Empty, v["Contact.OwnOrganisation"]);
        if (!ModelState.IsValid)
            return View(nameof(Contact), await ContactPageAsync(to, input, cancellationToken));

        var from = await db.Organisations.SingleAsync(o => o.Id == input.OrganisationId, cancellationToken);
        var id = await conversations.ContactAsync(from, to.Id, Remit.UserId(User), input.Body, cancellationToken);
        TempData[StatusMessage.Key] = t["Conversations.MessageSent"].Value;
        return RedirectToAction(nameof(Details), new { id });
    }

    /// <summary>One conversation, oldest message first, with the reply form.</summary>
    [HttpGet]
    public async Task<IActionResult> Details(int id, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (conversation is null)
            return NotFound();
        var side = await SideAsync(conversation, null, cancellationToken);
        if (side is null && !await AdminMayReadAsync(conversation.Id, cancellationToken))
            return NotFound();

        var model = await ThreadAsync(conversation, side, new ReplyInput { ConversationId = id }, cancellationToken);
        // Only the organisations' officers are readers; an admin looking at a reported conversation is not.
        if (side is not null && model.Messages.Count > 0)
            await conversations.MarkReadAsync(conversation.Id, Remit.UserId(User), model.Messages[^1].Id, cancellationToken);
        return View(model);
    }

    [HttpPost, EnableRateLimiting(RateLimits.Messaging)]
    public async Task<IActionResult> Reply(ReplyInput input, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == input.ConversationId, cancellationToken);
        if (conversation is null)
            return NotFound();
        var side = await SideAsync(conversation, input.OrganisationId, cancellationToken);
        if (side is null)
            return NotFound();
        if (!ModelState.IsValid)
            return View(nameof(Details), await ThreadAsync(conversation, side, input, cancellationToken));

        await conversations.PostAsync(conversation, side.Value, Remit.UserId(User), input.Body, cancellationToken);
        TempData[StatusMessage.Key] = t["Conversations.MessageSent"].Value;
        return RedirectToAction(nameof(Details), new { id = conversation.Id });
    }

    /// <summary>An officer reports a message of the other organisation to the moderators.</summary>
    [HttpPost, EnableRateLimiting(RateLimits.Messaging)]
    public async Task<IActionResult> Report(ReportInput input, CancellationToken cancellationToken)
    {
        var message = await db.Messages.AsNoTracking().SingleOrDefaultAsync(m => m.Id == input.MessageId, cancellationToken);
        var conversation = message is null ? null : await db.Conversations.AsNoTracking().SingleOrDefaultAsync(c => c.Id == message.ConversationId, cancellationToken);
        if (message is null || conversation is null)
            return NotFound();
        var side = await SideAsync(conversation, null, cancellationToken);
        if (side is null)
            return NotFound();
        if (message.FromOrganisationId == side)
            return Forbid();
        if (!ModelState.IsValid)
        {
            TempData[StatusMessage.ErrorKey] = StatusMessage.Errors(ModelState);
            return RedirectToAction(nameof(Details), new { id = conversation.Id });
        }

        var userId = Remit.UserId(User);
        if (!await db.Reports.AnyAsync(r => r.Kind == ContentKind.Message && r.ContentId == message.Id && r.ReporterUserId == userId && r.Status == ReportStatus.Open, cancellationToken))
        {
            db.Reports.Add(new ContentReport(ContentKind.Message, message.Id, userId, input.Reason, clock.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
        }
        TempData[StatusMessage.Key] = t["Conversations.Reported"].Value;
        return RedirectToAction(nameof(Details), new { id = conversation.Id });
    }

    /// <summary>The request owner's list of the answers to one request.</summary>
    [HttpGet]
    public async Task<IActionResult> Answers(int id, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().Include(r => r.Texts).SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
            return NotFound();
        if (!await remit.IsOfficerAsync(User, request.OrganisationId, cancellationToken))
            return Forbid();

        var answers = await db.Conversations.AsNoTracking()
            .Where(c => c.RequestId == id && c.RecipientOrganisationId == request.OrganisationId)
            .Select(c => new
            {
                c.Id,
                c.InitiatorOrganisationId,
                c.AnswerState,
                c.LastMessageAt,
                First = c.Messages.OrderBy(m => m.Id).Select(m => new { m.Body, m.HiddenReason }).FirstOrDefault(),
            })
            .OrderBy(c => c.Id)
            .ToListAsync(cancellationToken);
        var organisationIds = answers.Select(a => a.InitiatorOrganisationId).ToList();
        var names = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var hidden = t["Conversations.MessageRemoved"].Value;
        var rows = answers.Select(a => new AnswerRow(a.Id, a.InitiatorOrganisationId, names.GetValueOrDefault(a.InitiatorOrganisationId, string.Empty),
            a.AnswerState ?? AnswerState.New,
            a.First is null ? string.Empty : a.First.HiddenReason is not null ? hidden : Excerpt(a.First.Body),
            a.LastMessageAt)).ToList();
        var text = request.TextFor(CultureRouting.CurrentCulture());
        return View(new AnswersModel(request.Id, text.Title, text.Language, request.Status, request.ConcurrencyStamp, rows));
    }

    [HttpPost]
    public async Task<IActionResult> Shortlist(AnswerDecisionInput input, CancellationToken cancellationToken)
    {
        var (conversation, request, refusal) = await OwnedAnswerAsync(input.ConversationId, cancellationToken);
        if (refusal is not null)
            return refusal;
        if (conversation!.AnswerState == AnswerState.Matched)
        {
            TempData[StatusMessage.ErrorKey] = v["Answer.AlreadyMatched"].Value;
            return RedirectToAction(nameof(Answers), new { id = request!.Id });
        }
        conversation.Shortlist();
        await db.SaveChangesAsync(cancellationToken);
        TempData[StatusMessage.Key] = t["Answers.Shortlisted"].Value;
        return RedirectToAction(nameof(Answers), new { id = request!.Id });
    }

    [HttpPost]
    public async Task<IActionResult> Decline(DeclineInput input, CancellationToken cancellationToken)
    {
        var (conversation, request, refusal) = await OwnedAnswerAsync(input.ConversationId, cancellationToken);
        if (refusal is not null)
            return refusal;
        if (!ModelState.IsValid || conversation!.AnswerState == AnswerState.Matched)
        {
            TempData[StatusMessage.ErrorKey] = ModelState.IsValid ? v["Answer.AlreadyMatched"].Value : StatusMessage.Errors(ModelState);
            return RedirectToAction(nameof(Answers), new { id = request!.Id });
        }
        await conversations.DeclineAsync(conversation, Remit.UserId(User), input.Message, cancellationToken);
        TempData[StatusMessage.Key] = t["Answers.Declined"].Value;
        return RedirectToAction(nameof(Answers), new { id = request!.Id });
    }

    [HttpPost]
    public async Task<IActionResult> Match(MatchInput input, CancellationToken cancellationToken)
    {
        var (conversation, request, refusal) = await OwnedAnswerAsync(input.ConversationId, cancellationToken);
        if (refusal is not null)
            return refusal;
        if (!ModelState.IsValid)
        {
            TempData[StatusMessage.ErrorKey] = StatusMessage.Errors(ModelState);
            return RedirectToAction(nameof(Answers), new { id = request!.Id });
        }

        var ownerName = await db.Organisations.Where(o => o.Id == request!.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var outcome = await conversations.MatchAsync(conversation!, request!, input.ConcurrencyStamp, input.LinkType, Remit.UserId(User),
            ownerName, OriginalTitle(request!), cancellationToken);
        switch (outcome)
        {
            case MatchOutcome.Done:
                await directory.ReloadAsync(cancellationToken);
                TempData[StatusMessage.Key] = t["Answers.Matched"].Value;
                break;
            case MatchOutcome.Changed:
                TempData[StatusMessage.ErrorKey] = v["Answer.RequestChanged"].Value;
                break;
            default:
                TempData[StatusMessage.ErrorKey] = v["Answer.RequestNotOpen"].Value;
                break;
        }
        return RedirectToAction(nameof(Answers), new { id = request!.Id });
    }

    /// <summary>Links proposed by a partner (a match), waiting for one of the person's organisations to confirm them.</summary>
    [HttpGet]
    public async Task<IActionResult> Links(CancellationToken cancellationToken)
    {
        var mine = await MyOrganisationIdsAsync(cancellationToken);
        var pending = await db.TwinningLinks.AsNoTracking()
            .Where(l => l.Status == LinkStatus.Pending && (mine.Contains(l.OrganisationAId) || mine.Contains(l.OrganisationBId)))
            .OrderBy(l => l.Id)
            .ToListAsync(cancellationToken);
        var ids = pending.SelectMany(l => new[] { l.OrganisationAId, l.OrganisationBId }).Distinct().ToList();
        var names = await db.Organisations.Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var awaitingMe = new List<LinkRow>();
        var awaitingPartner = new List<LinkRow>();
        foreach (var link in pending)
        {
            foreach (var organisation in new[] { link.OrganisationAId, link.OrganisationBId }.Where(mine.Contains))
            {
                var partner = link.PartnerOf(organisation);
                var row = new LinkRow(link.Id, organisation, names.GetValueOrDefault(organisation, string.Empty), partner, names.GetValueOrDefault(partner, string.Empty), link.Type);
                if (link.AwaitsConfirmationBy(organisation))
                    awaitingMe.Add(row);
                else if (link.ProposedByOrganisationId == organisation)
                    awaitingPartner.Add(row);
            }
        }
        return View(new LinksModel(awaitingMe, awaitingPartner));
    }

    [HttpPost]
    public async Task<IActionResult> ConfirmLink(ConfirmLinkInput input, CancellationToken cancellationToken)
    {
        if (!await remit.IsOfficerAsync(User, input.OrganisationId, cancellationToken))
            return Forbid();
        var link = await db.TwinningLinks.SingleOrDefaultAsync(l => l.Id == input.LinkId, cancellationToken);
        if (link is null)
            return NotFound();
        if (!link.AwaitsConfirmationBy(input.OrganisationId))
        {
            TempData[StatusMessage.ErrorKey] = v["Link.NotAwaiting"].Value;
            return RedirectToAction(nameof(Links));
        }

        link.Confirm(input.OrganisationId);
        var country = await db.Organisations.Where(o => o.Id == input.OrganisationId).Select(o => o.CountryCode).SingleAsync(cancellationToken);
        db.AuditLog.Add(new AuditEntry(clock.GetUtcNow(), Remit.UserId(User), "link.confirmed", country, input.OrganisationId,
            $"link {link.Id} with organisation {link.PartnerOf(input.OrganisationId)} ({link.Type})"));
        await db.SaveChangesAsync(cancellationToken);
        await directory.ReloadAsync(cancellationToken);
        TempData[StatusMessage.Key] = t["Links.Confirmed"].Value;
        return RedirectToAction(nameof(Links));
    }

    private Task<List<int>> MyOrganisationIdsAsync(CancellationToken cancellationToken)
    {
        var userId = Remit.UserId(User);
        return db.Officers.Where(o => o.UserId == userId).Select(o => o.OrganisationId).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The side the person writes for in the conversation: the organisation they are an officer of (the
    /// one they chose when, unusually, they act for both); null when they act for neither.
    /// </summary>
    private async Task<int?> SideAsync(Conversation conversation, int? chosen, CancellationToken cancellationToken)
    {
        var userId = Remit.UserId(User);
        var sides = await db.Officers
            .Where(o => o.UserId == userId && (o.OrganisationId == conversation.InitiatorOrganisationId || o.OrganisationId == conversation.RecipientOrganisationId))
            .Select(o => o.OrganisationId)
            .ToListAsync(cancellationToken);
        if (sides.Count == 0)
            return null;
        return chosen is { } c && sides.Contains(c) ? c : sides.Min();
    }

    /// <summary>Admins read a conversation only when one of its messages was reported to them.</summary>
    private async Task<bool> AdminMayReadAsync(int conversationId, CancellationToken cancellationToken) =>
        Remit.IsAdmin(User) && await db.Reports.AnyAsync(r => r.Kind == ContentKind.Message &&
            db.Messages.Any(m => m.ConversationId == conversationId && m.Id == r.ContentId), cancellationToken);

    /// <summary>An answer to a request of one of the person's organisations, with the request; or why not.</summary>
    private async Task<(Conversation? Conversation, PartnerRequest? Request, IActionResult? Refusal)> OwnedAnswerAsync(int conversationId, CancellationToken cancellationToken)
    {
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == conversationId && c.RequestId != null, cancellationToken);
        if (conversation is null)
            return (null, null, NotFound());
        var request = await db.Requests.Include(r => r.Texts).SingleOrDefaultAsync(r => r.Id == conversation.RequestId, cancellationToken);
        if (request is null || request.OrganisationId != conversation.RecipientOrganisationId)
            return (null, null, NotFound());
        if (!await remit.IsOfficerAsync(User, request.OrganisationId, cancellationToken))
            return (null, null, Forbid());
        return (conversation, request, null);
    }

    /// <summary>A published request that is not hidden: the only kind anyone answers.</summary>
    private async Task<PartnerRequest?> OpenRequestAsync(int requestId, CancellationToken cancellationToken)
    {
        var request = await db.Requests.AsNoTracking().Include(r => r.Texts).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        return request is { IsOpen: true } ? request : null;
    }

    private async Task<AnswerPageModel> AnswerPageAsync(PartnerRequest request, AnswerInput input, CancellationToken cancellationToken)
    {
        var mine = await conversations.OrganisationsOfAsync(Remit.UserId(User), cancellationToken);
        var owner = await db.Organisations.Where(o => o.Id == request.OrganisationId).Select(o => o.Name).SingleAsync(cancellationToken);
        var text = request.TextFor(CultureRouting.CurrentCulture());
        var choices = mine.Where(o => o.Id != request.OrganisationId).ToList();
        if (input.OrganisationId == 0 && choices.Count == 1)
            input.OrganisationId = choices[0].Id;
        return new AnswerPageModel(new RequestSummary(request.Id, text.Title, text.Language, request.OrganisationId, owner), choices, mine.Count > 0, input);
    }

    private async Task<ContactPageModel> ContactPageAsync(Organisation to, ContactInput input, CancellationToken cancellationToken)
    {
        var mine = await conversations.OrganisationsOfAsync(Remit.UserId(User), cancellationToken);
        var choices = mine.Where(o => o.Id != to.Id).ToList();
        if (input.OrganisationId == 0 && choices.Count == 1)
            input.OrganisationId = choices[0].Id;
        return new ContactPageModel(to.Id, to.Name, choices, mine.Count > 0, input);
    }

    private async Task<ThreadModel> ThreadAsync(Conversation conversation, int? side, ReplyInput input, CancellationToken cancellationToken)
    {
        var messages = await db.Messages.AsNoTracking()
            .Where(m => m.ConversationId == conversation.Id)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var senders = messages.Select(m => m.SenderUserId).Distinct().ToList();
        // Display names only: an e-mail address is never shown in a conversation.
        var people = await db.Users.Where(u => senders.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var organisationIds = new[] { conversation.InitiatorOrganisationId, conversation.RecipientOrganisationId };
        var names = await db.Organisations.Where(o => organisationIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, cancellationToken);
        var other = side is { } s ? conversation.OtherThan(s) : conversation.InitiatorOrganisationId;
        var former = t["Conversations.FormerOfficer"].Value;
        var views = messages.Select(m => new MessageView(
            m.Id,
            names.GetValueOrDefault(m.FromOrganisationId, string.Empty),
            people.GetValueOrDefault(m.SenderUserId) is { Length: > 0 } name ? name : former,
            m.SentAt,
            m.IsHidden ? null : m.Body,
            side is not null && m.FromOrganisationId != side)).ToList();

        string? title = null, titleLanguage = null;
        var isOwner = false;
        if (conversation.RequestId is { } requestId)
        {
            var request = await db.Requests.AsNoTracking().Include(r => r.Texts).SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);
            if (request is not null)
            {
                var text = request.TextFor(CultureRouting.CurrentCulture());
                (title, titleLanguage) = (text.Title, text.Language);
                isOwner = side == request.OrganisationId;
            }
        }
        input.ConversationId = conversation.Id;
        return new ThreadModel(conversation.Id, names.GetValueOrDefault(other, string.Empty), other, conversation.RequestId, title, titleLanguage,
            conversation.AnswerState, views, side, isOwner, input);
    }

    private async Task<Dictionary<int, (string Title, string Language)>> RequestTitlesAsync(IEnumerable<int> requestIds, CancellationToken cancellationToken)
    {
        var ids = requestIds.Distinct().ToList();
        if (ids.Count == 0)
            return [];
        var culture = CultureRouting.CurrentCulture();
        var requests = await db.Requests.AsNoTracking().Include(r => r.Texts).Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        return requests.ToDictionary(r => r.Id, r => { var text = r.TextFor(culture); return (text.Title, text.Language); });
    }

    /// <summary>The title as its owner first wrote it: notifications keep it as written.</summary>
    private static string OriginalTitle(PartnerRequest request) => request.Texts.OrderBy(x => x.Id).First().Title;

    private static string Excerpt(string body) => body.Length <= ExcerptLength ? body : string.Concat(body.AsSpan(0, ExcerptLength).TrimEnd(), "…");
}
