using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Accounts;
using Twinning.Domain.Requests;
using Twinning.Domain.Verification;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Directory;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Requests;

/// <summary>
/// Verified towns A (DE) and B (FR) with an officer each, a German association's validator, a French
/// association's validator, and an admin: the people of the request lifecycle.
/// </summary>
public class RequestWorld : TwinningFactory, IAsyncLifetime
{
    private readonly Dictionary<string, string?> _keys = [];
    private readonly Dictionary<string, HttpClient> _clients = [];

    public const string OfficerA = "officer@town-a.example";
    public const string OfficerB = "officer@town-b.example";
    public const string ValidatorDe = "validator@staedtetag.example";
    public const string ValidatorFr = "validator@amf.example";
    public const string Admin = "admin@cemr.example";

    public int TownA { get; private set; }
    public int TownB { get; private set; }

    public virtual async Task InitializeAsync()
    {
        TownA = await CreateTownAsync("Neustadt an der Aisch", "DE");
        TownB = await CreateTownAsync("Saint-Amand", "FR", 60_000);
        var officerA = await CreateUserAsync(OfficerA);
        var officerB = await CreateUserAsync(OfficerB, "fr");
        _keys[ValidatorDe] = await CreateTwoFactorUserAsync(ValidatorDe, Roles.Validator);
        _keys[ValidatorFr] = await CreateTwoFactorUserAsync(ValidatorFr, Roles.Validator);
        _keys[Admin] = await CreateTwoFactorUserAsync(Admin, Roles.Admin);

        await WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            foreach (var town in await db.Organisations.Where(o => o.Id == TownA || o.Id == TownB).ToListAsync())
                town.MarkVerified(DateTimeOffset.UtcNow);
            db.Officers.Add(new OrganisationOfficer(TownA, officerA.Id, "Partnerschaftsbeauftragte", DateTimeOffset.UtcNow));
            db.Officers.Add(new OrganisationOfficer(TownB, officerB.Id, "Chargée des jumelages", DateTimeOffset.UtcNow));
            var german = db.Associations.Add(new Association("Deutscher Städtetag", ["DE"], DateTimeOffset.UtcNow)).Entity;
            var french = db.Associations.Add(new Association("AFCCRE", ["FR"], DateTimeOffset.UtcNow)).Entity;
            await db.SaveChangesAsync();
            db.AssociationValidators.Add(new AssociationValidator(german.Id, (await db.Users.SingleAsync(u => u.Email == ValidatorDe)).Id));
            db.AssociationValidators.Add(new AssociationValidator(french.Id, (await db.Users.SingleAsync(u => u.Email == ValidatorFr)).Id));
            return await db.SaveChangesAsync();
        });
        await Services.GetRequiredService<DirectoryIndexLoader>().ReloadAsync();
    }

    public async Task<HttpClient> ClientAsync(string email)
    {
        if (email == "anonymous")
            return CreateBrowserlikeClient();
        if (!_clients.TryGetValue(email, out var client))
        {
            client = await LoggedInClientAsync(email, _keys.GetValueOrDefault(email));
            _clients[email] = client;
        }
        return client;
    }

    /// <summary>A request of town A, created directly in the given state.</summary>
    public Task<int> CreateRequestAsync(string title, RequestStatus status = RequestStatus.Published, DateOnly? deadline = null, int? organisationId = null) =>
        WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            var owner = organisationId ?? TownA;
            var country = await db.Organisations.Where(o => o.Id == owner).Select(o => o.CountryCode).SingleAsync();
            var request = new PartnerRequest(owner, country, "seed", new RequestContent(RequestPurpose.JointActivity,
                [new RequestText("en", title, "A summer exchange for young musicians.")], [], [], [], ["en"], deadline, null), DateTimeOffset.UtcNow);
            if (status != RequestStatus.Draft)
                request.Submit(DateTimeOffset.UtcNow);
            if (status == RequestStatus.Published)
                request.Validate("seed-validator", DateTimeOffset.UtcNow);
            db.Requests.Add(request);
            await db.SaveChangesAsync();
            return request.Id;
        });

    public Task<PartnerRequest> RequestAsync(int id) => WithServiceAsync(sp =>
        sp.GetRequiredService<TwinningDbContext>().Requests.AsNoTracking().Include(r => r.Texts).SingleAsync(r => r.Id == id));

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
