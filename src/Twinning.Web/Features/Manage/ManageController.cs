using System.Globalization;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;
using Twinning.Domain.Accounts;
using Twinning.Infrastructure.Identity;
using Twinning.Web.Resources;
using Twinning.Web.Security;

namespace Twinning.Web.Features.Manage;

/// <summary>The signed-in person's own account: profile, password, two-factor, personal data.</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class ManageController(
    UserManager<TwinningUser> users,
    SignInManager<TwinningUser> signIn,
    IStringLocalizer<ValidationResource> v,
    IStringLocalizer<SharedResource> t,
    ILogger<ManageController> logger) : Controller
{
    private const int RecoveryCodeCount = 10;
    private const string RecoveryCodesKey = "RecoveryCodes";

    [HttpGet]
    public async Task<IActionResult> Index()
    {
        var user = await CurrentUserAsync();
        return View(new ProfileInput { DisplayName = user.DisplayName, PreferredCulture = user.PreferredCulture, Email = user.Email });
    }

    [HttpPost]
    public async Task<IActionResult> Index(ProfileInput input)
    {
        var user = await CurrentUserAsync();
        input.Email = user.Email;
        if (!ModelState.IsValid)
            return View(input);

        user.DisplayName = input.DisplayName.Trim();
        user.PreferredCulture = input.PreferredCulture.ToLowerInvariant();
        await users.UpdateAsync(user);
        return Done("Manage.ProfileSaved", nameof(Index));
    }

    [HttpGet]
    public IActionResult ChangePassword() => View(new ChangePasswordInput());

    [HttpPost]
    public async Task<IActionResult> ChangePassword(ChangePasswordInput input)
    {
        if (!ModelState.IsValid)
            return View(input);

        var user = await CurrentUserAsync();
        var result = await users.ChangePasswordAsync(user, input.OldPassword, input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var message = v[$"Identity.{error.Code}"];
                ModelState.AddModelError(string.Empty, message.ResourceNotFound ? v["Identity.DefaultError"] : message);
            }
            return View(input);
        }

        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Account {UserId} changed its password", user.Id);
        return Done("Manage.PasswordChanged", nameof(Index));
    }

    [HttpGet]
    public async Task<IActionResult> TwoFactor()
    {
        var user = await CurrentUserAsync();
        return View(new TwoFactorModel
        {
            IsEnabled = await users.GetTwoFactorEnabledAsync(user),
            RecoveryCodesLeft = await users.CountRecoveryCodesAsync(user),
            IsMachineRemembered = await signIn.IsTwoFactorClientRememberedAsync(user),
            IsPrivileged = Roles.Privileged.Any(User.IsInRole),
        });
    }

    [HttpGet]
    public async Task<IActionResult> EnableAuthenticator()
    {
        var user = await CurrentUserAsync();
        return View(await AuthenticatorModelAsync(user, new EnableAuthenticatorInput()));
    }

    [HttpPost]
    public async Task<IActionResult> EnableAuthenticator(EnableAuthenticatorInput input)
    {
        var user = await CurrentUserAsync();
        if (!ModelState.IsValid)
            return View(await AuthenticatorModelAsync(user, input));

        var code = input.Code.Replace(" ", string.Empty, StringComparison.Ordinal).Trim();
        var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code);
        if (!valid)
        {
            ModelState.AddModelError("Input.Code", v["TwoFactorCode.Wrong"]);
            return View(await AuthenticatorModelAsync(user, input));
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Account {UserId} enabled two-factor authentication", user.Id);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        TempData[RecoveryCodesKey] = codes.ToArray();
        TempData[StatusMessage.Key] = t["Manage.TwoFactorEnabled"].Value;
        return RedirectToAction(nameof(RecoveryCodes));
    }

    /// <summary>Shows freshly made recovery codes once; they are never shown again.</summary>
    [HttpGet]
    public IActionResult RecoveryCodes()
    {
        if (TempData[RecoveryCodesKey] is not string[] codes || codes.Length == 0)
            return RedirectToAction(nameof(TwoFactor));
        return View(codes);
    }

    [HttpPost]
    public async Task<IActionResult> GenerateRecoveryCodes()
    {
        var user = await CurrentUserAsync();
        if (!await users.GetTwoFactorEnabledAsync(user))
            return RedirectToAction(nameof(TwoFactor));

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount) ?? [];
        TempData[RecoveryCodesKey] = codes.ToArray();
        return RedirectToAction(nameof(RecoveryCodes));
    }

    [HttpPost]
    public async Task<IActionResult> DisableTwoFactor()
    {
        var user = await CurrentUserAsync();
        await users.SetTwoFactorEnabledAsync(user, false);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("Account {UserId} disabled two-factor authentication", user.Id);
        return Done("Manage.TwoFactorDisabled", nameof(TwoFactor));
    }

    [HttpPost]
    public async Task<IActionResult> ResetAuthenticator()
    {
        var user = await CurrentUserAsync();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return Done("Manage.AuthenticatorReset", nameof(EnableAuthenticator));
    }

    [HttpPost]
    public async Task<IActionResult> ForgetBrowser()
    {
        await signIn.ForgetTwoFactorClientAsync();
        return Done("Manage.BrowserForgotten", nameof(TwoFactor));
    }

    [HttpGet]
    public IActionResult PersonalData() => View();

    /// <summary>GDPR data portability: everything marked [PersonalData], the roles, and the authenticator key.</summary>
    [HttpPost]
    public async Task<IActionResult> DownloadPersonalData()
    {
        var user = await CurrentUserAsync();
        var data = new Dictionary<string, object?>();
        foreach (var property in typeof(TwinningUser).GetProperties().Where(p => p.IsDefined(typeof(PersonalDataAttribute))))
            data[property.Name] = property.GetValue(user) is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : property.GetValue(user);
        data["Roles"] = await users.GetRolesAsync(user);
        data["AuthenticatorKey"] = await users.GetAuthenticatorKeyAsync(user);

        var json = JsonSerializer.SerializeToUtf8Bytes(data, JsonOptions);
        Response.Headers.ContentDisposition = "attachment; filename=twinning-personal-data.json";
        return File(json, "application/json");
    }

    [HttpGet]
    public IActionResult DeleteAccount() => View(new DeleteAccountInput());

    /// <summary>GDPR erasure: the account and everything that hangs on it is deleted, after the password is confirmed.</summary>
    [HttpPost]
    public async Task<IActionResult> DeleteAccount(DeleteAccountInput input)
    {
        if (!ModelState.IsValid)
            return View(input);

        var user = await CurrentUserAsync();
        if (!await users.CheckPasswordAsync(user, input.Password))
        {
            ModelState.AddModelError(nameof(input.Password), v["CurrentPassword.Wrong"]);
            return View(input);
        }

        var result = await users.DeleteAsync(user);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, v["Identity.DefaultError"]);
            return View(input);
        }

        await signIn.SignOutAsync();
        logger.LogInformation("Account {UserId} deleted by its owner", user.Id);
        TempData[StatusMessage.Key] = t["Manage.AccountDeleted"].Value;
        return RedirectToAction("Index", "Home");
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private async Task<TwinningUser> CurrentUserAsync() =>
        await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in account no longer exists.");

    private RedirectToActionResult Done(string messageKey, string action)
    {
        TempData[StatusMessage.Key] = t[messageKey].Value;
        return RedirectToAction(action);
    }

    private async Task<EnableAuthenticatorModel> AuthenticatorModelAsync(TwinningUser user, EnableAuthenticatorInput input)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key.");
        }

        var email = UrlEncoder.Default.Encode(user.Email ?? user.Id);
        var uri = $"otpauth://totp/Twinning:{email}?secret={key}&issuer=Twinning&digits=6";
        using var qr = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(qr).GetGraphic(5);

        return new EnableAuthenticatorModel
        {
            SharedKey = FormatKey(key),
            QrCodeDataUri = "data:image/png;base64," + Convert.ToBase64String(png),
            Input = input,
        };
    }

    /// <summary>Groups the key in fours so it can be typed by hand.</summary>
    private static string FormatKey(string key) =>
        string.Join(' ', key.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
}
