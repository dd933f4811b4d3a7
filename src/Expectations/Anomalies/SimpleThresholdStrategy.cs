namespace Dq.Expectations.Anomalies;

/// <summary>
/// Deequ's <c>SimpleThresholdStrategy</c>: a value is anomalous when it lies outside <c>[lower_bound, upper_bound]</c>.
/// The history plays no part; it is the fixed-limits strategy among the history-based ones.
/// </summary>
public sealed class SimpleThresholdStrategy : AnomalyStrategy
{
    /// <summary>Creates the strategy.</summary>
    /// <param name="lowerBound">The smallest accepted value; null for no limit (Deequ's default, <c>Double.MinValue</c>).</param>
    /// <param name="upperBound">The largest accepted value; null for no limit.</param>
    /// <exception cref="ArgumentException">Both bounds are null or NaN, or the lower bound exceeds the upper.</exception>
    public SimpleThresholdStrategy(double? lowerBound, double? upperBound)
    {
        if (lowerBound is null && upperBound is null)
        {
            throw new ArgumentException("Give lower_bound, upper_bound or both: with neither, nothing is ever anomalous.");
        }
        if (lowerBound is double.NaN || upperBound is double.NaN)
        {
            throw new ArgumentException("The bounds must be numbers, not NaN.");
        }
        if (lowerBound > upperBound)
        {
            throw new ArgumentException($"lower_bound ({lowerBound}) is greater than upper_bound ({upperBound}); swap them.");
        }
        LowerBound = lowerBound;
        UpperBound = upperBound;
    }

    /// <summary>The smallest accepted value, or null for none.</summary>
    public double? LowerBound { get; }

    /// <summary>The largest accepted value, or null for none.</summary>
    public double? UpperBound { get; }

    /// <inheritdoc/>
    public override string Name => "simple_thresholds";

    /// <inheritdoc/>
    public override int MinimumHistory => 0;

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, object?> Parameters => new Dictionary<string, object?>
    {
        ["lower_bound"] = LowerBound,
        ["upper_bound"] = UpperBound,
    };

    private protected override IReadOnlyList<Anomaly> DetectCore(IReadOnlyList<double> series, int start, int end)
    {
        var anomalies = new List<Anomaly>();
        for (var i = start; i < Math.Min(end, series.Count); i++)
        {
            if (IsOutside(series[i]))
            {
                anomalies.Add(new Anomaly(i, series[i],
                    $"[SimpleThresholdStrategy]: Value {Text(series[i])} is not in bounds [{ChangeLimits.Text(LowerBound, true)}, {ChangeLimits.Text(UpperBound, false)}]"));
            }
        }
        return anomalies;
    }

    private protected override AnomalyCheckResult CheckCore(IReadOnlyList<double> history, double value) =>
        new(LowerBound ?? double.NegativeInfinity, UpperBound ?? double.PositiveInfinity, IsOutside(value));

    private bool IsOutside(double value) => value < LowerBound || value > UpperBound;
}
