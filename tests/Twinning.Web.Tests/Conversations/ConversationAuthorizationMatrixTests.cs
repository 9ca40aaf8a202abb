using System.Net;
using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Accounts;
using Twinning.Domain.Directory;
using Twinning.Domain.Verification;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Conversations;

/// <summary>
/// Who may do what with conversations: anonymous, an officer of A (the request's owner), an officer of B
/// (who answered), a validator of another country and an admin, against every conversation action.
/// Outsiders get 404 on a conversation, so that not even its existence leaks.
/// </summary>
public sealed class ConversationAuthorizationMatrixTests(ConversationAuthorizationMatrixTests.World world) : IClassFixture<ConversationAuthorizationMatrixTests.World>
{
    public enum Outcome
    {
        Allowed,
        LoginRequired,
        Denied,
        NotFound,
    }

    public static TheoryData<string, string, Outcome> Matrix() => new()
    {
        // The inbox is everyone's own (empty for those who act for no organisation)
        { "anonymous", "GET /en/conversations", Outcome.LoginRequired },
        { "officerA", "GET /en/conversations", Outcome.Allowed },
        { "officerB", "GET /en/conversations", Outcome.Allowed },
        { "validatorFR", "GET /en/conversations", Outcome.Allowed },
        { "admin", "GET /en/conversations", Outcome.Allowed },
        // The thread between A and B
        { "anonymous", "GET /en/conversations/details/{C}", Outcome.LoginRequired },
        { "officerA", "GET /en/conversations/details/{C}", Outcome.Allowed },
        { "officerB", "GET /en/conversations/details/{C}", Outcome.Allowed },
        { "validatorFR", "GET /en/conversations/details/{C}", Outcome.NotFound },
        { "admin", "GET /en/conversations/details/{C}", Outcome.NotFound },
        // Replying in it
        { "anonymous", "POST /en/conversations/reply", Outcome.LoginRequired },
        { "officerA", "POST /en/conversations/reply", Outcome.Allowed },
        { "officerB", "POST /en/conversations/reply", Outcome.Allowed },
        { "validatorFR", "POST /en/conversations/reply", Outcome.NotFound },
        { "admin", "POST /en/conversations/reply", Outcome.NotFound },
        // Reporting B's message (A may; outsiders do not see it)
        { "anonymous", "POST /en/conversations/report", Outcome.LoginRequired },
        { "validatorFR", "POST /en/conversations/report", Outcome.NotFound },
        { "admin", "POST /en/conversations/report", Outcome.NotFound },
        { "officerB", "POST /en/conversations/report", Outcome.Denied },
        // The answers to A's request
        { "anonymous", "GET /en/conversations/answers/{R}", Outcome.LoginRequired },
        { "officerA", "GET /en/conversations/answers/{R}", Outcome.Allowed },
        { "officerB", "GET /en/conversations/answers/{R}", Outcome.Denied },
        { "validatorFR", "GET /en/conversations/answers/{R}", Outcome.Denied },
        { "admin", "GET /en/conversations/answers/{R}", Outcome.Denied },
        // Handling an answer (a real decline or match would change the world for the other rows: refusals only)
        { "anonymous", "POST /en/conversations/shortlist", Outcome.LoginRequired },
        { "officerA", "POST /en/conversations/shortlist", Outcome.Allowed },
        { "officerB", "POST /en/conversations/shortlist", Outcome.Denied },
        { "validatorFR", "POST /en/conversations/shortlist", Outcome.Denied },
        { "admin", "POST /en/conversations/shortlist", Outcome.Denied },
        { "anonymous", "POST /en/conversations/decline", Outcome.LoginRequired },
        { "officerB", "POST /en/conversations/decline", Outcome.Denied },
        { "validatorFR", "POST /en/conversations/decline", Outcome.Denied },
        { "admin", "POST /en/conversations/decline", Outcome.Denied },
        { "anonymous", "POST /en/conversations/match", Outcome.LoginRequired },
        { "officerB", "POST /en/conversations/match", Outcome.Denied },
        { "validatorFR", "POST /en/conversations/match", Outcome.Denied },
        { "admin", "POST /en/conversations/match", Outcome.Denied },
        // Links waiting for confirmation; confirming the link A proposed to B (for B: refusals only)
        { "anonymous", "GET /en/conversations/links", Outcome.LoginRequired },
        { "officerB", "GET /en/conversations/links", Outcome.Allowed },
        { "validatorFR", "GET /en/conversations/links", Outcome.Allowed },
        { "anonymous", "POST /en/conversations/confirmlink", Outcome.LoginRequired },
        { "officerA", "POST /en/conversations/confirmlink", Outcome.Denied },
        { "validatorFR", "POST /en/conversations/confirmlink", Outcome.Denied },
        { "admin", "POST /en/conversations/confirmlink", Outcome.Denied },
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_gets_exactly_its_rights(string actor, string request, Outcome expected)
    {
        var client = await world.ClientAsync(actor);
        var (method, path) = (request.Split(' ')[0], request.Split(' ')[1]
            .Replace("{C}", world.Conversation.Text(), StringComparison.Ordinal)
            .Replace("{R}", world.Request.Text(), StringComparison.Ordinal));
        var before = await world.StateAsync();

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
                "/en/conversations/reply" => new Dictionary<string, string>
                {
                    ["Input.ConversationId"] = world.Conversation.Text(),
                    ["Input.OrganisationId"] = actor == "officerB" ? world.TownB.Text() : world.TownA.Text(),
                    ["Input.Body"] = $"Written by {actor}",
                },
                "/en/conversations/report" => new Dictionary<string, string> { ["MessageId"] = world.MessageOfB.Text(), ["Reason"] = $"Reported by {actor}" },
                "/en/conversations/shortlist" => new Dictionary<string, string> { ["ConversationId"] = world.Conversation.Text() },
                "/en/conversations/decline" => new Dictionary<string, string> { ["ConversationId"] = world.Conversation.Text(), ["Message"] = $"Declined by {actor}" },
                "/en/conversations/match" => new Dictionary<string, string>
                {
                    ["ConversationId"] = world.Conversation.Text(),
                    ["LinkType"] = "Twinning",
                    ["ConcurrencyStamp"] = await world.StampAsync(),
                },
                "/en/conversations/confirmlink" => new Dictionary<string, string>
                {
                    ["LinkId"] = world.Link.Text(),
                    ["OrganisationId"] = world.TownB.Text(),
                },
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
            HttpStatusCode.NotFound => Outcome.NotFound,
            HttpStatusCode.OK or HttpStatusCode.Redirect => Outcome.Allowed,
            _ => throw new InvalidOperationException($"{actor} {request}: unexpected {(int)response.StatusCode} {location}"),
        };
        Assert.Equal(expected, outcome);
        if (expected != Outcome.Allowed)
            Assert.Equal(before, await world.StateAsync());
    }

