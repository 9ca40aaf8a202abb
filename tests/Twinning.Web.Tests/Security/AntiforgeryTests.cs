using System.Net;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Security;

public sealed class AntiforgeryTests(TwinningFactory factory) : IClassFixture<TwinningFactory>
{
    /// <summary>Only the error page, which the error middleware re-executes for failed POSTs, takes POSTs without a token.</summary>
    private static readonly string[] Exempt = ["Errors.Error"];

    [Fact]
    public async Task Every_post_without_an_antiforgery_token_is_rejected_and_changes_nothing()
    {
        await factory.CreateUserAsync("forms@example.org");
        var client = await factory.LoggedInClientAsync("forms@example.org");
        var posts = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => (Endpoint: e, Action: e.Metadata.GetMetadata<ControllerActionDescriptor>()))
            .Where(x => x.Action is not null && (x.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") ?? false))
            .Select(x => x.Action!)
            .Where(a => !Exempt.Contains($"{a.ControllerName}.{a.ActionName}"))
            .DistinctBy(a => (a.ControllerName, a.ActionName))
            .ToList();
        Assert.True(posts.Count >= 15, $"Only {posts.Count} POST actions found; the test would prove little.");

        var failures = new List<string>();
        foreach (var action in posts)
        {
            var path = $"/en/{action.ControllerName}/{action.ActionName}".ToLowerInvariant();
            var response = await client.PostAsync(path, new FormUrlEncodedContent([new("Email", "forms@example.org"), new("Password", TwinningFactory.Password)]));
            var location = response.Headers.Location?.OriginalString ?? string.Empty;
            var refused = response.StatusCode == HttpStatusCode.BadRequest
                || (response.StatusCode == HttpStatusCode.Redirect && (location.Contains("/account/login", StringComparison.Ordinal) || location.Contains("/account/accessdenied", StringComparison.Ordinal)));
            if (!refused)
                failures.Add($"{path} answered {(int)response.StatusCode} {location}");
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The session survived every attempt, including the token-less logout.
        await client.GetPageAsync("/en/manage");
    }
}
