namespace Twinning.Domain.Matching;

/// <summary>
/// How the prior's log-likelihood ratio becomes a 0..1 signal: linearly over [−8, +8], so 0.5 means "as
/// likely as two towns taken at random". A logistic would flatten the differences between the likeliest
/// candidates, which are the ones that matter.
/// </summary>
public static class PriorScale
{
    public const double Range = 8;

    public static double ToUnit(double logRatio) => Math.Clamp((logRatio + Range) / (2 * Range), 0, 1);

    /// <summary>The log-ratio behind a weighted prior signal (the inverse of <see cref="ToUnit"/> inside the range).</summary>
    public static double ToLogRatio(double points, double weight) => weight <= 0 ? 0 : (points / weight * 2 * Range) - Range;
}
