using System.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Accounts;

public sealed class PasswordTests(TwinningFactory factory) : IClassFixture<TwinningFactory>
{
    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link()
    {
        await factory.CreateUserAsync("forgetful@example.org", culture: "el");
        var client = factory.CreateBrowserlikeClient();

        var request = await client.SubmitFormAsync("/en/account/forgotpassword", new Dictionary<string, string> { ["Email"] = "forgetful@example.org" });
        Assert.Equal("/en/account/forgotpasswordconfirmation", request.Location());

        var mail = await factory.Smtp.WaitForAsync("forgetful@example.org");
        Assert.DoesNotContain("Reset your Twinning password", mail.Subject, StringComparison.Ordinal);
        var link = mail.LinkContaining("resetpassword");
        var code = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["code"]!;

        const string newPassword = "a brand new passphrase";
        var reset = await client.SubmitFormAsync(link, new Dictionary<string, string>
        {
            ["Email"] = "forgetful@example.org",
            ["Code"] = code,
            ["Password"] = newPassword,
            ["ConfirmPassword"] = newPassword,
        }, action: link.Split('?')[0]);
        Assert.Equal("/en/account/resetpasswordconfirmation", reset.Location());

        var login = await client.SubmitFormAsync("/en/account/login", new Dictionary<string, string> { ["Email"] = "forgetful@example.org", ["Password"] = newPassword });
        Assert.Equal("/en", login.Location());
    }

    [Fact]
    public async Task Asking_to_reset_an_unknown_address_looks_the_same_and_sends_nothing()
    {
        var client = factory.CreateBrowserlikeClient();

        var response = await client.SubmitFormAsync("/en/account/forgotpassword", new Dictionary<string, string> { ["Email"] = "ghost@example.org" });

        Assert.Equal("/en/account/forgotpasswordconfirmation", response.Location());
        Assert.DoesNotContain(factory.Smtp.Messages, m => m.To.ToString().Contains("ghost@", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_signed_in_officer_changes_their_password()
    {
        await factory.CreateUserAsync("changer@example.org");
        var client = await factory.LoggedInClientAsync("changer@example.org");

        var wrong = await client.SubmitFormAsync("/en/manage/changepassword", new Dictionary<string, string>
        {
            ["OldPassword"] = "not my password at all",
            ["NewPassword"] = "another long passphrase",
            ["ConfirmPassword"] = "another long passphrase",
        });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("The password is not correct.", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var changed = await client.SubmitFormAsync("/en/manage/changepassword", new Dictionary<string, string>
        {
            ["OldPassword"] = TwinningFactory.Password,
            ["NewPassword"] = "another long passphrase",
            ["ConfirmPassword"] = "another long passphrase",
        });
        Assert.Equal("/en/manage", changed.Location());
        Assert.Contains("Your password has been changed.", await client.GetPageAsync("/en/manage"), StringComparison.Ordinal);
    }
}
