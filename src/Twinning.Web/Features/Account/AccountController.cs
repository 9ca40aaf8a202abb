using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Accounts;
using Twinning.Infrastructure.Identity;
using Twinning.Web.Localization;
using Twinning.Web.Resources;
using Twinning.Web.Security;

namespace Twinning.Web.Features.Account;

/// <summary>Registration, e-mail confirmation, sign-in (with two-factor), sign-out and password reset.</summary>
[AllowAnonymous]
public sealed class AccountController(
    UserManager<TwinningUser> users,
    SignInManager<TwinningUser> signIn,
    AccountEmails emails,
    TimeProvider clock,
    IStringLocalizer<ValidationResource> v,
    IStringLocalizer<SharedResource> t,
    ILogger<AccountController> logger) : Controller
{
    [HttpGet]
    public IActionResult Register(string? returnUrl) => View(new RegisterInput { ReturnUrl = returnUrl });

    [HttpPost, EnableRateLimiting(RateLimits.Authentication)]
    public async Task<IActionResult> Register(RegisterInput input)
    {
        if (!ModelState.IsValid)
            return View(input);

        var existing = await users.FindByEmailAsync(input.Email);
        if (existing is not null)
        {
            // Never reveal who has an account: tell the owner of the address instead.
            await emails.SendAlreadyRegisteredAsync(existing, LinkTo(nameof(ForgotPassword)));
            return RedirectToAction(nameof(RegisterConfirmation));
        }

        var user = new TwinningUser
        {
            UserName = input.Email,
            Email = input.Email,
            DisplayName = input.DisplayName.Trim(),
            PreferredCulture = CultureRouting.CurrentCulture(),
            CreatedAt = clock.GetUtcNow(),
        };
        var result = await users.CreateAsync(user, input.Password);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return View(input);
        }

        await users.AddToRoleAsync(user, Roles.Officer);
        logger.LogInformation("Account {UserId} registered", user.Id);
        await SendConfirmationAsync(user);
        return RedirectToAction(nameof(RegisterConfirmation));
    }

    [HttpGet]
    public IActionResult RegisterConfirmation() => View();

    /// <summary>The link in the e-mail opens this page; the address is confirmed by its button (no change on GET).</summary>
    [HttpGet]
    public IActionResult ConfirmEmail(string? userId, string? code) =>
        View(new ConfirmEmailInput { UserId = userId ?? string.Empty, Code = code ?? string.Empty });

    [HttpPost, ActionName(nameof(ConfirmEmail))]
    public async Task<IActionResult> ConfirmEmailPost(ConfirmEmailInput input)
    {
        var user = string.IsNullOrEmpty(input.UserId) ? null : await users.FindByIdAsync(input.UserId);
        var decoded = Decode(input.Code);
        if (user is null || decoded is null || !(await users.ConfirmEmailAsync(user, decoded)).Succeeded)
        {
            ModelState.AddModelError(string.Empty, v["ConfirmEmail.InvalidLink"]);
            return View(nameof(ConfirmEmail), input);
        }

        TempData[StatusMessage.Key] = t["Account.EmailConfirmed"].Value;
        return RedirectToAction(nameof(Login));
    }

    [HttpGet]
    public IActionResult ResendConfirmation() => View(new EmailInput());

    [HttpPost, EnableRateLimiting(RateLimits.Authentication)]
    public async Task<IActionResult> ResendConfirmation(EmailInput input)
    {
        if (!ModelState.IsValid)
            return View(input);

        var user = await users.FindByEmailAsync(input.Email);
        if (user is not null && !await users.IsEmailConfirmedAsync(user))
            await SendConfirmationAsync(user);
        return RedirectToAction(nameof(RegisterConfirmation));
    }

    [HttpGet]
    public IActionResult Login(string? returnUrl) => View(new LoginInput { ReturnUrl = returnUrl });

    [HttpPost, EnableRateLimiting(RateLimits.Authentication)]
    public async Task<IActionResult> Login(LoginInput input)
    {
        if (!ModelState.IsValid)
            return View(input);

        var result = await signIn.PasswordSignInAsync(input.Email, input.Password, input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
            return LocalRedirectOrHome(input.ReturnUrl);
        if (result.RequiresTwoFactor)
            return RedirectToAction(nameof(LoginWith2fa), new { input.ReturnUrl, input.RememberMe });
        if (result.IsLockedOut)
            return RedirectToAction(nameof(Lockout));
        if (result.IsNotAllowed)
        {
            ModelState.AddModelError(string.Empty, v["Login.EmailNotConfirmed"]);
            ViewData["ShowResend"] = true;
            return View(input);
        }

        ModelState.AddModelError(string.Empty, v["Login.Failed"]);
        return View(input);
    }

    [HttpGet]
    public async Task<IActionResult> LoginWith2fa(bool rememberMe, string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToAction(nameof(Login), new { returnUrl });
        return View(new TwoFactorInput { RememberMe = rememberMe, ReturnUrl = returnUrl });
    }

    [HttpPost, EnableRateLimiting(RateLimits.Authentication)]
    public async Task<IActionResult> LoginWith2fa(TwoFactorInput input)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToAction(nameof(Login), new { input.ReturnUrl });
        if (!ModelState.IsValid)
            return View(input);

        var code = input.Code.Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, input.RememberMe, input.RememberMachine);
        if (result.Succeeded)
            return LocalRedirectOrHome(input.ReturnUrl);
        if (result.IsLockedOut)
            return RedirectToAction(nameof(Lockout));

        ModelState.AddModelError(nameof(input.Code), v["TwoFactorCode.Wrong"]);
        return View(input);
    }

    [HttpGet]
    public async Task<IActionResult> LoginWithRecoveryCode(string? returnUrl)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToAction(nameof(Login), new { returnUrl });
        return View(new RecoveryCodeInput { ReturnUrl = returnUrl });
    }

    [HttpPost, EnableRateLimiting(RateLimits.Authentication)]
    public async Task<IActionResult> LoginWithRecoveryCode(RecoveryCodeInput input)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
            return RedirectToAction(nameof(Login), new { input.ReturnUrl });
        if (!ModelState.IsValid)
            return View(input);

        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(input.RecoveryCode.Replace(" ", string.Empty, StringComparison.Ordinal));
        if (result.Succeeded)
            return LocalRedirectOrHome(input.ReturnUrl);
        if (result.IsLockedOut)
            return RedirectToAction(nameof(Lockout));

        ModelState.AddModelError(nameof(input.RecoveryCode), v["RecoveryCode.Wrong"]);
        return View(input);
    }

    [HttpPost]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return RedirectToAction("Index", "Home");
    }

    [HttpGet]
    public IActionResult Lockout() => View();

    [HttpGet]
    public IActionResult ForgotPassword() => View(new EmailInput());

    [HttpPost, EnableRateLimiting(RateLimits.Authentication)]
    public async Task<IActionResult> ForgotPassword(EmailInput input)
    {
        if (!ModelState.IsValid)
            return View(input);

        var user = await users.FindByEmailAsync(input.Email);
        if (user is not null && await users.IsEmailConfirmedAsync(user))
        {
            var code = Encode(await users.GeneratePasswordResetTokenAsync(user));
            var link = LinkTo(nameof(ResetPassword), new { code, email = user.Email });
            await emails.SendPasswordResetAsync(user, link);
        }

        // The same answer whether or not the address has an account.
        return RedirectToAction(nameof(ForgotPasswordConfirmation));
    }

    [HttpGet]
    public IActionResult ForgotPasswordConfirmation() => View();

    [HttpGet]
    public IActionResult ResetPassword(string? code, string? email) =>
        View(new ResetPasswordInput { Code = code ?? string.Empty, Email = email ?? string.Empty });

    [HttpPost, EnableRateLimiting(RateLimits.Authentication)]
    public async Task<IActionResult> ResetPassword(ResetPasswordInput input)
    {
        if (!ModelState.IsValid)
            return View(input);

        var user = await users.FindByEmailAsync(input.Email);
        var decoded = Decode(input.Code);
        if (user is null || decoded is null)
        {
            // Same outcome as success, so the form tells nobody which addresses exist.
            return RedirectToAction(nameof(ResetPasswordConfirmation));
        }

        var result = await users.ResetPasswordAsync(user, decoded, input.Password);
        if (!result.Succeeded)
        {
            AddErrors(result);
            return View(input);
        }

        await users.ResetAccessFailedCountAsync(user);
        return RedirectToAction(nameof(ResetPasswordConfirmation));
    }

    [HttpGet]
    public IActionResult ResetPasswordConfirmation() => View();

    [HttpGet]
    public IActionResult AccessDenied()
    {
        var privileged = Roles.Privileged.Any(User.IsInRole);
        var hasTwoFactor = User.HasClaim(TwinningClaims.TwoFactorEnabled, "true");
        return View(new AccessDeniedModel { NeedsTwoFactor = privileged && !hasTwoFactor });
    }

    private async Task SendConfirmationAsync(TwinningUser user)
    {
        var code = Encode(await users.GenerateEmailConfirmationTokenAsync(user));
        var link = LinkTo(nameof(ConfirmEmail), new { userId = user.Id, code });
        await emails.SendConfirmationAsync(user, link);
    }

    private string LinkTo(string action, object? values = null) =>
        Url.Action(action, "Account", values, Request.Scheme, Request.Host.Value)
        ?? throw new InvalidOperationException($"No route to Account/{action}.");

    private IActionResult LocalRedirectOrHome(string? returnUrl) =>
        Url.IsLocalUrl(returnUrl) ? LocalRedirect(returnUrl) : RedirectToAction("Index", "Home");

    private void AddErrors(IdentityResult result)
    {
        foreach (var error in result.Errors)
        {
            var message = v[$"Identity.{error.Code}"];
            ModelState.AddModelError(string.Empty, message.ResourceNotFound ? v["Identity.DefaultError"] : message);
        }
    }

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code))
            return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
