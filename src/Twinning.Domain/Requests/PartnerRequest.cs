using Twinning.Domain.Directory;
using Twinning.Domain.Matching;

namespace Twinning.Domain.Requests;

/// <summary>What an organisation looks for a partner for.</summary>
public enum RequestPurpose
{
    NewTwinning = 0,
    JointActivity = 1,
    JointProject = 2,
    ExperienceExchange = 3,
}

/// <summary>
/// Where a request is in its life: draft → submitted → published (the validator's approval publishes it)
/// or rejected with a reason → matched, closed by its owner, or expired at its deadline.
/// </summary>
public enum RequestStatus
{
    Draft = 0,
    Submitted = 1,
    Rejected = 2,
    Published = 3,
    Matched = 4,
    Closed = 5,
    Expired = 6,
}

/// <summary>The title and description of a request in one language.</summary>
public class RequestText
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    protected RequestText()
    {
    }

    public RequestText(string language, string title, string description)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(language);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        Language = language.Trim().ToLowerInvariant();
        Title = title.Trim();
        Description = description.Trim();
    }

    public int Id { get; private set; }

    public int RequestId { get; private set; }

    public string Language { get; private set; } = string.Empty;

    public string Title { get; private set; } = string.Empty;

    public string Description { get; private set; } = string.Empty;
}

/// <summary>Everything an owner writes in a request, replaced as one when they edit it.</summary>
public sealed record RequestContent(
    RequestPurpose Purpose,
    IReadOnlyList<RequestText> Texts,
    IReadOnlyList<string> WantedCountries,
    IReadOnlyList<PopulationBand> WantedBands,
    IReadOnlyList<int> Themes,
    IReadOnlyList<string> WorkingLanguages,
    DateOnly? Deadline,
    string? FundingCall,
    DistancePreference Distance = DistancePreference.Any);

/// <summary>
/// "We look for a partner like this": an organisation's published wish, validated by the association
/// of its country (an admin where none covers it) before anybody else sees it.
/// </summary>
public class PartnerRequest
{
    public const int FundingCallMaxLength = 300;
    public const int ReasonMaxLength = 1000;

    private readonly List<RequestText> _texts = [];

    protected PartnerRequest()
    {
    }

    public PartnerRequest(int organisationId, string countryCode, string createdByUserId, RequestContent content, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(createdByUserId);
        OrganisationId = organisationId;
        CountryCode = CountryCodes.Normalize(countryCode);
        CreatedByUserId = createdByUserId;
        CreatedAt = now;
        Apply(content);
        Touch(now);
    }

    public int Id { get; private set; }

    public int OrganisationId { get; private set; }

    /// <summary>The requesting organisation's country: decides which association validates.</summary>
    public string CountryCode { get; private set; } = string.Empty;

    public string CreatedByUserId { get; private set; } = string.Empty;

    public RequestPurpose Purpose { get; private set; }

    public RequestStatus Status { get; private set; }

    public IReadOnlyCollection<RequestText> Texts => _texts;

    /// <summary>Empty: any country.</summary>
    public IReadOnlyList<string> WantedCountries { get; private set; } = [];

    /// <summary>Empty: any size.</summary>
    public IReadOnlyList<PopulationBand> WantedBands { get; private set; } = [];

    public IReadOnlyList<int> Themes { get; private set; } = [];

    public IReadOnlyList<string> WorkingLanguages { get; private set; } = [];

    public DateOnly? Deadline { get; private set; }

    /// <summary>Whether the partner should be close by, far away, or either (ranks candidates, filters nothing).</summary>
    public DistancePreference Distance { get; private set; }

