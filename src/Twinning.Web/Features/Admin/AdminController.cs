using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Twinning.Infrastructure.Data;

namespace Twinning.Web.Features.Admin;

/// <summary>CEMR platform staff: the accounts on the platform. Needs the Admin role and two-factor.</summary>
[Authorize(Policy = Security.Policies.Admin)]
public sealed class AdminController(TwinningDbContext db, TimeProvider clock) : Controller
{
    public const int PageSize = 50;

    [HttpGet]
    public async Task<IActionResult> Index(string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        page = Math.Max(1, page);
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim().ToUpperInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // Translated to SQL UPPER(); no culture is involved on the server.
            users = users.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
#pragma warning restore CA1304, CA1311, CA1862
        }

        var total = await users.CountAsync(cancellationToken);
        var rows = await users
            .OrderBy(u => u.NormalizedEmail)
            .Skip((page - 1) * PageSize)
            .Take(PageSize)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.EmailConfirmed, u.TwoFactorEnabled, u.LockoutEnd })
            .ToListAsync(cancellationToken);

        var ids = rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var rolesByUser = roles.ToLookup(r => r.UserId, r => r.Name!);

        // Lockout is compared here, not in SQL: SQLite cannot compare DateTimeOffset values.
        var now = clock.GetUtcNow();
        var accounts = rows.Select(u => new AccountRow(
                u.Id, u.Email ?? string.Empty, u.DisplayName, u.EmailConfirmed, u.TwoFactorEnabled, u.LockoutEnd > now)
        { Roles = rolesByUser[u.Id].Order(StringComparer.Ordinal).ToArray() })
            .ToList();
        return View(new AccountListModel(q, page, total, accounts));
    }
}

public sealed record AccountRow(string Id, string Email, string DisplayName, bool EmailConfirmed, bool TwoFactorEnabled, bool LockedOut)
{
    public IReadOnlyList<string> Roles { get; init; } = [];
}

public sealed record AccountListModel(string? Query, int Page, int Total, IReadOnlyList<AccountRow> Accounts)
{
    public int PageCount => Math.Max(1, (Total + AdminController.PageSize - 1) / AdminController.PageSize);
}
