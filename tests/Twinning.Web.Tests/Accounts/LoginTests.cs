using System.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Accounts;

public sealed class LoginTests(TwinningFactory factory) : IClassFixture<TwinningFactory>
{
    private static Dictionary<string, string> Credentials(string email, string password = TwinningFactory.Password) =>
        new() { ["Email"] = email, ["Password"] = password };

    [Fact]
    public async Task A_wrong_password_gets_one_message_that_does_not_say_whether_the_account_exists()
    {
        await factory.CreateUserAsync("known@example.org");
        var client = factory.CreateBrowserlikeClient();

        var wrongPassword = await (await client.SubmitFormAsync("/en/account/login", Credentials("known@example.org", "wrong password 123"))).Content.ReadAsStringAsync();
        var unknownAccount = await (await client.SubmitFormAsync("/en/account/login", Credentials("nobody@example.org"))).Content.ReadAsStringAsync();

        const string message = "The e-mail address or the password is not correct.";
        Assert.Contains(message, wrongPassword, StringComparison.Ordinal);
        Assert.Contains(message, unknownAccount, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await factory.CreateUserAsync("locked@example.org");
        var client = factory.CreateBrowserlikeClient();

        for (var i = 0; i < 5; i++)
            await client.SubmitFormAsync("/en/account/login", Credentials("locked@example.org", $"wrong password {i:D4}"));
        var right = await client.SubmitFormAsync("/en/account/login", Credentials("locked@example.org"));

        Assert.Equal("/en/account/lockout", right.Location());
    }

    [Fact]
    public async Task Logging_out_ends_the_session()
    {
        await factory.CreateUserAsync("leaving@example.org");
        var client = await factory.LoggedInClientAsync("leaving@example.org");
        await client.GetPageAsync("/en/manage");

        var home = await client.GetPageAsync("/en");
        var logout = await client.PostAsync("/en/account/logout", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", HttpClientExtensions.AntiforgeryToken(home))]));

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        var after = await client.GetAsync("/en/manage");
        Assert.StartsWith("/en/account/login", after.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        await factory.CreateUserAsync("phish@example.org");
        var client = factory.CreateBrowserlikeClient();
        var fields = Credentials("phish@example.org");
        fields["ReturnUrl"] = "https://evil.example/steal";

        var response = await client.SubmitFormAsync("/en/account/login", fields);

        Assert.Equal("/en", response.Location());
    }
}
