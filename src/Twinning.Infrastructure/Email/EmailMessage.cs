namespace Twinning.Infrastructure.Email;

/// <summary>One e-mail to one person, already written in their language.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody)
{
    /// <summary>Where the recipient stops e-mails like this one: sent as the <c>List-Unsubscribe</c> header when set.</summary>
    public string? UnsubscribeUrl { get; init; }
}
