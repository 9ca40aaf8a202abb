using System.Globalization;
using System.Text;
using System.Text.Json;
using Twinning.Infrastructure.Directory;

namespace Twinning.Web.Features.Directory;

/// <summary>
/// The offline locator map: Natural Earth outlines (world-atlas) pre-projected by tools/data, served as
/// one cacheable SVG, and the same projection to place a town on it.
/// </summary>
public sealed class EuropeMap
{
    private readonly double _lonMin;
    private readonly double _latMax;
    private readonly double _cosLat0;
    private readonly double _k;

    public EuropeMap()
    {
        using var stream = DirectoryData.OpenMap();
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        Width = root.GetProperty("width").GetDouble();
        Height = root.GetProperty("height").GetDouble();
        _lonMin = root.GetProperty("lonMin").GetDouble();
        _latMax = root.GetProperty("latMax").GetDouble();
        _cosLat0 = root.GetProperty("cosLat0").GetDouble();
        _k = root.GetProperty("k").GetDouble();

        var svg = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\">")
            .Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"#dbe9f6\"/>")
            .Append("<g fill=\"#f4f1ea\" stroke=\"#7a7a7a\" stroke-width=\"0.8\" stroke-linejoin=\"round\">");
        foreach (var country in root.GetProperty("countries").EnumerateArray())
            svg.Append("<path d=\"").Append(country.GetProperty("d").GetString()).Append("\"/>");
        Svg = svg.Append("</g></svg>").ToString();
    }

    public double Width { get; }

    public double Height { get; }

    public string Svg { get; }

    /// <summary>The point on the map, or null when the place lies outside it.</summary>
    public (double X, double Y)? Project(double? latitude, double? longitude)
    {
        if (latitude is not { } lat || longitude is not { } lon)
            return null;
        var x = (lon - _lonMin) * _cosLat0 * _k;
        var y = (_latMax - lat) * _k;
        return x < 0 || y < 0 || x > Width || y > Height ? null : (Math.Round(x, 1), Math.Round(y, 1));
    }
}