    /// <summary>
    /// Town A (DE) with its officer and a published request; town B (IE) with its officer, who answered it;
    /// a link A proposed to B; a French association's validator; an admin.
    /// </summary>
    public sealed class World : TwinningFactory, IAsyncLifetime
    {
        private readonly Dictionary<string, string?> _keys = [];
        private readonly Dictionary<string, HttpClient> _clients = [];

        public int TownA { get; private set; }
        public int TownB { get; private set; }
        public int Request { get; private set; }
        public int Conversation { get; private set; }
        public long MessageOfB { get; private set; }
        public int Link { get; private set; }

        public async Task InitializeAsync()
        {
            TownA = await CreateTownAsync("Town A", "DE");
            TownB = await CreateTownAsync("Town B", "IE");
            var officerA = await this.OfficerAsync(TownA, "a@town-a.example");
            var officerB = await this.OfficerAsync(TownB, "b@town-b.example");
            _keys["officerA"] = null;
            _keys["officerB"] = null;
            _keys["validatorFR"] = await CreateTwoFactorUserAsync("v@fr-association.example", Roles.Validator);
            _keys["admin"] = await CreateTwoFactorUserAsync("root@cemr.example", Roles.Admin);
            Request = await this.RequestAsync(TownA, officerA, "Partner wanted");
            Conversation = await this.AnswerAsync(Request, TownB, officerB, "We are interested.");
            (MessageOfB, Link) = await this.DbAsync(async db =>
            {
                var association = db.Associations.Add(new Association("Association des maires", ["FR"], DateTimeOffset.UtcNow)).Entity;
                var link = db.TwinningLinks.Add(TwinningLink.Propose(TownA, TownB, LinkType.Cooperation, DateTimeOffset.UtcNow)).Entity;
                await db.SaveChangesAsync();
                var validator = await db.Users.SingleAsync(u => u.Email == "v@fr-association.example");
                db.AssociationValidators.Add(new AssociationValidator(association.Id, validator.Id));
                await db.SaveChangesAsync();
                var message = await db.Messages.Where(m => m.ConversationId == Conversation).Select(m => m.Id).SingleAsync();
                return (message, link.Id);
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

        public Task<string> StampAsync() => this.DbAsync(async db =>
            (await db.Requests.AsNoTracking().SingleAsync(r => r.Id == Request)).ConcurrencyStamp.ToString());

        /// <summary>Everything a refused action must leave as it was: messages, reports, the answer's state, the request and the link.</summary>
        public Task<string> StateAsync() => this.DbAsync(async db =>
        {
            var messages = await db.Messages.CountAsync(m => m.ConversationId == Conversation);
            var reports = await db.Reports.CountAsync();
            var state = await db.Conversations.Where(c => c.Id == Conversation).Select(c => c.AnswerState).SingleAsync();
            var request = await db.Requests.Where(r => r.Id == Request).Select(r => r.Status).SingleAsync();
            var link = await db.TwinningLinks.Where(l => l.Id == Link).Select(l => l.Status).SingleAsync();
            return $"{messages} messages, {reports} reports, answer {state}, request {request}, link {link}";
        });

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }
}
