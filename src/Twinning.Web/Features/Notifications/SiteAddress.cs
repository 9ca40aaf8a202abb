using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Twinning.Web.Features.Notifications;

/// <summary>
/// Absolute links for e-mails written outside a web request (the mailer): <c>Site:PublicUrl</c> when set,
/// else the first address the server listens on, else http://localhost.
/// </summary>
public sealed class SiteAddress(IConfiguration configuration, IServer server)
{
    public string BaseUrl()
    {
        var configured = configuration["Site:PublicUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
            return configured.Trim().TrimEnd('/');
        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return string.IsNullOrWhiteSpace(listening) ? "http://localhost" : Reachable(listening).TrimEnd('/');
    }

    /// <summary>A page of the platform in a language: <c>Page("de", "requests/details/12")</c>.</summary>
    public string Page(string culture, string path) => $"{BaseUrl()}/{culture}/{path.TrimStart('/')}";

    /// <summary>"http://+:8080" and the like name every interface; a link needs a host.</summary>
    private static string Reachable(string address)
    {
        foreach (var wildcard in new[] { "://+", "://*", "://0.0.0.0", "://[::]" })
        {
            if (address.Contains(wildcard, StringComparison.Ordinal))
                return address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }
        return address;
    }
}
