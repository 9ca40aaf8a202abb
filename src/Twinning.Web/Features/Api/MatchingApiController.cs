using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Twinning.Domain.Directory;
using Twinning.Infrastructure.Data;
using Twinning.Web.Features.Matching;
using Twinning.Web.Features.Verification;
using Twinning.Web.Security;

namespace Twinning.Web.Features.Api;

/// <summary>
/// Ranked partner suggestions as JSON, best first, each with its reasons worded in the caller's language
/// (Accept-Language, else English). Organisation suggestions use public directory data only and answer
/// anyone; a request's candidates are for its organisation's officers (and admins).
/// </summary>
[ApiController]
public sealed class MatchingApiController(Suggestions suggestions, TwinningDbContext db, Remit remit) : ControllerBase
{
    /// <summary>Organisations that could twin with this one, from its profile's facts; its existing partners are left out.</summary>
    /// <param name="id">The organisation's id.</param>
    /// <param name="top">How many, 1 to 200 (default 20).</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("api/v1/organisations/{id:int}/suggestions")]
    [AllowAnonymous]
    [ProducesResponseType<IReadOnlyList<SuggestionDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<IReadOnlyList<SuggestionDto>>> Suggestions(int id, [FromQuery] int top = Matching.Suggestions.DefaultTop,
        CancellationToken cancellationToken = default)
    {
        if (InvalidTop(top) is { } invalid)
            return invalid;
        if (suggestions.ForOrganisation(id) is not { } context)
            return NotFound();
        return Ok(Dtos(await suggestions.RankAsync(context, top, cancellationToken)));
    }

    /// <summary>The organisations that best fit a request's criteria (its wanted countries and sizes filter; themes, languages and distance rank).</summary>
    /// <param name="id">The request's id.</param>
    /// <param name="top">How many, 1 to 200 (default 20).</param>
    /// <param name="cancellationToken">Aborts the request.</param>
    [HttpGet("api/v1/requests/{id:int}/candidates")]
    [Authorize(Policy = Policies.SignedIn)]
    [ProducesResponseType<IReadOnlyList<SuggestionDto>>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    [ProducesResponseType(StatusCodes.Status401Unauthorized)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public async Task<ActionResult<IReadOnlyList<SuggestionDto>>> Candidates(int id, [FromQuery] int top = Matching.Suggestions.DefaultTop,
        CancellationToken cancellationToken = default)
    {
        if (InvalidTop(top) is { } invalid)
            return invalid;
        var request = await db.Requests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        // Another organisation's request answers as if it did not exist: its existence is not for outsiders to probe.
        if (request is null || (!Remit.IsAdmin(User) && !await remit.IsOfficerAsync(User, request.OrganisationId, cancellationToken)))
            return NotFound();
        if (suggestions.ForRequest(request) is not { } context)
            return NotFound();
        return Ok(Dtos(await suggestions.RankAsync(context, top, cancellationToken)));
    }

    private ActionResult? InvalidTop(int top)
    {
        if (top is >= 1 and <= Matching.Suggestions.MaxTop)
            return null;
        ModelState.AddModelError(nameof(top), $"top is between 1 and {Matching.Suggestions.MaxTop}.");
        return ValidationProblem(ModelState);
    }

    private static List<SuggestionDto> Dtos(IReadOnlyList<SuggestionView> items) =>
        items.Select(s => new SuggestionDto(s.Entry.Id, s.Entry.GeoNamesId, s.Entry.Name, s.Entry.CountryCode, s.Entry.Band, s.Score,
            s.Reasons.Select(r => new ReasonDto(JsonNamingPolicy.CamelCase.ConvertName(r.Code.ToString()), r.Text, r.Share)).ToList())).ToList();
}

/// <summary>One suggested partner: <c>score</c> orders the list; <c>reasons</c> say why, with their shares of the score (summing to at most 1).</summary>
public sealed record SuggestionDto(int Id, int? GeonamesId, string Name, string CountryCode, PopulationBand? Band, double Score, IReadOnlyList<ReasonDto> Reasons);

/// <summary>A reason: a stable <c>code</c> (sameBand... see docs/matching.md), its <c>text</c> in the caller's language, its <c>share</c> of the score.</summary>
public sealed record ReasonDto(string Code, string Text, double Share);
