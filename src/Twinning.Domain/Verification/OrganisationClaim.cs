using Twinning.Domain.Directory;

namespace Twinning.Domain.Verification;

public enum ClaimStatus
{
    Pending = 0,
    Approved = 1,
    Rejected = 2,
}

/// <summary>
/// A person's statement that they act for an organisation: an existing one (a town from the directory)
/// or a new one they ask to add. A validator of the country's association, or a CEMR admin where no
/// association covers the country, approves or rejects it with a reason.
/// </summary>
public class OrganisationClaim
{
    public const int FunctionMaxLength = 200;
    public const int EvidenceMaxLength = 2000;
    public const int EmailMaxLength = 256;
    public const int ReasonMaxLength = 1000;

    protected OrganisationClaim()
    {
    }

    private OrganisationClaim(string userId, string countryCode, string function, string officialEmail, string evidence, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentException.ThrowIfNullOrWhiteSpace(function);
        UserId = userId;
        CountryCode = CountryCodes.Normalize(countryCode);
        Function = function.Trim();
        OfficialEmail = officialEmail.Trim();
        Evidence = evidence.Trim();
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    /// <summary>The existing organisation claimed; null when the claim asks to add a new one.</summary>
    public int? OrganisationId { get; private set; }

    public string? NewOrganisationName { get; private set; }

    public OrganisationKind? NewOrganisationKind { get; private set; }

    /// <summary>Decides which association's validators may decide.</summary>
    public string CountryCode { get; private set; } = string.Empty;

    public string Function { get; private set; } = string.Empty;

    public string OfficialEmail { get; private set; } = string.Empty;

    public string Evidence { get; private set; } = string.Empty;

    public ClaimStatus Status { get; private set; }

    public string? DecidedByUserId { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? Reason { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static OrganisationClaim ForExisting(string userId, int organisationId, string countryCode, string function, string officialEmail, string evidence, DateTimeOffset now) =>
        new(userId, countryCode, function, officialEmail, evidence, now) { OrganisationId = organisationId };

    public static OrganisationClaim ForNew(string userId, string name, OrganisationKind kind, string countryCode, string function, string officialEmail, string evidence, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (kind == OrganisationKind.Municipality)
            throw new ArgumentException("Municipalities are already in the directory; claim the existing one.", nameof(kind));
        return new OrganisationClaim(userId, countryCode, function, officialEmail, evidence, now) { NewOrganisationName = name.Trim(), NewOrganisationKind = kind };
    }

    public void Approve(string validatorUserId, DateTimeOffset now, string? note = null)
    {
        Decide(validatorUserId, now);
        Status = ClaimStatus.Approved;
        Reason = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }

    public void Reject(string validatorUserId, string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new ArgumentException("A rejection always says why.", nameof(reason));
        Decide(validatorUserId, now);
        Status = ClaimStatus.Rejected;
        Reason = reason.Trim();
    }

    /// <summary>Attaches the organisation created for an approved claim to add a new one.</summary>
    public void Created(int organisationId)
    {
        if (OrganisationId is not null)
            throw new InvalidOperationException("The claim already names its organisation.");
        OrganisationId = organisationId;
    }

    private void Decide(string validatorUserId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(validatorUserId);
        if (Status != ClaimStatus.Pending)
            throw new InvalidOperationException("This claim has already been decided.");
        if (validatorUserId == UserId)
            throw new InvalidOperationException("Nobody decides on their own claim.");
        DecidedByUserId = validatorUserId;
        DecidedAt = now;
    }
}

/// <summary>A person who may act for an organisation (its profile, and later its requests and messages).</summary>
public class OrganisationOfficer
{
    protected OrganisationOfficer()
    {
    }

    public OrganisationOfficer(int organisationId, string userId, string function, DateTimeOffset since)
    {
        OrganisationId = organisationId;
        UserId = userId;
        Function = function;
        Since = since;
    }

    public int OrganisationId { get; private set; }

    public string UserId { get; private set; } = string.Empty;

    public string Function { get; private set; } = string.Empty;

    public DateTimeOffset Since { get; private set; }
}

/// <summary>A national association of local governments (e.g. a CEMR member) and the countries it covers.</summary>
public class Association
{
    public const int NameMaxLength = 200;

    protected Association()
    {
    }

    public Association(string name, IEnumerable<string> countries, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        Cover(countries);
        CreatedAt = now;
    }

    public int Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public IReadOnlyList<string> Countries { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public void Cover(IEnumerable<string> countries)
    {
        var codes = countries.Select(CountryCodes.Normalize).Distinct().Order(StringComparer.Ordinal).ToArray();
        if (codes.Length == 0)
            throw new ArgumentException("An association covers at least one country.", nameof(countries));
        Countries = codes;
    }
}

public class AssociationValidator
{
    protected AssociationValidator()
    {
    }

    public AssociationValidator(int associationId, string userId)
    {
        AssociationId = associationId;
        UserId = userId;
    }

    public int AssociationId { get; private set; }

    public string UserId { get; private set; } = string.Empty;
}

/// <summary>One decision or change, kept for admins and the association concerned: who, what, when, why.</summary>
public class AuditEntry
{
    public const int ActionMaxLength = 64;
    public const int DetailsMaxLength = 2000;

    protected AuditEntry()
    {
    }

    public AuditEntry(DateTimeOffset at, string actorUserId, string action, string? countryCode, int? organisationId, string? details)
    {
        At = at;
        ActorUserId = actorUserId;
        Action = action;
        CountryCode = countryCode;
        OrganisationId = organisationId;
        Details = details is { Length: > DetailsMaxLength } ? details[..DetailsMaxLength] : details;
    }

    public long Id { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string ActorUserId { get; private set; } = string.Empty;

    public string Action { get; private set; } = string.Empty;

    public string? CountryCode { get; private set; }

    public int? OrganisationId { get; private set; }

    public string? Details { get; private set; }
}

/// <summary>Who decides claims for a country.</summary>
public static class VerificationRules
{
    /// <summary>
    /// A validator decides for the countries their associations cover; an admin decides everywhere
    /// (in practice where no association covers the country).
    /// </summary>
    public static bool MayDecide(string countryCode, bool isAdmin, IEnumerable<string> validatorCountries) =>
        isAdmin || validatorCountries.Contains(countryCode, StringComparer.Ordinal);
}
