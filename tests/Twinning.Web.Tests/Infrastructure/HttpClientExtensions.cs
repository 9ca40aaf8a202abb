using System.Net;
using System.Text.RegularExpressions;

namespace Twinning.Web.Tests.Infrastructure;

/// <summary>Form posting the way a browser does it: read the page, take its anti-forgery token, post.</summary>
public static partial class HttpClientExtensions
{
    public static async Task<string> GetPageAsync(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"GET {url} answered {(int)response.StatusCode}, expected {(int)expected}.\n{body}");
        return body;
    }

    /// <summary>GETs <paramref name="formPage"/>, then posts the fields with its token to <paramref name="action"/> (default: the same URL).</summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(
        this HttpClient client, string formPage, IDictionary<string, string> fields, string? action = null)
    {
        var page = await client.GetPageAsync(formPage);
        var token = AntiforgeryToken(page);
        var content = new FormUrlEncodedContent(fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token)));
        return await client.PostAsync(action ?? formPage, content);
    }

    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no anti-forgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static string Location(this HttpResponseMessage response) =>
        response.Headers.Location?.OriginalString ?? throw new InvalidOperationException($"No redirect: {(int)response.StatusCode}");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
