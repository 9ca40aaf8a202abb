using System.Net;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Platform;

public sealed class RateLimitTests(RateLimitTests.StrictFactory factory) : IClassFixture<RateLimitTests.StrictFactory>
{
    [Fact]
    public async Task Login_attempts_beyond_the_limit_are_refused_with_a_localized_429()
    {
        var client = factory.CreateBrowserlikeClient();
        var statuses = new List<HttpStatusCode>();

        for (var i = 0; i < 4; i++)
        {
            var response = await client.SubmitFormAsync("/de/account/login", new Dictionary<string, string> { ["Email"] = "x@example.org", ["Password"] = "whatever password" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var html = await response.Content.ReadAsStringAsync();
                Assert.Contains("<html lang=\"de\"", html, StringComparison.Ordinal);
                Assert.True(response.Headers.Contains("Retry-After"));
            }
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Reading_pages_is_not_limited()
    {
        var client = factory.CreateBrowserlikeClient();

        for (var i = 0; i < 10; i++)
            await client.GetPageAsync("/en/account/login");
    }

    public sealed class StrictFactory : TwinningFactory
    {
        protected override IDictionary<string, string?> Settings
        {
            get
            {
                var settings = base.Settings;
                settings["RateLimiting:Authentication:PermitLimit"] = "3";
                settings["RateLimiting:Authentication:WindowSeconds"] = "3600";
                return settings;
            }
        }
    }
}
