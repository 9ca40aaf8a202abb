using System.Net;
using System.Text.RegularExpressions;
using OtpNet;
using Twinning.Domain.Accounts;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Accounts;

public sealed partial class TwoFactorTests(TwinningFactory factory) : IClassFixture<TwinningFactory>
{
    [Fact]
    public async Task An_officer_turns_on_an_authenticator_and_then_needs_its_code_to_log_in()
    {
        await factory.CreateUserAsync("careful@example.org");
        var client = await factory.LoggedInClientAsync("careful@example.org");

        var key = await EnableAuthenticatorAsync(client);
        var codes = await client.GetPageAsync("/en/manage/recoverycodes");
        Assert.Equal(10, RecoveryCodePattern().Count(codes));

        var fresh = factory.CreateBrowserlikeClient();
        var password = await fresh.SubmitFormAsync("/en/account/login", Login("careful@example.org"));
        Assert.StartsWith("/en/account/loginwith2fa", password.Location(), StringComparison.Ordinal);

        var wrong = await fresh.SubmitFormAsync(password.Location(), new Dictionary<string, string> { ["Code"] = "000000" }, action: "/en/account/loginwith2fa");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);

        var right = await fresh.SubmitFormAsync(password.Location(), new Dictionary<string, string> { ["Code"] = Totp(key) }, action: "/en/account/loginwith2fa");
        Assert.Equal("/en", right.Location());
        await fresh.GetPageAsync("/en/manage");
    }

    [Fact]
    public async Task A_recovery_code_logs_in_once()
    {
        await factory.CreateUserAsync("recover@example.org");
        var client = await factory.LoggedInClientAsync("recover@example.org");
        await EnableAuthenticatorAsync(client);
        var code = RecoveryCodePattern().Match(await client.GetPageAsync("/en/manage/recoverycodes")).Groups[1].Value;

        async Task<HttpResponseMessage> UseCode()
        {
            var fresh = factory.CreateBrowserlikeClient();
            await fresh.SubmitFormAsync("/en/account/login", Login("recover@example.org"));
            return await fresh.SubmitFormAsync("/en/account/loginwithrecoverycode", new Dictionary<string, string> { ["RecoveryCode"] = code });
        }

        Assert.Equal("/en", (await UseCode()).Location());
        Assert.Equal(HttpStatusCode.OK, (await UseCode()).StatusCode);
    }

    [Fact]
    public async Task An_admin_without_two_factor_is_sent_to_set_it_up_and_can_use_the_admin_pages_after()
    {
        await factory.CreateUserAsync("root@cemr.example", "en", Roles.Admin);
        var client = await factory.LoggedInClientAsync("root@cemr.example");

        var denied = await client.GetAsync("/en/admin");
        Assert.StartsWith("/en/account/accessdenied", denied.Location(), StringComparison.Ordinal);
        var explanation = await client.GetPageAsync(denied.Location());
        Assert.Contains("/en/manage/enableauthenticator", explanation, StringComparison.Ordinal);

        await EnableAuthenticatorAsync(client);

        var admin = await client.GetPageAsync("/en/admin");
        Assert.Contains("root@cemr.example", admin, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_is_never_an_admin()
    {
        await factory.CreateUserAsync("plain@example.org");
        var client = await factory.LoggedInClientAsync("plain@example.org");
        await EnableAuthenticatorAsync(client);

        var response = await client.GetAsync("/en/admin");

        Assert.StartsWith("/en/account/accessdenied", response.Location(), StringComparison.Ordinal);
    }


    private static async Task<string> EnableAuthenticatorAsync(HttpClient client)
    {
        var page = await client.GetPageAsync("/en/manage/enableauthenticator");
        var key = SharedKeyPattern().Match(page).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        var response = await client.SubmitFormAsync("/en/manage/enableauthenticator", new Dictionary<string, string> { ["Input.Code"] = Totp(key) });
        Assert.Equal("/en/manage/recoverycodes", response.Location());
        return key;
    }

    private static string Totp(string base32Key) => new Totp(Base32Encoding.ToBytes(base32Key)).ComputeTotp();

    private static Dictionary<string, string> Login(string email) => new() { ["Email"] = email, ["Password"] = TwinningFactory.Password };

    [GeneratedRegex("<kbd data-shared-key>([a-z0-9 ]+)</kbd>")]
    private static partial Regex SharedKeyPattern();

    [GeneratedRegex("<li class=\"col-6 col-sm-4\">([A-Z0-9-]+)</li>")]
    private static partial Regex RecoveryCodePattern();
}
