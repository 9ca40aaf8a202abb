using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Notifications;
using Twinning.Domain.Requests;
using Twinning.Infrastructure.Data;

namespace Twinning.Web.Features.Notifications;

/// <summary>How a saved search is stored: the query as JSON (enums by name) and the search page's query string.</summary>
public static class SavedSearchQuery
{
    private static readonly JsonSerializerOptions Json = new() { Converters = { new JsonStringEnumConverter() } };

    public static string ToJson(RequestQuery query) => JsonSerializer.Serialize(query, Json);

    /// <summary>The stored query, or null when the JSON cannot be read (then the alert matches nothing).</summary>
    public static RequestQuery? FromJson(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<RequestQuery>(json, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The request search page's query string (without "?"), with the same field names as its form.</summary>
    public static string ToQueryString(RequestQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pairs = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrWhiteSpace(query.Text))
            pairs.Add(new("q", query.Text));
        pairs.AddRange(query.Purposes.Select(p => new KeyValuePair<string, string?>("purpose", p.ToString())));
        pairs.AddRange(query.Countries.Select(c => new KeyValuePair<string, string?>("country", c)));
        pairs.AddRange(query.Bands.Select(b => new KeyValuePair<string, string?>("band", b.ToString())));
        pairs.AddRange(query.Themes.Select(t => new KeyValuePair<string, string?>("theme", t.ToString(CultureInfo.InvariantCulture))));
        pairs.AddRange(query.Languages.Select(l => new KeyValuePair<string, string?>("language", l)));
        if (query.OpenOn is { } day)
            pairs.Add(new("openOn", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        return QueryString.Create(pairs).ToUriComponent().TrimStart('?');
    }
}

/// <summary>Tells people whose saved searches match a newly published request.</summary>
public sealed class SavedSearchAlerts(TwinningDbContext db, Notifier notifier, ILogger<SavedSearchAlerts> logger)
{
    public const string TextKey = "Notify.SavedSearch";

    /// <summary>
    /// Adds a SavedSearch notification for each person with a search the request matches (one per person,
    /// naming their first matching search), except the requesting organisation's own officers, and saves
    /// them (with anything else pending in the unit of work). Returns how many people were notified.
    /// </summary>
    public async Task<int> OnPublishedAsync(RequestListing request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Few people keep alerts: reading them all and matching in memory is simpler than translating queries to SQL.
        var searches = await db.SavedSearches.AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken);
        if (searches.Count == 0)
            return 0;
        var ownOfficers = (await notifier.OfficersOfAsync(request.OrganisationId, cancellationToken)).ToHashSet(StringComparer.Ordinal);

        var matching = new List<SavedSearch>();
        foreach (var search in searches.Where(s => !ownOfficers.Contains(s.UserId)))
        {
            var query = SavedSearchQuery.FromJson(search.QueryJson);
            if (query is null)
                logger.LogWarning("Saved search {SavedSearchId} has a query that cannot be read", search.Id);
            else if (query.Matches(request))
                matching.Add(search);
        }
        var firstPerPerson = matching.GroupBy(s => s.UserId, StringComparer.Ordinal).Select(g => g.First()).ToList();
        if (firstPerPerson.Count == 0)
            return 0;

        var userIds = firstPerPerson.Select(s => s.UserId).ToList();
        var cultures = await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.PreferredCulture })
            .ToDictionaryAsync(u => u.Id, u => u.PreferredCulture, cancellationToken);
        foreach (var search in firstPerPerson)
        {
            await notifier.AddAsync([search.UserId], NotificationKind.SavedSearch, TextKey,
                [search.Name, Title(request, cultures.GetValueOrDefault(search.UserId))], $"requests/details/{request.Id}", cancellationToken);
        }
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Request {RequestId} matched the saved searches of {People} people", request.Id, firstPerPerson.Count);
        return firstPerPerson.Count;
    }

    /// <summary>The title in the person's language when the request has one, else in English, else the first.</summary>
    private static string Title(RequestListing request, string? culture) =>
        (request.Texts.FirstOrDefault(t => t.Language == culture)
            ?? request.Texts.FirstOrDefault(t => t.Language == "en")
            ?? (request.Texts.Count > 0 ? request.Texts[0] : null))?.Title ?? string.Empty;
}
