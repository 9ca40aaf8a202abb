using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Twinning.Domain.Directory;
using Twinning.Domain.Matching;
using Twinning.Domain.Requests;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Matching;

namespace Twinning.Browser.Tests;

/// <summary>
/// The matching pages (suggestions, a request's candidates, "why not higher?") over the whole imported
/// directory, in English, Greek and Bulgarian: axe finds nothing, and a changed filter re-ranks in place.
/// </summary>
public sealed class MatchingPagesAccessibilityTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    public static TheoryData<string> CultureData => new(AccessibilityTests.Cultures);

    [Theory]
    [MemberData(nameof(CultureData))]
    public async Task Matching_pages_have_no_accessibility_violations_and_filters_re_rank_in_place(string culture)
    {
        var (town, officer, request) = await WorldAsync(culture);

        var visitor = await fixture.NewPageAsync();
        foreach (var path in new[]
        {
            $"matching/suggestions/{fixture.KolnId}", $"matching/why/{fixture.KolnId}?name=Bonn", $"matching/why/{fixture.KolnId}?name=zzzzqq",
            $"matching/why/{fixture.KolnId}?candidate={town}", $"matching/why/{fixture.KolnId}?name=Frankfurt", fixture.KolnProfile,
        })
        {
            await BrowserFixture.AssertPageAccessibleAsync(visitor, $"/{culture}/{path}");
        }

        // Choosing "far away" re-ranks without a page load; the address follows, the status line says so.
        await visitor.GotoAsync($"/{culture}/matching/suggestions/{fixture.KolnId}");
        var before = await visitor.Locator("#suggestion-results").InnerTextAsync();
        // Waits for the re-rank's own response and then polls the address: a same-document URL change can come
        // before a navigation waiter is set up (CI once missed it on a busy machine).
        var rerank = await visitor.RunAndWaitForResponseAsync(
            () => visitor.Locator($"#rr-distance-{DistancePreference.Far}").CheckAsync(),
            response => response.Url.Contains("distance=Far", StringComparison.Ordinal));
        Assert.True(rerank.Ok, $"re-rank answered {rerank.Status}");
        await Assertions.Expect(visitor).ToHaveURLAsync(new Regex("distance=Far"));
        await Assertions.Expect(visitor.Locator("#suggestion-results")).Not.ToHaveTextAsync(before);
        await BrowserFixture.AssertAccessibleAsync(visitor);

        var page = await fixture.NewPageAsync();
        await BrowserFixture.LogInAsync(page, officer);
        foreach (var path in new[]
        {
            $"directory/profile/{town}", $"matching/suggestions/{town}", $"requests/details/{request}", $"matching/candidates/{request}",
            $"matching/candidatewhy/{request}?candidate={fixture.KolnId}", $"matching/candidates/{request}?set=true&distance=Near&top=50&theme=1",
        })
        {
            await BrowserFixture.AssertPageAccessibleAsync(page, $"/{culture}/{path}");
        }

        // From a candidate's line to its explanation, by keyboard.
        await page.GotoAsync($"/{culture}/matching/candidates/{request}");
        var why = page.Locator(".suggestion-list a[href*='candidatewhy']").First;
        await why.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("candidatewhy"));
        await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
        await BrowserFixture.AssertAccessibleAsync(page);
    }

    /// <summary>A verified Dutch town of 120,000 with an officer and a published request for small German or Belgian towns far away.</summary>
    private async Task<(int Town, string Officer, int Request)> WorldAsync(string culture)
    {
        var factory = fixture.Factory;
        var town = await factory.CreateTownAsync($"Deventer-{culture}", "NL", 100_000, 52.25, 6.16);
        var officer = await factory.CreateUserAsync($"matching-{culture}@deventer.example", culture);
        var request = await factory.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            var now = DateTimeOffset.UtcNow;
            (await db.Organisations.SingleAsync(o => o.Id == town)).MarkVerified(now);
            db.Officers.Add(new OrganisationOfficer(town, officer.Id, "Beleidsmedewerker", now));
            var themes = await db.Themes.Select(t => t.Id).Take(2).ToListAsync();
            var published = new PartnerRequest(town, "NL", officer.Id, new RequestContent(RequestPurpose.NewTwinning,
                [new RequestText("nl", "Partnerstad gezocht", "Wij zoeken een partnerstad voor uitwisseling van scholen en sportclubs.")],
                ["DE", "BE"], [PopulationBand.Small], themes, ["nl", "de"], null, null, DistancePreference.Far), now);
            published.Submit(now);
            published.Validate("seed", now);
            db.Requests.Add(published);
            await db.SaveChangesAsync();
            return published.Id;
        });
        await factory.Services.GetRequiredService<MatchingIndexLoader>().ReloadAsync();
        return (town, officer.Email!, request);
    }
}
