namespace Twinning.Domain.Accounts;

/// <summary>The platform's roles. Officer is every registered account; the other two carry powers.</summary>
public static class Roles
{
    public const string Officer = "Officer";
    public const string Validator = "Validator";
    public const string Admin = "Admin";

    public static IReadOnlyList<string> All { get; } = [Officer, Validator, Admin];

    /// <summary>Roles whose powers may only be used once two-factor authentication is on.</summary>
    public static IReadOnlyList<string> Privileged { get; } = [Validator, Admin];
}
