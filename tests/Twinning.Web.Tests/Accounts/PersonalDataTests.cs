using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Infrastructure.Identity;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Accounts;

public sealed class PersonalDataTests(TwinningFactory factory) : IClassFixture<TwinningFactory>
{
    [Fact]
    public async Task An_officer_downloads_everything_held_about_them_as_json()
    {
        await factory.CreateUserAsync("gdpr@example.org", culture: "pt");
        var client = await factory.LoggedInClientAsync("gdpr@example.org");

        var page = await client.GetPageAsync("/en/manage/personaldata");
        var response = await client.PostAsync("/en/manage/downloadpersonaldata", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", HttpClientExtensions.AntiforgeryToken(page))]));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("gdpr@example.org", json.RootElement.GetProperty("Email").GetString());
        Assert.Equal("pt", json.RootElement.GetProperty("PreferredCulture").GetString());
        Assert.Contains("Officer", json.RootElement.GetProperty("Roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Deleting_the_account_needs_the_password_and_then_erases_it()
    {
        await factory.CreateUserAsync("erase@example.org");
        var client = await factory.LoggedInClientAsync("erase@example.org");

        var refused = await client.SubmitFormAsync("/en/manage/deleteaccount", new Dictionary<string, string> { ["Password"] = "not the password 1" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.True(await ExistsAsync("erase@example.org"));

        var deleted = await client.SubmitFormAsync("/en/manage/deleteaccount", new Dictionary<string, string> { ["Password"] = TwinningFactory.Password });
        Assert.Equal("/en", deleted.Location());
        Assert.False(await ExistsAsync("erase@example.org"));
    }

    private Task<bool> ExistsAsync(string email) =>
        factory.WithServiceAsync(async sp => await sp.GetRequiredService<UserManager<TwinningUser>>().FindByEmailAsync(email) is not null);

}
