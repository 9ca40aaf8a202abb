using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Accounts;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Verification;

/// <summary>
/// Who may do what with an organisation's data: anonymous, an officer of A, an officer of B, a validator
/// of another country, and an admin, against every action that touches an organisation or a claim.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.World world) : IClassFixture<AuthorizationMatrixTests.World>
{
    public enum Outcome
    {
        Allowed,
        LoginRequired,
        Denied,
    }

    public static TheoryData<string, string, Outcome> Matrix() => new()
    {
        // Edit A's profile (GET and POST)
        { "anonymous", "GET /en/profiles/edit/{A}", Outcome.LoginRequired },
        { "officerA", "GET /en/profiles/edit/{A}", Outcome.Allowed },
        { "officerB", "GET /en/profiles/edit/{A}", Outcome.Denied },
        { "validatorFR", "GET /en/profiles/edit/{A}", Outcome.Denied },
        { "admin", "GET /en/profiles/edit/{A}", Outcome.Allowed },
        { "anonymous", "POST /en/profiles/edit", Outcome.LoginRequired },
        { "officerA", "POST /en/profiles/edit", Outcome.Allowed },
        { "officerB", "POST /en/profiles/edit", Outcome.Denied },
        { "validatorFR", "POST /en/profiles/edit", Outcome.Denied },
        { "admin", "POST /en/profiles/edit", Outcome.Allowed },
        // The verification queue and deciding a German claim
        { "anonymous", "GET /en/verification", Outcome.LoginRequired },
        { "officerA", "GET /en/verification", Outcome.Denied },
        { "officerB", "GET /en/verification", Outcome.Denied },
        { "validatorFR", "GET /en/verification", Outcome.Allowed },
        { "admin", "GET /en/verification", Outcome.Allowed },
        { "anonymous", "POST /en/verification/approve", Outcome.LoginRequired },
        { "officerA", "POST /en/verification/approve", Outcome.Denied },
        { "officerB", "POST /en/verification/approve", Outcome.Denied },
        { "validatorFR", "POST /en/verification/approve", Outcome.Denied },
        { "anonymous", "GET /en/verification/audit", Outcome.LoginRequired },
        { "officerB", "GET /en/verification/audit", Outcome.Denied },
        { "validatorFR", "GET /en/verification/audit", Outcome.Allowed },
        // Associations are CEMR's
        { "anonymous", "GET /en/associations", Outcome.LoginRequired },
        { "officerA", "GET /en/associations", Outcome.Denied },
        { "validatorFR", "GET /en/associations", Outcome.Denied },
        { "admin", "GET /en/associations", Outcome.Allowed },
        { "validatorFR", "POST /en/associations/create", Outcome.Denied },
        { "validatorFR", "POST /en/associations/addvalidator", Outcome.Denied },
        // Adding a colleague to A (only refusals here: an allowed invite would change the world for other rows)
        { "anonymous", "POST /en/profiles/invite", Outcome.LoginRequired },
        { "officerB", "POST /en/profiles/invite", Outcome.Denied },
        { "validatorFR", "POST /en/profiles/invite", Outcome.Denied },
        // Themes are CEMR's
        { "anonymous", "GET /en/themes", Outcome.LoginRequired },
        { "officerA", "GET /en/themes", Outcome.Denied },
        { "validatorFR", "GET /en/themes", Outcome.Denied },
        { "admin", "GET /en/themes", Outcome.Allowed },
        { "officerA", "POST /en/themes/save", Outcome.Denied },
        { "validatorFR", "POST /en/themes/retire", Outcome.Denied },
        // One's own claims page, and claiming
        { "anonymous", "GET /en/claims", Outcome.LoginRequired },
        { "officerB", "GET /en/claims", Outcome.Allowed },
        { "anonymous", "GET /en/claims/claim/{A}", Outcome.LoginRequired },
        { "officerB", "GET /en/claims/claim/{A}", Outcome.Allowed },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_exactly_its_rights(string actor, string request, Outcome expected)
    {
        var client = await world.ClientAsync(actor);
        var (method, path) = (request.Split(' ')[0], request.Split(' ')[1].Replace("{A}", world.TownA.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal));

        HttpResponseMessage response;
        if (method == "GET")
        {
            response = await client.GetAsync(path);
        }
        else
        {
            // A real form token from a page the actor can open, so only authorization decides.
            var token = HttpClientExtensions.AntiforgeryToken(await client.GetPageAsync("/en/account/login"));
            var fields = path switch
            {
                "/en/profiles/edit" => new Dictionary<string, string>
                {
                    ["Input.Id"] = world.TownA.ToString(CultureInfo.InvariantCulture),
                    ["Input.ConcurrencyStamp"] = await world.StampAsync(),
                    ["Input.Descriptions[0].Language"] = "en",
                    ["Input.Descriptions[0].Text"] = $"Written by {actor}",
                },
                "/en/verification/approve" => new Dictionary<string, string> { ["Id"] = world.GermanClaim.ToString(CultureInfo.InvariantCulture) },
                "/en/associations/create" => new Dictionary<string, string> { ["Input.Name"] = "Sneaky association", ["Input.Countries"] = "FR" },
                "/en/associations/addvalidator" => new Dictionary<string, string>
                {
                    ["AssociationId"] = world.FrenchAssociation.ToString(CultureInfo.InvariantCulture),
                    ["Email"] = "b@town-b.example",
                },
                "/en/profiles/invite" => new Dictionary<string, string>
                {
                    ["OrganisationId"] = world.TownA.ToString(CultureInfo.InvariantCulture),
                    ["Email"] = "b@town-b.example",
                    ["Function"] = "colleague",
                },
                "/en/themes/save" => new Dictionary<string, string> { ["Names[en]"] = "Sneaky theme" },
                "/en/themes/retire" => new Dictionary<string, string> { ["id"] = "1", ["retire"] = "true" },
                _ => throw new InvalidOperationException($"No form for {path}"),
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
            HttpStatusCode.OK or HttpStatusCode.Redirect => Outcome.Allowed,
            _ => throw new InvalidOperationException($"{actor} {request}: unexpected {(int)response.StatusCode} {location}"),
        };
        Assert.Equal(expected, outcome);
        if (expected != Outcome.Allowed)
        {
            Assert.Equal(ClaimStatus.Pending, await world.GermanClaimStatusAsync());
            Assert.False(await world.OfficerBActsForAAsync());
        }
    }

    /// <summary>Town A (DE) with its officer and a pending claim; town B (DE) with its officer; a French association's validator; an admin.</summary>
    public sealed class World : TwinningFactory, IAsyncLifetime
    {
        private readonly Dictionary<string, string?> _keys = [];
        private readonly Dictionary<string, HttpClient> _clients = [];

        public int TownA { get; private set; }
        public int GermanClaim { get; private set; }
        public int FrenchAssociation { get; private set; }

        public async Task InitializeAsync()
        {
            TownA = await CreateTownAsync("Town A", "DE");
            var townB = await CreateTownAsync("Town B", "DE");
            var officerA = await CreateUserAsync("a@town-a.example");
            var officerB = await CreateUserAsync("b@town-b.example");
            _keys["officerA"] = null;
            _keys["officerB"] = null;
            _keys["validatorFR"] = await CreateTwoFactorUserAsync("v@fr-association.example", Roles.Validator);
            _keys["admin"] = await CreateTwoFactorUserAsync("root@cemr.example", Roles.Admin);
            var claimant = await CreateUserAsync("claimant@town-a.example");

            (GermanClaim, FrenchAssociation) = await WithServiceAsync(async sp =>
            {
                var db = sp.GetRequiredService<TwinningDbContext>();
                db.Officers.Add(new OrganisationOfficer(TownA, officerA.Id, "officer", DateTimeOffset.UtcNow));
                db.Officers.Add(new OrganisationOfficer(townB, officerB.Id, "officer", DateTimeOffset.UtcNow));
                var association = db.Associations.Add(new Association("Association des maires", ["FR"], DateTimeOffset.UtcNow)).Entity;
                var claim = db.Claims.Add(OrganisationClaim.ForExisting(claimant.Id, TownA, "DE", "clerk", "c@town-a.example", string.Empty, DateTimeOffset.UtcNow)).Entity;
                await db.SaveChangesAsync();
                var validator = await db.Users.SingleAsync(u => u.Email == "v@fr-association.example");
                db.AssociationValidators.Add(new AssociationValidator(association.Id, validator.Id));
                await db.SaveChangesAsync();
                return (claim.Id, association.Id);
            });
        }

        public async Task<HttpClient> ClientAsync(string actor)
        {
            if (actor == "anonymous")
                return CreateBrowserlikeClient();
            if (!_clients.TryGetValue(actor, out var client))
            {
                var email = actor switch
                {
                    "officerA" => "a@town-a.example",
                    "officerB" => "b@town-b.example",
                    "validatorFR" => "v@fr-association.example",
                    _ => "root@cemr.example",
                };
                client = await LoggedInClientAsync(email, _keys[actor]);
                _clients[actor] = client;
            }
            return client;
        }

        public Task<string> StampAsync() => WithServiceAsync(async sp =>
            (await sp.GetRequiredService<TwinningDbContext>().Organisations.AsNoTracking().SingleAsync(o => o.Id == TownA)).ConcurrencyStamp.ToString());

        public Task<bool> OfficerBActsForAAsync() => WithServiceAsync(sp =>
            sp.GetRequiredService<TwinningDbContext>().Officers.AnyAsync(o => o.OrganisationId == TownA && o.UserId != null && o.Function == "colleague"));

        public Task<ClaimStatus> GermanClaimStatusAsync() => WithServiceAsync(sp =>
            sp.GetRequiredService<TwinningDbContext>().Claims.Where(c => c.Id == GermanClaim).Select(c => c.Status).SingleAsync());

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }
}
