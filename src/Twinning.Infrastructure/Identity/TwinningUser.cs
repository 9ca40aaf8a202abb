using Microsoft.AspNetCore.Identity;

namespace Twinning.Infrastructure.Identity;

/// <summary>A person's account. Organisations they act for come with the directory.</summary>
public class TwinningUser : IdentityUser
{
    public const int DisplayNameMaxLength = 100;
    public const int CultureMaxLength = 8;

    [PersonalData]
    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The language e-mails and notifications are written in.</summary>
    [PersonalData]
    public string PreferredCulture { get; set; } = "en";

    [PersonalData]
    public DateTimeOffset CreatedAt { get; set; }
}
