using System.Globalization;
using System.Net;
using Twinning.Domain.Requests;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Requests;

/// <summary>
/// Who may do what with requests and moderation: anonymous, an officer of A (the owner), an officer of B,
/// a validator of another country (FR, for a German request), and an admin.
/// </summary>
public sealed class RequestAuthorizationMatrixTests(RequestWorld world) : IClassFixture<RequestWorld>
{
    public enum Outcome
    {
        Allowed,
        LoginRequired,
        Denied,
        NotFound,
    }

    private const string Anonymous = "anonymous";
    private const string OfficerA = RequestWorld.OfficerA;
    private const string OfficerB = RequestWorld.OfficerB;
    private const string ValidatorFr = RequestWorld.ValidatorFr;
    private const string Admin = RequestWorld.Admin;

    public static TheoryData<string, string, Outcome> Matrix() => new()
    {
        // Published requests are public; drafts belong to their organisation.
        { Anonymous, "GET /en/requests", Outcome.Allowed },
        { Anonymous, "GET /en/requests/details/{published}", Outcome.Allowed },
        { Anonymous, "GET /en/requests/details/{draft}", Outcome.NotFound },
        { OfficerA, "GET /en/requests/details/{draft}", Outcome.Allowed },
        { OfficerB, "GET /en/requests/details/{draft}", Outcome.NotFound },
        { ValidatorFr, "GET /en/requests/details/{draft}", Outcome.NotFound },
        { Admin, "GET /en/requests/details/{draft}", Outcome.Allowed },
        // Writing for town A
        { Anonymous, "GET /en/requests/create?organisationId={A}", Outcome.LoginRequired },
        { OfficerA, "GET /en/requests/create?organisationId={A}", Outcome.Allowed },
        { OfficerB, "GET /en/requests/create?organisationId={A}", Outcome.Denied },
        { ValidatorFr, "GET /en/requests/create?organisationId={A}", Outcome.Denied },
        { Admin, "GET /en/requests/create?organisationId={A}", Outcome.Denied },
        { Anonymous, "GET /en/requests/edit/{draft}", Outcome.LoginRequired },
        { OfficerA, "GET /en/requests/edit/{draft}", Outcome.Allowed },
        { OfficerB, "GET /en/requests/edit/{draft}", Outcome.Denied },
        { ValidatorFr, "GET /en/requests/edit/{draft}", Outcome.Denied },
        { Anonymous, "POST /en/requests/create", Outcome.LoginRequired },
        { OfficerB, "POST /en/requests/create", Outcome.Denied },
        { ValidatorFr, "POST /en/requests/create", Outcome.Denied },
        { Admin, "POST /en/requests/create", Outcome.Denied },
        { Anonymous, "POST /en/requests/close/{published}", Outcome.LoginRequired },
        { OfficerB, "POST /en/requests/close/{published}", Outcome.Denied },
        { ValidatorFr, "POST /en/requests/close/{published}", Outcome.Denied },
        { Admin, "POST /en/requests/close/{published}", Outcome.Denied },
        { OfficerB, "POST /en/requests/submit/{draft}", Outcome.Denied },
        { GetMine(), "GET /en/requests/mine", Outcome.Allowed },
        { Anonymous, "GET /en/requests/mine", Outcome.LoginRequired },
        // Validation of a German request
        { Anonymous, "GET /en/requests/review", Outcome.LoginRequired },
        { OfficerA, "GET /en/requests/review", Outcome.Denied },
        { OfficerB, "GET /en/requests/review", Outcome.Denied },
        { ValidatorFr, "GET /en/requests/review", Outcome.Allowed },
        { Admin, "GET /en/requests/review", Outcome.Allowed },
        { Anonymous, "POST /en/requests/validate", Outcome.LoginRequired },
        { OfficerA, "POST /en/requests/validate", Outcome.Denied },
        { OfficerB, "POST /en/requests/validate", Outcome.Denied },
        { ValidatorFr, "POST /en/requests/validate", Outcome.Denied },
        { ValidatorFr, "POST /en/requests/reject", Outcome.Denied },
        // Moderation is CEMR's
        { Anonymous, "GET /en/moderation", Outcome.LoginRequired },
        { OfficerA, "GET /en/moderation", Outcome.Denied },
        { ValidatorFr, "GET /en/moderation", Outcome.Denied },
        { Admin, "GET /en/moderation", Outcome.Allowed },
        { OfficerA, "POST /en/moderation/hide", Outcome.Denied },
        { OfficerB, "POST /en/moderation/hide", Outcome.Denied },
        { ValidatorFr, "POST /en/moderation/hide", Outcome.Denied },
        { Anonymous, "POST /en/moderation/hide", Outcome.LoginRequired },
        { Anonymous, "POST /en/moderation/report", Outcome.LoginRequired },
    };

