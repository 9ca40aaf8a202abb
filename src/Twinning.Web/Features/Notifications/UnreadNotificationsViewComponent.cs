using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Twinning.Infrastructure.Data;

namespace Twinning.Web.Features.Notifications;

/// <summary>The header's link to the notification centre with the number of unread notifications (one COUNT query).</summary>
public sealed class UnreadNotificationsViewComponent(TwinningDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var me = UserClaimsPrincipal.FindFirstValue(ClaimTypes.NameIdentifier);
        var unread = me is null ? 0 : await db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null, HttpContext.RequestAborted);
        return View(unread);
    }
}
