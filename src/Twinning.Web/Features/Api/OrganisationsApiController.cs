using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Twinning.Domain.Directory;
using Twinning.Web.Features.Directory;

namespace Twinning.Web.Features.Api;

/// <summary>The public, read-only directory API (documented at /openapi/v1.json).</summary>
[ApiController]
[AllowAnonymous]
[Route("api/v1/organisations")]
public sealed class OrganisationsApiController(DirectoryIndex index) : ControllerBase
{
    /// <summary>Searches organisations by name (tolerant of case, diacritics and small typos), country and population band.</summary>
    [HttpGet]
    [ProducesResponseType<OrganisationList>(StatusCodes.Status200OK)]
    [ProducesResponseType<ValidationProblemDetails>(StatusCodes.Status400BadRequest)]
    public ActionResult<OrganisationList> Search(
        [FromQuery] string? q,
        [FromQuery] string[]? country,
        [FromQuery] PopulationBand[]? band,
        [FromQuery] int page = 1,
        [FromQuery] int pageSize = 20)
    {
        if (page < 1)
            ModelState.AddModelError(nameof(page), "page starts at 1.");
        if (pageSize is < 1 or > DirectoryQuery.MaxPageSize)
            ModelState.AddModelError(nameof(pageSize), $"pageSize is between 1 and {DirectoryQuery.MaxPageSize}.");
        if (!ModelState.IsValid)
            return ValidationProblem(ModelState);

        var result = index.Current.Search(new DirectoryQuery
        {
            Text = q,
            Countries = (country ?? []).Select(c => c.Trim().ToUpperInvariant()).ToHashSet(),
            Bands = (band ?? []).ToHashSet(),
            Page = page,
            PageSize = pageSize,
        });
        return new OrganisationList(result.Hits.Select(h => OrganisationDto.From(h.Entry)).ToList(), result.Total, result.Page, result.PageSize);
    }

    [HttpGet("{id:int}")]
    [ProducesResponseType<OrganisationDto>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public ActionResult<OrganisationDto> Get(int id) =>
        index.Current.Find(id) is { } entry ? OrganisationDto.From(entry) : NotFound();

    [HttpGet("by-geonames/{geonamesId:int}")]
    [ProducesResponseType<OrganisationDto>(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status404NotFound)]
    public ActionResult<OrganisationDto> GetByGeoNamesId(int geonamesId) =>
        index.Current.FindByGeoNamesId(geonamesId) is { } entry ? OrganisationDto.From(entry) : NotFound();
}

public sealed record OrganisationDto(
    int Id,
    int? GeonamesId,
    string Name,
    string CountryCode,
    OrganisationKind Kind,
    long? Population,
    PopulationBand? Band,
    double? Latitude,
    double? Longitude,
    bool Verified)
{
    public static OrganisationDto From(DirectoryEntry e) =>
        new(e.Id, e.GeoNamesId, e.Name, e.CountryCode, e.Kind, e.Population, e.Band, e.Latitude, e.Longitude, e.IsVerified);
}

public sealed record OrganisationList(IReadOnlyList<OrganisationDto> Items, int Total, int Page, int PageSize);
