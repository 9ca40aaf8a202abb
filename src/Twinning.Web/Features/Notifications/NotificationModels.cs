using FluentValidation;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Notifications;
using Twinning.Web.Features.Requests;
using Twinning.Web.Resources;

namespace Twinning.Web.Features.Notifications;

/// <summary>One notification as the centre shows it: its text already in the reader's language.</summary>
public sealed record NotificationRow(long Id, NotificationKind Kind, string Text, string Link, DateTimeOffset CreatedAt, bool IsRead);

public sealed record NotificationCentreModel(IReadOnlyList<NotificationRow> Items, int Unread, int Total, int Page, int PageCount);

public sealed class PreferencesInput
{
    /// <summary>Posted as <c>Delivery[ClaimDecision]=Daily</c>, one radio group per kind.</summary>
    public Dictionary<NotificationKind, Delivery> Delivery { get; set; } = [];
}

public sealed record PreferencesModel(IReadOnlyDictionary<NotificationKind, Delivery> Current);

/// <summary>A request search to keep as an alert: its name and the search form's filters.</summary>
/// <summary>"Save this search as an alert": the request search's filters and a name.</summary>
public sealed class SaveSearchInput : RequestFilter
{
    public string Name { get; set; } = string.Empty;
}

public sealed record SavedSearchRow(int Id, string Name, string QueryString, DateTimeOffset CreatedAt);

public sealed record SavedSearchesModel(IReadOnlyList<SavedSearchRow> Searches, int Limit);

/// <summary>The unsubscribe page: what the link turns off (one kind, or all when <see cref="Kind"/> is null).</summary>
public sealed record UnsubscribeModel(string Token, NotificationKind? Kind);

internal sealed class PreferencesInputValidator : AbstractValidator<PreferencesInput>
{
    public PreferencesInputValidator(IStringLocalizer<ValidationResource> v)
    {
        RuleForEach(x => x.Delivery).Must(pair => Enum.IsDefined(pair.Key) && Enum.IsDefined(pair.Value))
            .WithMessage(v["Notifications.Delivery.Invalid"]);
    }
}

internal sealed class SaveSearchInputValidator : AbstractValidator<SaveSearchInput>
{
    public const int TextMaxLength = 200;

    public SaveSearchInputValidator(IStringLocalizer<ValidationResource> v)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(v["SavedSearch.Name.Required"])
            .MaximumLength(SavedSearch.NameMaxLength).WithMessage(v["SavedSearch.Name.TooLong", SavedSearch.NameMaxLength]);
        RuleFor(x => x.Q).MaximumLength(TextMaxLength).WithMessage(v["SavedSearch.Text.TooLong", TextMaxLength]);
        RuleForEach(x => x.Purpose).IsInEnum().WithMessage(v["SavedSearch.Filter.Invalid"]);
        RuleForEach(x => x.Band).IsInEnum().WithMessage(v["SavedSearch.Filter.Invalid"]);
        RuleForEach(x => x.Country).Matches("^[A-Za-z]{2}$").WithMessage(v["SavedSearch.Filter.Invalid"]);
        RuleForEach(x => x.Language).Matches("^[A-Za-z]{2,3}$").WithMessage(v["SavedSearch.Filter.Invalid"]);
        RuleFor(x => x).Must(x => SavedSearchQuery.ToJson(x.ToQuery()).Length <= SavedSearch.QueryMaxLength
                && SavedSearchQuery.ToQueryString(x.ToQuery()).Length <= SavedSearch.QueryMaxLength)
            .WithMessage(v["SavedSearch.TooLong"]);
    }
}
