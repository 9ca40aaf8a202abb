using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Twinning.Domain.Directory;
using Twinning.Infrastructure.Data;
using Twinning.Infrastructure.Directory;
using Twinning.Web.Tests.Infrastructure;

namespace Twinning.Web.Tests.Organisations;

public sealed class DirectoryImportTests(DirectoryFactory factory) : IClassFixture<DirectoryFactory>
{
    [Fact]
    public async Task The_first_start_loads_every_european_town_and_the_known_links()
    {
        var (inScope, total, links, themes) = await factory.WithServiceAsync(async sp =>
        {
            var db = sp.GetRequiredService<TwinningDbContext>();
            return (await db.Organisations.CountAsync(o => o.InScope), await db.Organisations.CountAsync(),
                await db.TwinningLinks.CountAsync(), await db.Themes.CountAsync());
        });

        Assert.InRange(inScope, 60_000, 70_000);
        Assert.Equal(66_780, total);
        Assert.Equal(14_973, links);
        Assert.Equal(20, themes);
    }

    [Fact]
    public async Task Importing_again_updates_in_place_and_duplicates_nothing()
    {
        var before = await SnapshotAsync();

        var result = await factory.WithServiceAsync(sp => sp.GetRequiredService<DirectoryImporter>().ImportAllAsync());

        Assert.Equal(0, result.NewLinks);
        Assert.Equal(0, result.NewThemes);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Imported_towns_keep_their_geonames_facts()
    {
        var koln = await factory.WithServiceAsync(sp => sp.GetRequiredService<TwinningDbContext>().Organisations.AsNoTracking().SingleAsync(o => o.GeoNamesId == 2886242));

        Assert.Equal("Köln", koln.Name);
        Assert.Equal("DE", koln.CountryCode);
        Assert.Equal(PopulationBand.Metropolitan, koln.Band);
        Assert.InRange(koln.Latitude!.Value, 50.9, 51.0);
        Assert.True(koln.InScope);
    }

    private Task<(int Towns, int Links, long Revisions)> SnapshotAsync() => factory.WithServiceAsync(async sp =>
    {
        var db = sp.GetRequiredService<TwinningDbContext>();
        return (await db.Organisations.CountAsync(), await db.TwinningLinks.CountAsync(), await db.Organisations.SumAsync(o => o.Revision));
    });
}
