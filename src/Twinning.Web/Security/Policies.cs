namespace Twinning.Web.Security;

/// <summary>Authorization policy names. Every action names one of these or is [AllowAnonymous].</summary>
public static class Policies
{
    /// <summary>Any signed-in account.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>A validator of a national association, with two-factor authentication on.</summary>
    public const string Validator = nameof(Validator);

    /// <summary>A CEMR platform administrator, with two-factor authentication on.</summary>
    public const string Admin = nameof(Admin);
}

/// <summary>Claims the platform adds to the sign-in cookie.</summary>
public static class TwinningClaims
{
    /// <summary>"true" when the account has two-factor authentication enabled.</summary>
    public const string TwoFactorEnabled = "twinning:2fa";
}
