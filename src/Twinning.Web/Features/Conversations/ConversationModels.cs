using FluentValidation;
using Microsoft.Extensions.Localization;
using Twinning.Domain.Conversations;
using Twinning.Domain.Directory;
using Twinning.Domain.Moderation;
using Twinning.Domain.Requests;
using Twinning.Web.Resources;

namespace Twinning.Web.Features.Conversations;

public sealed class AnswerInput
{
    public int RequestId { get; set; }

    /// <summary>The answering organisation, which the person acts for.</summary>
    public int OrganisationId { get; set; }

    /// <summary>Line breaks as one character each, as the browser counted them against maxlength.</summary>
    public string Body { get; set => field = value.ReplaceLineEndings("\n"); } = string.Empty;
}

public sealed class ContactInput
{
    /// <summary>The organisation written to.</summary>
    public int ToOrganisationId { get; set; }

    /// <summary>The organisation writing, which the person acts for.</summary>
    public int OrganisationId { get; set; }

    /// <summary>Line breaks as one character each, as the browser counted them against maxlength.</summary>
    public string Body { get; set => field = value.ReplaceLineEndings("\n"); } = string.Empty;
}

public sealed class ReplyInput
{
    public int ConversationId { get; set; }

    /// <summary>The side the person writes for; only looked at when they act for both organisations.</summary>
    public int? OrganisationId { get; set; }

    /// <summary>Line breaks as one character each, as the browser counted them against maxlength.</summary>
    public string Body { get; set => field = value.ReplaceLineEndings("\n"); } = string.Empty;
}

public sealed class ReportInput
{
    public long MessageId { get; set; }

    public string Reason { get; set; } = string.Empty;
}

public sealed class AnswerDecisionInput
{
    public int ConversationId { get; set; }
}

public sealed class DeclineInput
{
    public int ConversationId { get; set; }

    /// <summary>A courtesy message posted into the conversation; none when left empty.</summary>
    public string? Message { get; set => field = value?.ReplaceLineEndings("\n"); }
}

public sealed class MatchInput
{
    public int ConversationId { get; set; }

    public LinkType LinkType { get; set; } = LinkType.Twinning;

    /// <summary>The request's version when the owner opened the list of answers.</summary>
    public Guid ConcurrencyStamp { get; set; }
}

public sealed class ConfirmLinkInput
{
    public int LinkId { get; set; }

    public int OrganisationId { get; set; }
}

internal static class MessageRules
{
    public static void Body<T>(AbstractValidator<T> validator, IStringLocalizer<ValidationResource> v, System.Linq.Expressions.Expression<Func<T, string>> body) =>
        validator.RuleFor(body).NotEmpty().WithMessage(v["Message.Body.Required"])
            .MaximumLength(Message.BodyMaxLength).WithMessage(v["Message.Body.TooLong", Message.BodyMaxLength]);
}

internal sealed class AnswerInputValidator : AbstractValidator<AnswerInput>
{
    public AnswerInputValidator(IStringLocalizer<ValidationResource> v)
    {
        RuleFor(x => x.OrganisationId).GreaterThan(0).WithMessage(v["Message.Organisation.Required"]);
        MessageRules.Body(this, v, x => x.Body);
    }
}

internal sealed class ContactInputValidator : AbstractValidator<ContactInput>
{
    public ContactInputValidator(IStringLocalizer<ValidationResource> v)
    {
        RuleFor(x => x.OrganisationId).GreaterThan(0).WithMessage(v["Message.Organisation.Required"]);
        MessageRules.Body(this, v, x => x.Body);
    }
}

internal sealed class ReplyInputValidator : AbstractValidator<ReplyInput>
{
    public ReplyInputValidator(IStringLocalizer<ValidationResource> v) => MessageRules.Body(this, v, x => x.Body);
}

internal sealed class ReportInputValidator : AbstractValidator<ReportInput>
{
    public ReportInputValidator(IStringLocalizer<ValidationResource> v) =>
        RuleFor(x => x.Reason).NotEmpty().WithMessage(v["Report.Reason.Required"])
            .MaximumLength(ContentReport.ReasonMaxLength).WithMessage(v["Report.Reason.TooLong", ContentReport.ReasonMaxLength]);
}

internal sealed class DeclineInputValidator : AbstractValidator<DeclineInput>
{
    public DeclineInputValidator(IStringLocalizer<ValidationResource> v) =>
        RuleFor(x => x.Message).MaximumLength(Message.BodyMaxLength).WithMessage(v["Message.Body.TooLong", Message.BodyMaxLength]);
}

internal sealed class MatchInputValidator : AbstractValidator<MatchInput>
{
    public MatchInputValidator(IStringLocalizer<ValidationResource> v) =>
        RuleFor(x => x.LinkType).IsInEnum().WithMessage(v["Match.LinkType.Invalid"]);
}

public sealed record OrganisationOption(int Id, string Name);

/// <summary>A request as its answer form shows it: the title in the reader's language where written.</summary>
public sealed record RequestSummary(int Id, string Title, string TitleLanguage, int OrganisationId, string OrganisationName);

/// <summary>
/// The answer form. <paramref name="Organisations"/> are those the person may answer for (not the
/// request's own); empty with <paramref name="IsOfficer"/> false when they act for no organisation yet.
/// </summary>
public sealed record AnswerPageModel(RequestSummary Request, IReadOnlyList<OrganisationOption> Organisations, bool IsOfficer, AnswerInput Input);

public sealed record ContactPageModel(int ToOrganisationId, string ToOrganisationName, IReadOnlyList<OrganisationOption> Organisations, bool IsOfficer, ContactInput Input);

public sealed record InboxRow(int Id, string OtherOrganisationName, string? RequestTitle, string? RequestTitleLanguage, DateTimeOffset LastMessageAt, bool Unread, AnswerState? AnswerState);

public sealed record InboxModel(IReadOnlyList<InboxRow> Conversations, bool IsOfficer);

public sealed record MessageView(long Id, string OrganisationName, string SenderName, DateTimeOffset SentAt, string? Body, bool FromOtherSide);

/// <summary>
/// One conversation. <paramref name="MySide"/> is the organisation the reader writes for; null for an
/// admin reading a reported conversation (who reads, but neither writes nor is counted as a reader).
/// </summary>
public sealed record ThreadModel(
    int Id,
    string OtherOrganisationName,
    int OtherOrganisationId,
    int? RequestId,
    string? RequestTitle,
    string? RequestTitleLanguage,
    AnswerState? AnswerState,
    IReadOnlyList<MessageView> Messages,
    int? MySide,
    bool IsRequestOwner,
    ReplyInput Input);

public sealed record AnswerRow(int ConversationId, int OrganisationId, string OrganisationName, AnswerState State, string Excerpt, DateTimeOffset LastMessageAt);

public sealed record AnswersModel(int RequestId, string Title, string TitleLanguage, RequestStatus Status, Guid ConcurrencyStamp, IReadOnlyList<AnswerRow> Answers);

public sealed record LinkRow(int Id, int MyOrganisationId, string MyOrganisationName, int PartnerId, string PartnerName, LinkType Type);

public sealed record LinksModel(IReadOnlyList<LinkRow> AwaitingMe, IReadOnlyList<LinkRow> AwaitingPartner);
