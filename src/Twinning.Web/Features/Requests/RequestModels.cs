using System.Globalization;
using FluentValidation;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Directory;
using Twinning.Domain.Localization;
using Twinning.Domain.Matching;
using Twinning.Domain.Requests;
using Twinning.Web.Features.Directory;
using Twinning.Web.Resources;

namespace Twinning.Web.Features.Requests;

/// <summary>The request search's filters, bound from the query string so that every search has an address (and can be saved as an alert).</summary>
public class RequestFilter
{
    public string? Q { get; set; }
    public List<RequestPurpose> Purpose { get; set; } = [];
    public List<string> Country { get; set; } = [];
    public List<PopulationBand> Band { get; set; } = [];
    public List<int> Theme { get; set; } = [];
    public List<string> Language { get; set; } = [];

    /// <summary>Only requests still open on this day (no deadline, or a deadline on or after it).</summary>
    public DateOnly? OpenOn { get; set; }

    public int Page { get; set; } = 1;

    public RequestQuery ToQuery() => new()
    {
        Text = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim(),
        Purposes = Purpose.Distinct().ToArray(),
        Countries = Country.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim().ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToArray(),
        Bands = Band.Distinct().ToArray(),
        Themes = Theme.Distinct().ToArray(),
        Languages = Language.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray(),
        OpenOn = OpenOn,
    };

    /// <summary>The filter as a query string (the same one saved searches link to), with the page when past the first.</summary>
    public string QueryString(int? page = null)
    {
        var query = Notifications.SavedSearchQuery.ToQueryString(ToQuery());
        return page is > 1 ? string.Join('&', new[] { query, "page=" + page.Value.ToString(CultureInfo.InvariantCulture) }.Where(p => p.Length > 0)) : query;
    }
}

public sealed record RequestSearchModel(
    RequestFilter Filter,
    RequestPage Results,
    IReadOnlyList<CountryOption> Countries,
    IReadOnlyList<ThemeOption> Themes,
    IReadOnlyDictionary<int, string> ThemeNames);

public sealed class RequestTextInput
{
    public string Language { get; set; } = string.Empty;
    public string? Title { get; set; }
    public string? Description { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(Description);
}

/// <summary>The create/edit form of a request.</summary>
public sealed class RequestInput
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public Guid ConcurrencyStamp { get; set; }
    public RequestPurpose? Purpose { get; set; }
    public List<RequestTextInput> Texts { get; set; } = [];
    public List<string> WantedCountries { get; set; } = [];
    public List<PopulationBand> WantedBands { get; set; } = [];
    public List<int> Themes { get; set; } = [];
    public List<string> WorkingLanguages { get; set; } = [];
    public DateOnly? Deadline { get; set; }
    public string? FundingCall { get; set; }
    public DistancePreference Distance { get; set; }

    /// <summary>Which button was pressed: save as a draft, or submit for validation.</summary>
    public bool Submit { get; set; }

    public RequestContent ToContent() => new(
        Purpose ?? RequestPurpose.NewTwinning,
        Texts.Where(t => !t.IsEmpty).Select(t => new RequestText(t.Language, t.Title!, t.Description!)).ToList(),
        WantedCountries,
        WantedBands,
        Themes,
        WorkingLanguages,
        Deadline,
        FundingCall,
        Distance);
}