    public string? FundingCall { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SubmittedAt { get; private set; }

    public string? DecidedByUserId { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    /// <summary>Why the validator rejected it; shown to its officers.</summary>
    public string? RejectionReason { get; private set; }

    public DateTimeOffset? PublishedAt { get; private set; }

    /// <summary>When it left the published list: matched, closed or expired.</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    public int? MatchedOrganisationId { get; private set; }

    /// <summary>Set by a moderator: the request is hidden from everyone but its officers and admins.</summary>
    public string? HiddenReason { get; private set; }

    public DateTimeOffset? HiddenAt { get; private set; }

    public bool IsHidden => HiddenReason is not null;

    /// <summary>Changes on every save; two officers editing at once cannot overwrite each other silently.</summary>
    public Guid ConcurrencyStamp { get; private set; }

    /// <summary>Published and not hidden: what everyone may read and answer.</summary>
    public bool IsOpen => Status == RequestStatus.Published && !IsHidden;

    public bool IsEditable => Status is RequestStatus.Draft or RequestStatus.Submitted or RequestStatus.Rejected or RequestStatus.Published;

    /// <summary>
    /// Replaces the content. A published request whose substance changes (purpose, any title or
    /// description, funding call) goes back to validation; criteria and deadline only change who finds
    /// it, so they apply at once. Returns whether it went back to validation.
    /// </summary>
    public bool Edit(RequestContent content, DateTimeOffset now)
    {
        if (!IsEditable)
            throw new InvalidOperationException($"A {Status} request cannot be edited.");
        var substantive = ChangesSubstance(content);
        Apply(content);
        Touch(now);
        if (Status == RequestStatus.Published && substantive)
        {
            Status = RequestStatus.Submitted;
            SubmittedAt = now;
            PublishedAt = null;
            return true;
        }
        return false;
    }

    public bool ChangesSubstance(RequestContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Purpose != Purpose || Normalize(content.FundingCall) != FundingCall)
            return true;
        var before = _texts.OrderBy(t => t.Language, StringComparer.Ordinal).Select(t => (t.Language, t.Title, t.Description));
        var after = content.Texts.OrderBy(t => t.Language, StringComparer.Ordinal).Select(t => (t.Language, t.Title, t.Description));
        return !before.SequenceEqual(after);
    }

    public void Submit(DateTimeOffset now)
    {
        if (Status is not (RequestStatus.Draft or RequestStatus.Rejected))
            throw new InvalidOperationException($"A {Status} request cannot be submitted.");
        Status = RequestStatus.Submitted;
        SubmittedAt = now;
        RejectionReason = null;
        Touch(now);
    }

    /// <summary>The validator's approval publishes the request.</summary>
    public void Validate(string validatorUserId, DateTimeOffset now)
    {
        Decide(validatorUserId, now);
        Status = RequestStatus.Published;
        PublishedAt = now;
        RejectionReason = null;
    }

    public void Reject(string validatorUserId, string reason, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new ArgumentException("A rejection always says why.", nameof(reason));
        Decide(validatorUserId, now);
        Status = RequestStatus.Rejected;
        RejectionReason = reason.Trim();
    }

    public void Close(DateTimeOffset now)
    {
        if (Status is RequestStatus.Matched or RequestStatus.Closed or RequestStatus.Expired)
            throw new InvalidOperationException($"A {Status} request is already ended.");
        Status = RequestStatus.Closed;
        EndedAt = now;
        Touch(now);
    }

    public void MarkMatched(int partnerOrganisationId, DateTimeOffset now)
    {
        if (Status != RequestStatus.Published)
            throw new InvalidOperationException("Only a published request can be matched.");
        if (partnerOrganisationId == OrganisationId)
            throw new ArgumentException("An organisation cannot be its own partner.", nameof(partnerOrganisationId));
        Status = RequestStatus.Matched;
        MatchedOrganisationId = partnerOrganisationId;
        EndedAt = now;
        Touch(now);
    }

    /// <summary>A published request whose deadline has passed (the day after the deadline, in UTC).</summary>
    public bool IsDueToExpire(DateOnly today) => Status == RequestStatus.Published && Deadline is { } deadline && deadline < today;

    public void Expire(DateTimeOffset now)
    {
        if (!IsDueToExpire(DateOnly.FromDateTime(now.UtcDateTime)))
            throw new InvalidOperationException("Only a published request past its deadline expires.");
        Status = RequestStatus.Expired;
        EndedAt = now;
        Touch(now);
    }

    public void Hide(string reason, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        HiddenReason = reason.Trim();
        HiddenAt = now;
        Touch(now);
    }

    public void Restore(DateTimeOffset now)
    {
        HiddenReason = null;
        HiddenAt = null;
        Touch(now);
    }

    /// <summary>The text in the reader's language, else English, else the first written.</summary>
    public RequestText TextFor(string language) =>
        _texts.FirstOrDefault(t => t.Language == language)
        ?? _texts.FirstOrDefault(t => t.Language == "en")
        ?? _texts.OrderBy(t => t.Id).First();

    private void Decide(string validatorUserId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(validatorUserId);
        if (Status != RequestStatus.Submitted)
            throw new InvalidOperationException("Only a submitted request is decided.");
        DecidedByUserId = validatorUserId;
        DecidedAt = now;
        Touch(now);
    }

    private void Apply(RequestContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Texts.Count == 0)
            throw new ArgumentException("A request has a title and description in at least one language.", nameof(content));
        if (content.Texts.Select(t => t.Language).Distinct(StringComparer.Ordinal).Count() != content.Texts.Count)
            throw new ArgumentException("One text per language.", nameof(content));
        Purpose = content.Purpose;
        foreach (var text in content.Texts)
        {
            var existing = _texts.FirstOrDefault(t => t.Language == text.Language);
            if (existing is null || existing.Title != text.Title || existing.Description != text.Description)
            {
                if (existing is not null)
                    _texts.Remove(existing);
                _texts.Add(new RequestText(text.Language, text.Title, text.Description));
            }
        }
        _texts.RemoveAll(t => content.Texts.All(c => c.Language != t.Language));
        WantedCountries = content.WantedCountries.Select(CountryCodes.Normalize).Distinct().Order(StringComparer.Ordinal).ToArray();
        WantedBands = content.WantedBands.Distinct().Order().ToArray();
        Themes = content.Themes.Distinct().Order().ToArray();
        WorkingLanguages = content.WorkingLanguages.Select(l => l.Trim().ToLowerInvariant()).Where(l => l.Length > 0).Distinct().Order(StringComparer.Ordinal).ToArray();
        Deadline = content.Deadline;
        Distance = content.Distance;
        FundingCall = Normalize(content.FundingCall);
    }

    private static string? Normalize(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        ConcurrencyStamp = Guid.NewGuid();
    }
}
