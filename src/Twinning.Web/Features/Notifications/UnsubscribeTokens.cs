using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Twinning.Domain.Notifications;

namespace Twinning.Web.Features.Notifications;

/// <summary>Whose e-mails an unsubscribe link stops: one kind, or every kind (<see cref="Kind"/> null, from digests).</summary>
public sealed record UnsubscribeScope(string UserId, NotificationKind? Kind);

/// <summary>
/// The signed token of an unsubscribe link: a Data Protection payload (person and kind), so the link
/// works without logging in and cannot be forged or changed to another person or kind. It does not expire:
/// a link in an old e-mail still stops the e-mails.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    public const string Purpose = "Twinning.Unsubscribe.v1";
    private const string All = "all";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Create(string userId, NotificationKind? kind) =>
        _protector.Protect((kind?.ToString() ?? All) + "|" + userId);

    /// <summary>The scope the token was made for, or null when it is missing, damaged or forged.</summary>
    public UnsubscribeScope? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
            return null;
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }

        var separator = payload.IndexOf('|', StringComparison.Ordinal);
        if (separator <= 0 || separator == payload.Length - 1)
            return null;
        var (kind, userId) = (payload[..separator], payload[(separator + 1)..]);
        if (kind == All)
            return new UnsubscribeScope(userId, null);
        return Enum.TryParse<NotificationKind>(kind, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
            ? new UnsubscribeScope(userId, parsed)
            : null;
    }
}
