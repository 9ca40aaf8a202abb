using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Twinning.Infrastructure.Identity;

namespace Twinning.Web.Security;

/// <summary>Adds whether two-factor is on, so privileged policies can require it without a database call.</summary>
internal sealed class TwinningClaimsPrincipalFactory(
    UserManager<TwinningUser> userManager,
    RoleManager<IdentityRole> roleManager,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<TwinningUser, IdentityRole>(userManager, roleManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(TwinningUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await UserManager.GetTwoFactorEnabledAsync(user))
            identity.AddClaim(new Claim(TwinningClaims.TwoFactorEnabled, "true"));
        return identity;
    }
}
