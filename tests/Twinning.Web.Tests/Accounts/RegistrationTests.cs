using System.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Accounts;

public sealed class RegistrationTests(TwinningFactory factory) : IClassFixture<TwinningFactory>
{
    private static Dictionary<string, string> Form(string email, string password = TwinningFactory.Password, string? confirm = null) => new()
    {
        ["DisplayName"] = "Ana Novak",
        ["Email"] = email,
        ["Password"] = password,
        ["ConfirmPassword"] = confirm ?? password,
    };

    [Fact]
    public async Task A_new_officer_registers_confirms_by_email_and_logs_in()
    {
        var client = factory.CreateBrowserlikeClient();
        var register = await client.SubmitFormAsync("/de/account/register", Form("ana@ljubljana.example"));
        Assert.Equal(HttpStatusCode.Redirect, register.StatusCode);
        Assert.Equal("/de/account/registerconfirmation", register.Location());

        var mail = await factory.Smtp.WaitForAsync("ana@ljubljana.example");
        Assert.Contains("E-Mail", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("Ana Novak", mail.TextBody, StringComparison.Ordinal);
        Assert.NotNull(mail.HtmlBody);

        // Before confirming, the login is refused with a clear message.
        var early = await client.SubmitFormAsync("/en/account/login", new Dictionary<string, string> { ["Email"] = "ana@ljubljana.example", ["Password"] = TwinningFactory.Password });
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("confirm your e-mail address first", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Opening the link changes nothing; the button on the page confirms.
        var confirmPage = mail.LinkContaining("confirmemail");
        var confirmed = await client.SubmitFormAsync(confirmPage, new Dictionary<string, string>
        {
            ["UserId"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + confirmPage).Query)["userId"]!,
            ["Code"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + confirmPage).Query)["code"]!,
        }, action: confirmPage.Split('?')[0]);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);

        var login = await client.SubmitFormAsync("/en/account/login", new Dictionary<string, string> { ["Email"] = "ana@ljubljana.example", ["Password"] = TwinningFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var account = await client.GetPageAsync("/en/manage");
        Assert.Contains("ana@ljubljana.example", account, StringComparison.Ordinal);
        Assert.Contains("value=\"de\" lang=\"de\" selected", account, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_tells_only_its_owner()
    {
        await factory.CreateUserAsync("taken@example.org", culture: "fr");
        var client = factory.CreateBrowserlikeClient();

        var response = await client.SubmitFormAsync("/en/account/register", Form("taken@example.org"));

        Assert.Equal("/en/account/registerconfirmation", response.Location());
        var mail = await factory.Smtp.WaitForAsync("taken@example.org");
        Assert.Contains("compte", mail.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("/account/forgotpassword", mail.TextBody, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "not-an-address", TwinningFactory.Password, null, "Enter an e-mail address in the form name@example.org.")]
    [InlineData("en", "short@example.org", "too short", null, "The password must have at least 12 characters.")]
    [InlineData("en", "mismatch@example.org", TwinningFactory.Password, "something else entirely", "The two passwords are not the same.")]
    [InlineData("de", "short@example.org", "too short", null, " 12 ")]
    public async Task Bad_input_is_answered_with_a_localized_message_and_keeps_what_was_typed(
        string culture, string email, string password, string? confirm, string expected)
    {
        var client = factory.CreateBrowserlikeClient();

        var response = await client.SubmitFormAsync($"/{culture}/account/register", Form(email, password, confirm));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(WebUtility.HtmlEncode(expected), html, StringComparison.Ordinal);
        if (culture != "en")
            Assert.DoesNotContain("The password must have", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{email}\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Ana Novak\"", html, StringComparison.Ordinal);
    }
}
