namespace Twinning.Infrastructure.Email;

/// <summary>One e-mail to one person, already written in their language.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody);
