namespace Twinning.Domain.Directory;

/// <summary>OECD population bands for local governments, as used by the CEMR survey.</summary>
public enum PopulationBand
{
    VerySmall = 0,
    Small = 1,
    Medium = 2,
    Metropolitan = 3,
    LargeMetropolitan = 4,
}

public static class PopulationBands
{
    public const int SmallFrom = 50_000;
    public const int MediumFrom = 200_000;
    public const int MetropolitanFrom = 500_000;
    public const int LargeMetropolitanFrom = 1_500_000;

    public static PopulationBand Classify(long population)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(population);
        return population switch
        {
            < SmallFrom => PopulationBand.VerySmall,
            < MediumFrom => PopulationBand.Small,
            < MetropolitanFrom => PopulationBand.Medium,
            < LargeMetropolitanFrom => PopulationBand.Metropolitan,
            _ => PopulationBand.LargeMetropolitan,
        };
    }
}
