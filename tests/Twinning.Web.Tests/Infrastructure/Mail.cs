using System.Text.RegularExpressions;
using MimeKit;

namespace Twinning.Web.Tests.Infrastructure;

public static partial class Mail
{
    /// <summary>The path and query of the first link in the plain-text body that contains <paramref name="fragment"/>.</summary>
    public static string LinkContaining(this MimeMessage message, string fragment)
    {
        var text = message.TextBody ?? throw new InvalidOperationException("The e-mail has no plain-text body.");
        var link = UrlPattern().Matches(text).Select(m => m.Value).FirstOrDefault(u => u.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No link with '{fragment}' in: {text}");
        return new Uri(link).PathAndQuery;
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex UrlPattern();
}
