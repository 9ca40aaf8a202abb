using Microsoft.AspNetCore.Identity;
using Twinning.Domain.Accounts;
using Twinning.Infrastructure.Identity;

namespace Twinning.Web.Security;

/// <summary>
/// Creates the roles and, when <c>Admin:Email</c> and <c>Admin:Password</c> are configured (user secrets or
/// environment, never the repository), the first administrator.
/// </summary>
internal sealed class IdentitySeeder(
    RoleManager<IdentityRole> roles,
    UserManager<TwinningUser> users,
    IConfiguration configuration,
    TimeProvider clock,
    ILogger<IdentitySeeder> logger)
{
    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));
        }

        var email = configuration["Admin:Email"];
        var password = configuration["Admin:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
            return;

        var admin = await users.FindByEmailAsync(email);
        if (admin is null)
        {
            admin = new TwinningUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = "Administrator",
                CreatedAt = clock.GetUtcNow(),
            };
            var created = await users.CreateAsync(admin, password);
            if (!created.Succeeded)
            {
                logger.LogError("The first administrator {Email} could not be created: {Errors}",
                    email, string.Join("; ", created.Errors.Select(e => e.Description)));
                return;
            }

            logger.LogInformation("Created the first administrator {Email}", email);
        }

        foreach (var role in new[] { Roles.Officer, Roles.Admin })
        {
            if (!await users.IsInRoleAsync(admin, role))
                await users.AddToRoleAsync(admin, role);
        }
    }
}