    private static string GetMine() => OfficerB;

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_exactly_its_rights(string actor, string request, Outcome expected)
    {
        var draft = await world.CreateRequestAsync("Matrix draft", RequestStatus.Draft);
        var published = await world.CreateRequestAsync("Matrix published");
        var submitted = await world.CreateRequestAsync("Matrix submitted", RequestStatus.Submitted);
        string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
        var (method, path) = (request.Split(' ')[0], request.Split(' ')[1]
            .Replace("{A}", Id(world.TownA), StringComparison.Ordinal)
            .Replace("{draft}", Id(draft), StringComparison.Ordinal)
            .Replace("{published}", Id(published), StringComparison.Ordinal));
        var client = await world.ClientAsync(actor);

        HttpResponseMessage response;
        if (method == "GET")
        {
            response = await client.GetAsync(path);
        }
        else
        {
            var token = HttpClientExtensions.AntiforgeryToken(await client.GetPageAsync("/en/account/login"));
            var fields = path switch
            {
                "/en/requests/create" => new Dictionary<string, string>
                {
                    ["Input.OrganisationId"] = Id(world.TownA),
                    ["Input.Purpose"] = "NewTwinning",
                    ["Input.Texts[0].Language"] = "en",
                    ["Input.Texts[0].Title"] = "Written by " + actor,
                    ["Input.Texts[0].Description"] = "Should not exist",
                },
                "/en/requests/validate" or "/en/requests/reject" => new Dictionary<string, string> { ["Id"] = Id(submitted), ["Reason"] = "No" },
                "/en/moderation/hide" => new Dictionary<string, string> { ["Kind"] = "Request", ["ContentId"] = Id(published), ["Reason"] = "No" },
                "/en/moderation/report" => new Dictionary<string, string> { ["Kind"] = "Request", ["ContentId"] = Id(published), ["Reason"] = "No" },
                _ => [],
            };
            fields["__RequestVerificationToken"] = token;
            response = await client.PostAsync(path, new FormUrlEncodedContent(fields));
        }

        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var outcome = response.StatusCode switch
        {
            HttpStatusCode.Redirect when location.Contains("/account/login", StringComparison.Ordinal) => Outcome.LoginRequired,
            HttpStatusCode.Redirect when location.Contains("/account/accessdenied", StringComparison.Ordinal) => Outcome.Denied,
            HttpStatusCode.Forbidden => Outcome.Denied,
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.OK or HttpStatusCode.Redirect => Outcome.Allowed,
            _ => throw new InvalidOperationException($"{actor} {request}: unexpected {(int)response.StatusCode} {location}"),
        };
        Assert.Equal(expected, outcome);
        if (expected != Outcome.Allowed)
        {
            Assert.Equal(RequestStatus.Published, (await world.RequestAsync(published)).Status);
            Assert.False((await world.RequestAsync(published)).IsHidden);
            Assert.Equal(RequestStatus.Submitted, (await world.RequestAsync(submitted)).Status);
            Assert.Equal(RequestStatus.Draft, (await world.RequestAsync(draft)).Status);
        }
    }
}
