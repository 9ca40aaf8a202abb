namespace Twinning.Web.Security;

/// <summary>Rate-limit policy names and their <c>RateLimiting</c> configuration.</summary>
public static class RateLimits
{
    /// <summary>Login, registration, password reset and two-factor codes: per client address.</summary>
    public const string Authentication = nameof(Authentication);

    /// <summary>Answers, contacts, replies and reports: per signed-in person (per client address when signed out).</summary>
    public const string Messaging = nameof(Messaging);
}

public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimiting:Authentication";

    public int PermitLimit { get; set; } = 10;

    public int WindowSeconds { get; set; } = 60;
}

public sealed class MessagingRateLimitOptions
{
    public const string SectionName = "RateLimiting:Messaging";

    public int PermitLimit { get; set; } = 20;

    public int WindowSeconds { get; set; } = 60;
}
