namespace Twinning.Web.Security;

/// <summary>Rate-limit policy names and their <c>RateLimiting</c> configuration.</summary>
public static class RateLimits
{
    /// <summary>Login, registration, password reset and two-factor codes: per client address.</summary>
    public const string Authentication = nameof(Authentication);
}

public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimiting:Authentication";

    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;
}