internal sealed class RequestInputValidator : AbstractValidator<RequestInput>
{
    public RequestInputValidator(IStringLocalizer<ValidationResource> v, TimeProvider clock)
    {
        RuleFor(x => x.Purpose).NotNull().WithMessage(v["Request.Purpose.Required"]).IsInEnum().WithMessage(v["Request.Purpose.Required"]);
        RuleFor(x => x.Texts).Must(texts => texts.Any(t => !t.IsEmpty)).WithMessage(v["Request.Texts.Required"]);
        RuleForEach(x => x.Texts).ChildRules(text =>
        {
            text.RuleFor(t => t.Language).Must(SupportedCultures.IsSupported).WithMessage(v["Culture.Unsupported"]);
            text.When(t => !t.IsEmpty, () =>
            {
                text.RuleFor(t => t.Title).NotEmpty().WithMessage(t => v["Request.Title.Required", Native(t.Language)])
                    .MaximumLength(RequestText.TitleMaxLength).WithMessage(t => v["Request.Title.TooLong", Native(t.Language), RequestText.TitleMaxLength]);
                text.RuleFor(t => t.Description).NotEmpty().WithMessage(t => v["Request.Description.Required", Native(t.Language)])
                    .MaximumLength(RequestText.DescriptionMaxLength).WithMessage(t => v["Request.Description.TooLong", Native(t.Language), RequestText.DescriptionMaxLength]);
            });
        });
        RuleFor(x => x.Texts).Must(texts => texts.Where(t => !t.IsEmpty).Select(t => t.Language).Distinct(StringComparer.OrdinalIgnoreCase).Count() == texts.Count(t => !t.IsEmpty))
            .WithMessage(v["Request.Texts.OnePerLanguage"]);
        RuleForEach(x => x.WantedCountries).Must(c => DirectoryController.PlatformCountries.Contains(c.Trim().ToUpperInvariant(), StringComparer.Ordinal))
            .WithMessage(v["Request.Country.Unknown"]);
        RuleForEach(x => x.WantedBands).IsInEnum().WithMessage(v["Request.Band.Unknown"]);
        RuleFor(x => x.Distance).IsInEnum().WithMessage(v["Request.Distance.Unknown"]);
        RuleForEach(x => x.WorkingLanguages).Must(SupportedCultures.IsSupported).WithMessage(v["Culture.Unsupported"]);
        RuleFor(x => x.Deadline).Must(d => d is null || d >= DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .WithMessage(v["Request.Deadline.Past"]);
        RuleFor(x => x.FundingCall).MaximumLength(PartnerRequest.FundingCallMaxLength).WithMessage(v["Request.FundingCall.TooLong", PartnerRequest.FundingCallMaxLength]);
    }

    private static string Native(string language) =>
        SupportedCultures.All.FirstOrDefault(c => c.Code == language)?.NativeName ?? language;
}

public sealed class RequestDecisionInput
{
    public int Id { get; set; }
    public string? Reason { get; set; }
}

internal sealed class RequestDecisionInputValidator : AbstractValidator<RequestDecisionInput>
{
    public RequestDecisionInputValidator(IStringLocalizer<ValidationResource> v) =>
        RuleFor(x => x.Reason).MaximumLength(PartnerRequest.ReasonMaxLength).WithMessage(v["Decision.Reason.TooLong", PartnerRequest.ReasonMaxLength]);
}

public sealed record OrganisationChoice(int Id, string Name, bool IsVerified);

public sealed record RequestFormModel(
    string OrganisationName,
    RequestStatus? Status,
    RequestInput Input,
    IReadOnlyList<CountryOption> Countries,
    IReadOnlyList<ThemeOption> Themes);

/// <summary>A request as its page shows it.</summary>
public sealed record RequestDetailsModel(
    PartnerRequest Request,
    RequestText Text,
    IReadOnlyList<RequestText> OtherTexts,
    DirectoryEntry Organisation,
    string CountryName,
    IReadOnlyList<string> WantedCountryNames,
    IReadOnlyList<string> ThemeNames,
    IReadOnlyList<(DirectoryEntry Organisation, IReadOnlyList<FitCheck> Checks)> ReaderFits,
    bool IsOwner,
    bool MayDecide,
    bool IsAdmin,
    bool IsSignedIn,
    int AnswerCount)
{
    /// <summary>For its officers: the best candidates from the matching index.</summary>
    public IReadOnlyList<Matching.SuggestionView> Candidates { get; init; } = [];

    /// <summary>Open requests that fit this one both ways, best first.</summary>
    public IReadOnlyList<(RequestListing Request, double Score)> FittingRequests { get; init; } = [];
}

public sealed record RequestRow(int Id, string Title, string OrganisationName, RequestStatus Status, RequestPurpose Purpose, DateOnly? Deadline, string? RejectionReason, bool IsHidden, int Answers);

public sealed record MyRequestsModel(IReadOnlyList<OrganisationChoice> Organisations, IReadOnlyList<RequestRow> Requests);

public sealed record ReviewRow(int Id, string Title, string Description, string Language, string OrganisationName, string CountryName, RequestPurpose Purpose, DateTimeOffset SubmittedAt);
