using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Notifications;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Verification;
using Twinning.Web.Localization;
using Twinning.Web.Resources;
using Twinning.Web.Security;

namespace Twinning.Web.Features.Notifications;

/// <summary>
/// The notification centre (everything, in the reader's language, newest first), the e-mail choices per
/// kind, the saved searches, and the unsubscribe link of e-mails (which works without logging in).
/// </summary>
public sealed class NotificationsController(
    TwinningDbContext db,
    NotificationSettings settings,
    UnsubscribeTokens tokens,
    TimeProvider clock,
    IStringLocalizer<SharedResource> t,
    IStringLocalizer<ValidationResource> v,
    IStringLocalizer<EmailResource> texts) : Controller
{
    public const int PageSize = 30;
    public const int MaxSavedSearches = 20;

    [HttpGet, Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Index(int page = 1, CancellationToken cancellationToken = default)
    {
        var me = Remit.UserId(User);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == me);
        var total = await mine.CountAsync(cancellationToken);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var pageCount = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pageCount);
        var rows = await mine.OrderByDescending(n => n.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var items = rows.Select(n => new NotificationRow(n.Id, n.Kind, Text(n), n.Link, n.CreatedAt, n.IsRead)).ToList();
        return View(new NotificationCentreModel(items, unread, total, page, pageCount));
    }

    /// <summary>Marks one of the person's notifications read and goes where it leads.</summary>
    [HttpPost, Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Open(long id, CancellationToken cancellationToken)
    {
        var me = Remit.UserId(User);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Id == id && n.UserId == me, cancellationToken);
        if (notification is null)
            return NotFound();
        notification.MarkRead(clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return LocalRedirect($"/{CultureRouting.CurrentCulture()}/{notification.Link.TrimStart('/')}");
    }

    [HttpPost, Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> ReadAll(CancellationToken cancellationToken)
    {
        var me = Remit.UserId(User);
        var now = clock.GetUtcNow();
        var unread = await db.Notifications.Where(n => n.UserId == me && n.ReadAt == null).ToListAsync(cancellationToken);
        foreach (var n in unread)
            n.MarkRead(now);
        await db.SaveChangesAsync(cancellationToken);
        TempData[StatusMessage.Key] = t["Notifications.AllRead"].Value;
        return RedirectToAction(nameof(Index));
    }

    [HttpGet, Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Preferences(CancellationToken cancellationToken) =>
        View(new PreferencesModel(await settings.CurrentAsync(Remit.UserId(User), cancellationToken)));

    [HttpPost, ActionName(nameof(Preferences)), Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> PreferencesPost(PreferencesInput input, CancellationToken cancellationToken)
    {
        var me = Remit.UserId(User);
        if (!ModelState.IsValid)
        {
            // Only a forged or outdated form sends a choice not offered; the summary says so in the reader's language.
            ModelState.Clear();
            ModelState.AddModelError(string.Empty, v["Notifications.Delivery.Invalid"]);
            var current = await settings.CurrentAsync(me, cancellationToken);
            return View(nameof(Preferences), new PreferencesModel(current));
        }

        await settings.ChooseAsync(me, input.Delivery, cancellationToken);
        TempData[StatusMessage.Key] = t["Notifications.PreferencesSaved"].Value;
        return RedirectToAction(nameof(Preferences));
    }

    [HttpGet, Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> Searches(CancellationToken cancellationToken)
    {
        var me = Remit.UserId(User);
        var searches = await db.SavedSearches.AsNoTracking().Where(s => s.UserId == me).OrderBy(s => s.Id)
            .Select(s => new SavedSearchRow(s.Id, s.Name, s.QueryString, s.CreatedAt)).ToListAsync(cancellationToken);
        return View(new SavedSearchesModel(searches, MaxSavedSearches));
    }

    /// <summary>Keeps a request search as an alert (posted from the request search page).</summary>
    [HttpPost, Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> SaveSearch(SaveSearchInput input, CancellationToken cancellationToken)
    {
        var me = Remit.UserId(User);
        if (ModelState.IsValid && await db.SavedSearches.CountAsync(s => s.UserId == me, cancellationToken) >= MaxSavedSearches)
            ModelState.AddModelError(string.Empty, v["SavedSearch.TooMany", MaxSavedSearches]);
        if (!ModelState.IsValid)
        {
            TempData[StatusMessage.ErrorKey] = StatusMessage.Errors(ModelState);
            return RedirectToAction(nameof(Searches));
        }

        var query = input.ToQuery();
        db.SavedSearches.Add(new SavedSearch(me, input.Name, SavedSearchQuery.ToJson(query), SavedSearchQuery.ToQueryString(query), clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        TempData[StatusMessage.Key] = t["SavedSearches.Saved"].Value;
        return RedirectToAction(nameof(Searches));
    }

    [HttpPost, Authorize(Policy = Policies.SignedIn)]
    public async Task<IActionResult> DeleteSearch(int id, CancellationToken cancellationToken)
    {
        var me = Remit.UserId(User);
        var search = await db.SavedSearches.SingleOrDefaultAsync(s => s.Id == id && s.UserId == me, cancellationToken);
        if (search is null)
            return NotFound();
        db.SavedSearches.Remove(search);
        await db.SaveChangesAsync(cancellationToken);
        TempData[StatusMessage.Key] = t["SavedSearches.Deleted"].Value;
        return RedirectToAction(nameof(Searches));
    }

    /// <summary>The link of an e-mail: says what it turns off and asks to confirm (a GET changes nothing).</summary>
    [HttpGet, AllowAnonymous]
    public async Task<IActionResult> Unsubscribe(string? token, CancellationToken cancellationToken)
    {
        if (await ScopeAsync(token, cancellationToken) is not { } scope)
            return InvalidToken();
        return View(new UnsubscribeModel(token!, scope.Kind));
    }

    [HttpPost, ActionName(nameof(Unsubscribe)), AllowAnonymous]
    public async Task<IActionResult> UnsubscribePost(string? token, CancellationToken cancellationToken)
    {
        if (await ScopeAsync(token, cancellationToken) is not { } scope)
            return InvalidToken();
        IReadOnlyList<NotificationKind> kinds = scope.Kind is { } kind ? [kind] : NotificationSettings.Kinds;
        await settings.ChooseAsync(scope.UserId, kinds.ToDictionary(k => k, _ => Delivery.Off), cancellationToken);
        return View("Unsubscribed", new UnsubscribeModel(string.Empty, scope.Kind));
    }

    private async Task<UnsubscribeScope?> ScopeAsync(string? token, CancellationToken cancellationToken) =>
        tokens.Read(token) is { } scope && await db.Users.AnyAsync(u => u.Id == scope.UserId, cancellationToken) ? scope : null;

    private ViewResult InvalidToken()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("UnsubscribeInvalid");
    }

    private string Text(Notification n) => texts[n.TextKey, [.. n.Arguments]].Value;
}
