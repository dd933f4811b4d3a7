using Dq.Expectations.Sketches;

namespace Dq.Expectations.Profiling;

/// <summary>
/// The statistics of a numeric column's present values: count, sum, mean, the sum of squared deviations (so profiles
/// merge exactly by Chan's formula), extremes and a KLL sketch.
/// </summary>
public sealed class NumericProfile
{
    /// <summary>Creates the statistics of <paramref name="count"/> values.</summary>
    /// <param name="count">How many values (NaN excluded).</param>
    /// <param name="sum">Their sum.</param>
    /// <param name="mean">Their mean.</param>
    /// <param name="squaredDeviations">The sum of their squared deviations from the mean.</param>
    /// <param name="min">The smallest.</param>
    /// <param name="max">The largest.</param>
    /// <param name="sketch">A KLL sketch of them (the profile keeps it; do not change it afterwards).</param>
    public NumericProfile(long count, double sum, double mean, double squaredDeviations, double min, double max, KllSketch sketch)
    {
        ArgumentNullException.ThrowIfNull(sketch);
        (Count, Sum, Mean, SquaredDeviations, Min, Max, Sketch) = (count, sum, mean, squaredDeviations, min, max, sketch);
    }

    /// <summary>How many values.</summary>
    public long Count { get; }

    /// <summary>Their sum.</summary>
    public double Sum { get; }

    /// <summary>Their mean.</summary>
    public double Mean { get; }

    /// <summary>The sum of squared deviations from the mean.</summary>
    public double SquaredDeviations { get; }

    /// <summary>The population standard deviation (n in the denominator), as Deequ and SageMaker report it.</summary>
    public double StandardDeviation => Count == 0 ? double.NaN : Math.Sqrt(SquaredDeviations / Count);

    /// <summary>The smallest value.</summary>
    public double Min { get; }

    /// <summary>The largest value.</summary>
    public double Max { get; }

    /// <summary>The KLL sketch of the values (Deequ's k = 2048, c = 0.64).</summary>
    public KllSketch Sketch { get; }

    /// <summary>The statistics of both sets of values; neither input changes.</summary>
    public NumericProfile Merge(NumericProfile other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Count == 0)
        {
            return other;
        }
        if (other.Count == 0)
        {
            return this;
        }
        var total = Count + other.Count;
        var delta = other.Mean - Mean;
        var sketch = Sketch.Clone();
        sketch.Merge(other.Sketch);
        return new NumericProfile(
            total,
            Sum + other.Sum,
            Mean + (delta * other.Count / total),
            SquaredDeviations + other.SquaredDeviations + (delta * delta * Count * other.Count / total),
            Math.Min(Min, other.Min),
            Math.Max(Max, other.Max),
            sketch);
    }
}
