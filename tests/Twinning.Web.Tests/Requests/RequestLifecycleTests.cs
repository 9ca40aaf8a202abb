using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Notifications;
using Twinning.Domain.Requests;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Requests;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Requests;

/// <summary>A request from draft to published, back to validation when its substance changes, rejected, closed and expired.</summary>
public sealed class RequestLifecycleTests(RequestWorld world) : IClassFixture<RequestWorld>
{
    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private Dictionary<string, string> Form(string title, bool submit, int id = 0, string? stamp = null, string description = "Wir suchen eine Partnerstadt für einen Chor-Austausch im Sommer.")
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Id"] = Id(id),
            ["Input.OrganisationId"] = Id(world.TownA),
            ["Input.ConcurrencyStamp"] = stamp ?? Guid.Empty.ToString(),
            ["Input.Purpose"] = "JointActivity",
            ["Input.Texts[0].Language"] = "de",
            ["Input.Texts[0].Title"] = title,
            ["Input.Texts[0].Description"] = description,
            ["Input.Texts[1].Language"] = "en",
            ["Input.Texts[1].Title"] = "",
            ["Input.Texts[1].Description"] = "",
            ["Input.WantedCountries"] = "FR",
            ["Input.WantedBands"] = "Small",
            ["Input.WorkingLanguages"] = "de",
            ["Input.Submit"] = submit ? "true" : "false",
        };
        return fields;
    }

    private static int IdFrom(HttpResponseMessage response) =>
        int.Parse(response.Location().Split('/')[^1], CultureInfo.InvariantCulture);

    [Fact]
    public async Task An_officer_submits_a_request_and_the_validator_of_its_country_publishes_it()
    {
        var officer = await world.ClientAsync(RequestWorld.OfficerA);
        var created = await officer.SubmitFormAsync($"/en/requests/create?organisationId={world.TownA}", Form("Chorpartner gesucht", submit: true), "/en/requests/create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = IdFrom(created);
        var request = await world.RequestAsync(id);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Equal(["FR"], request.WantedCountries);

        // Not public yet.
        var anonymous = await world.ClientAsync("anonymous");
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/en/requests/details/{id}")).StatusCode);

        // The French validator does not see it; the German one does, and publishes it.
        var french = await world.ClientAsync(RequestWorld.ValidatorFr);
        Assert.DoesNotContain("Chorpartner gesucht", await french.GetPageAsync("/en/requests/review"), StringComparison.Ordinal);
        var german = await world.ClientAsync(RequestWorld.ValidatorDe);
        Assert.Contains("Chorpartner gesucht", await german.GetPageAsync("/en/requests/review"), StringComparison.Ordinal);
        var validated = await german.SubmitFormAsync("/en/requests/review", new Dictionary<string, string> { ["Id"] = Id(id) }, "/en/requests/validate");
        Assert.Equal(HttpStatusCode.Redirect, validated.StatusCode);
        Assert.Equal(RequestStatus.Published, (await world.RequestAsync(id)).Status);

        // Public now, found by a search without the accent and in another case, and its officer was notified.
        Assert.Contains("Chorpartner gesucht", await anonymous.GetPageAsync($"/en/requests/details/{id}"), StringComparison.Ordinal);
        Assert.Contains($"/en/requests/details/{id}", await anonymous.GetPageAsync("/en/requests?q=CHORPARTNER+gesucht"), StringComparison.Ordinal);
        var notified = await world.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().Notifications
            .AnyAsync(n => n.Kind == NotificationKind.RequestDecision && n.TextKey == "Notify.RequestValidated" && n.Link == $"requests/details/{id}"));
        Assert.True(notified);
    }

    [Fact]
    public async Task A_validator_of_another_country_cannot_validate_and_nothing_changes()
    {
        var id = await world.CreateRequestAsync("Submitted for Germany", RequestStatus.Submitted);
        var french = await world.ClientAsync(RequestWorld.ValidatorFr);
        var response = await french.SubmitFormAsync("/en/requests/review", new Dictionary<string, string> { ["Id"] = Id(id) }, "/en/requests/validate");
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden || response.Location().Contains("accessdenied", StringComparison.Ordinal));
        Assert.Equal(RequestStatus.Submitted, (await world.RequestAsync(id)).Status);
    }

    [Fact]
    public async Task A_rejection_without_reason_is_refused_and_with_one_the_owner_reads_it()
    {
        var id = await world.CreateRequestAsync("Needs more detail", RequestStatus.Submitted);
        var german = await world.ClientAsync(RequestWorld.ValidatorDe);
        await german.SubmitFormAsync("/en/requests/review", new Dictionary<string, string> { ["Id"] = Id(id), ["Reason"] = "" }, "/en/requests/reject");
        Assert.Equal(RequestStatus.Submitted, (await world.RequestAsync(id)).Status);

        await german.SubmitFormAsync("/en/requests/review", new Dictionary<string, string> { ["Id"] = Id(id), ["Reason"] = "Please say which month." }, "/en/requests/reject");
        var request = await world.RequestAsync(id);
        Assert.Equal(RequestStatus.Rejected, request.Status);
        var officer = await world.ClientAsync(RequestWorld.OfficerA);
        Assert.Contains("Please say which month.", await officer.GetPageAsync($"/en/requests/details/{id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Editing_the_text_of_a_published_request_sends_it_back_but_criteria_do_not()
    {
        var officer = await world.ClientAsync(RequestWorld.OfficerA);
        var id = await world.CreateRequestAsync("Published for editing");
        var request = await world.RequestAsync(id);

        // Criteria only: stays published.
        var fields = Form("Published for editing", submit: false, id, request.ConcurrencyStamp.ToString(), "A summer exchange for young musicians.");
        fields["Input.Texts[0].Language"] = "en";
        fields["Input.Texts[1].Language"] = "de";
        fields["Input.Purpose"] = "JointActivity";
        var response = await officer.SubmitFormAsync($"/en/requests/edit/{id}", fields, "/en/requests/edit");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        request = await world.RequestAsync(id);
        Assert.Equal(RequestStatus.Published, request.Status);
        Assert.Equal(["FR"], request.WantedCountries);

        // New title: back to validation.
        fields["Input.ConcurrencyStamp"] = request.ConcurrencyStamp.ToString();
        fields["Input.Texts[0].Title"] = "Published for editing, now with a new title";
        await officer.SubmitFormAsync($"/en/requests/edit/{id}", fields, "/en/requests/edit");
        Assert.Equal(RequestStatus.Submitted, (await world.RequestAsync(id)).Status);
    }

    [Fact]
    public async Task Two_officers_editing_at_once_do_not_overwrite_each_other()
    {
        var officer = await world.ClientAsync(RequestWorld.OfficerA);
        var id = await world.CreateRequestAsync("Concurrent draft", RequestStatus.Draft);
        var stale = (await world.RequestAsync(id)).ConcurrencyStamp.ToString();

        var first = await officer.SubmitFormAsync($"/en/requests/edit/{id}", Form("First save wins", false, id, stale), "/en/requests/edit");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await officer.SubmitFormAsync($"/en/requests/edit/{id}", Form("Second save with an old form", false, id, stale), "/en/requests/edit");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await second.Content.ReadAsStringAsync();
        Assert.Contains("Someone else changed this request", page, StringComparison.Ordinal);
        Assert.Contains("Second save with an old form", page, StringComparison.Ordinal);
        Assert.Equal("First save wins", (await world.RequestAsync(id)).Texts.Single(t => t.Language == "de").Title);
    }

    [Fact]
    public async Task Invalid_input_gets_specific_localized_errors_and_saves_nothing()
    {
        var officer = await world.ClientAsync(RequestWorld.OfficerA);
        var before = await world.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().Requests.CountAsync());
        var fields = Form("", submit: true);
        fields["Input.Deadline"] = "2020-01-01";
        fields["Input.WantedCountries"] = "ZZ";
        var response = await officer.SubmitFormAsync($"/de/requests/create?organisationId={world.TownA}", fields, "/de/requests/create");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Deutsch", page, StringComparison.Ordinal); // the language named in the title error
        Assert.DoesNotContain("The deadline cannot be in the past", page, StringComparison.Ordinal);
        Assert.Equal(before, await world.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().Requests.CountAsync()));

        var garbage = Form("Title", submit: true);
        garbage["Input.Deadline"] = "not-a-date";
        var bound = await officer.SubmitFormAsync($"/en/requests/create?organisationId={world.TownA}", garbage, "/en/requests/create");
        Assert.Equal(HttpStatusCode.OK, bound.StatusCode);
        Assert.Contains("is not valid here", WebUtility.HtmlDecode(await bound.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_of_another_organisation_cannot_edit_close_or_see_a_draft()
    {
        var id = await world.CreateRequestAsync("Private draft", RequestStatus.Draft);
        var other = await world.ClientAsync(RequestWorld.OfficerB);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/en/requests/details/{id}")).StatusCode);
        var stamp = (await world.RequestAsync(id)).ConcurrencyStamp.ToString();
        var edit = await other.PostAsync("/en/requests/edit", new FormUrlEncodedContent(Form("Hijacked", false, id, stamp)
            .Append(new("__RequestVerificationToken", HttpClientExtensions.AntiforgeryToken(await other.GetPageAsync("/en/requests/mine"))))));
        Assert.True(edit.StatusCode == HttpStatusCode.Forbidden || edit.Location().Contains("accessdenied", StringComparison.Ordinal));
        Assert.Equal("Private draft", (await world.RequestAsync(id)).Texts.Single().Title);
    }

    [Fact]
    public async Task The_owner_closes_a_published_request_and_it_leaves_the_search()
    {
        var id = await world.CreateRequestAsync("Closing soon");
        var officer = await world.ClientAsync(RequestWorld.OfficerA);
        await officer.SubmitFormAsync($"/en/requests/details/{id}", new Dictionary<string, string>(), $"/en/requests/close/{id}");
        Assert.Equal(RequestStatus.Closed, (await world.RequestAsync(id)).Status);
        Assert.DoesNotContain($"/en/requests/details/{id}\"", await officer.GetPageAsync("/en/requests?q=closing"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Published_requests_past_their_deadline_expire_and_their_officers_are_told()
    {
        var past = await world.CreateRequestAsync("Deadline passed", deadline: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)));
        var future = await world.CreateRequestAsync("Deadline ahead", deadline: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30)));

        var expired = await world.WithServiceAsync(sp => sp.GetRequiredService<RequestWorkflow>().ExpireDueAsync(CancellationToken.None));
        Assert.True(expired >= 1);
        Assert.Equal(RequestStatus.Expired, (await world.RequestAsync(past)).Status);
        Assert.Equal(RequestStatus.Published, (await world.RequestAsync(future)).Status);
        Assert.True(await world.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().Notifications
            .AnyAsync(n => n.TextKey == "Notify.RequestExpired" && n.Link == $"requests/details/{past}")));
        // Running again changes nothing.
        Assert.Equal(0, await world.WithServiceAsync(sp => sp.GetRequiredService<RequestWorkflow>().ExpireDueAsync(CancellationToken.None)));
    }

    [Fact]
    public async Task The_request_page_tells_a_reader_whether_their_organisation_fits()
    {
        var officer = await world.ClientAsync(RequestWorld.OfficerA);
        var created = await officer.SubmitFormAsync($"/en/requests/create?organisationId={world.TownA}", Form("Looking for French small towns", submit: true), "/en/requests/create");
        var id = IdFrom(created);
        var german = await world.ClientAsync(RequestWorld.ValidatorDe);
        await german.SubmitFormAsync("/en/requests/review", new Dictionary<string, string> { ["Id"] = Id(id) }, "/en/requests/validate");

        var french = await world.ClientAsync(RequestWorld.OfficerB);
        var page = WebUtility.HtmlDecode(await french.GetPageAsync($"/en/requests/details/{id}"));
        Assert.Contains("Your country is one of the countries wanted.", page, StringComparison.Ordinal);
        Assert.Contains("Your size is one of the sizes wanted.", page, StringComparison.Ordinal);
        Assert.Contains("You work in none of its languages.", page, StringComparison.Ordinal);
        Assert.Contains("/en/conversations/answer?requestId=", page, StringComparison.Ordinal);
    }
}
