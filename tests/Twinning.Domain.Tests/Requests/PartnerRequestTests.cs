using Twinning.Domain.Directory;
using Twinning.Domain.Requests;

namespace Twinning.Domain.Tests.Requests;

public sealed class PartnerRequestTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 10, 0, 0, TimeSpan.Zero);

    internal static RequestContent Content(string title = "Youth exchange partner", string description = "We look for a town for a summer youth exchange.",
        RequestPurpose purpose = RequestPurpose.JointActivity, string[]? countries = null, DateOnly? deadline = null, string? funding = null) =>
        new(purpose, [new RequestText("en", title, description)], countries ?? [], [PopulationBand.Small], [3], ["en"], deadline, funding);

    private static PartnerRequest Published(RequestContent? content = null)
    {
        var request = new PartnerRequest(1, "de", "officer", content ?? Content(), Now);
        request.Submit(Now);
        request.Validate("validator", Now);
        return request;
    }

    [Fact]
    public void A_new_request_is_a_draft_until_submitted_and_validation_publishes_it()
    {
        var request = new PartnerRequest(1, "de", "officer", Content(), Now);
        Assert.Equal(RequestStatus.Draft, request.Status);
        Assert.Equal("DE", request.CountryCode);

        request.Submit(Now);
        Assert.Equal(RequestStatus.Submitted, request.Status);

        request.Validate("validator", Now.AddHours(1));
        Assert.Equal(RequestStatus.Published, request.Status);
        Assert.True(request.IsOpen);
        Assert.Equal(Now.AddHours(1), request.PublishedAt);
    }

    [Fact]
    public void A_rejection_needs_a_reason_and_a_rejected_request_can_be_resubmitted()
    {
        var request = new PartnerRequest(1, "DE", "officer", Content(), Now);
        request.Submit(Now);
        Assert.Throws<ArgumentException>(() => request.Reject("validator", " ", Now));

        request.Reject("validator", "Please describe the activity.", Now);
        Assert.Equal(RequestStatus.Rejected, request.Status);
        Assert.Equal("Please describe the activity.", request.RejectionReason);

        request.Edit(Content(description: "A summer youth exchange in July, 20 pupils."), Now);
        request.Submit(Now);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.Null(request.RejectionReason);
    }

    [Fact]
    public void Only_a_submitted_request_is_validated()
    {
        var request = new PartnerRequest(1, "DE", "officer", Content(), Now);
        Assert.Throws<InvalidOperationException>(() => request.Validate("validator", Now));
    }

    [Fact]
    public void Changing_the_text_of_a_published_request_sends_it_back_to_validation()
    {
        var request = Published();
        var back = request.Edit(Content(title: "Youth exchange partner wanted"), Now);
        Assert.True(back);
        Assert.Equal(RequestStatus.Submitted, request.Status);
        Assert.False(request.IsOpen);
    }

    [Theory]
    [InlineData("purpose")]
    [InlineData("funding")]
    [InlineData("language")]
    public void Changing_the_substance_of_a_published_request_sends_it_back_to_validation(string change)
    {
        var request = Published();
        var content = change switch
        {
            "purpose" => Content(purpose: RequestPurpose.JointProject),
            "funding" => Content(funding: "CERV-2026"),
            _ => Content() with { Texts = [new RequestText("en", "Youth exchange partner", "We look for a town for a summer youth exchange."), new RequestText("de", "Jugendaustausch", "Wir suchen eine Partnerstadt.")] },
        };
        Assert.True(request.Edit(content, Now));
        Assert.Equal(RequestStatus.Submitted, request.Status);
    }

    [Fact]
    public void Changing_only_criteria_or_deadline_keeps_a_published_request_published()
    {
        var request = Published();
        var back = request.Edit(Content(countries: ["fr", "IT"], deadline: new DateOnly(2027, 3, 1)), Now);
        Assert.False(back);
        Assert.Equal(RequestStatus.Published, request.Status);
        Assert.Equal(["FR", "IT"], request.WantedCountries);
        Assert.Equal(new DateOnly(2027, 3, 1), request.Deadline);
    }

    [Fact]
    public void A_published_request_expires_only_after_its_deadline()
    {
        var request = Published(Content(deadline: new DateOnly(2026, 11, 27)));
        Assert.False(request.IsDueToExpire(new DateOnly(2026, 11, 27)));
        Assert.True(request.IsDueToExpire(new DateOnly(2026, 11, 28)));
        Assert.Throws<InvalidOperationException>(() => request.Expire(Now));

        request.Expire(Now.AddDays(1));
        Assert.Equal(RequestStatus.Expired, request.Status);
        Assert.Throws<InvalidOperationException>(() => request.Edit(Content(), Now));
    }

    [Fact]
    public void Matching_closes_the_request_with_its_partner()
    {
        var request = Published();
        Assert.Throws<ArgumentException>(() => request.MarkMatched(1, Now));
        request.MarkMatched(7, Now);
        Assert.Equal(RequestStatus.Matched, request.Status);
        Assert.Equal(7, request.MatchedOrganisationId);
        Assert.Throws<InvalidOperationException>(() => request.Close(Now));
    }

    [Fact]
    public void A_hidden_request_is_not_open_until_restored()
    {
        var request = Published();
        request.Hide("Advertising", Now);
        Assert.False(request.IsOpen);
        request.Restore(Now);
        Assert.True(request.IsOpen);
    }

    [Fact]
    public void Every_change_renews_the_concurrency_stamp()
    {
        var request = new PartnerRequest(1, "DE", "officer", Content(), Now);
        var stamp = request.ConcurrencyStamp;
        request.Edit(Content(countries: ["FR"]), Now);
        Assert.NotEqual(stamp, request.ConcurrencyStamp);
    }

    [Fact]
    public void The_text_is_shown_in_the_readers_language_else_english()
    {
        var request = new PartnerRequest(1, "DE", "officer", Content() with
        {
            Texts = [new RequestText("de", "Partner gesucht", "Beschreibung"), new RequestText("en", "Partner wanted", "Description")],
        }, Now);
        Assert.Equal("Partner gesucht", request.TextFor("de").Title);
        Assert.Equal("Partner wanted", request.TextFor("fr").Title);
    }
}
