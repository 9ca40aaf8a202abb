namespace Twinning.Domain.Accounts;

/// <summary>
/// Length over composition (NIST SP 800-63B): at least 12 characters, no required character classes.
/// </summary>
public static class PasswordRules
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;
    public const int MaxFailedAttempts = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);
}
