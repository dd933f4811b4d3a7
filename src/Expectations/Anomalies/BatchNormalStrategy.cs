namespace Dq.Expectations.Anomalies;

/// <summary>
/// Deequ's <c>BatchNormalStrategy</c>: the mean and sample standard deviation (n − 1) of the values outside the
/// search interval set the accepted range <c>[mean − lower·σ, mean + upper·σ]</c>; the values inside it are judged
/// against that range. Assumes roughly normal values.
/// </summary>
/// <remarks>A single reference value has deviation 0, so every other value is anomalous.</remarks>
public sealed class BatchNormalStrategy : AnomalyStrategy
{
    /// <summary>Creates the strategy (Deequ's defaults: 3 and 3, the interval left out of the statistics).</summary>
    /// <param name="lowerDeviationFactor">How many deviations below the mean are accepted; null for no lower limit.</param>
    /// <param name="upperDeviationFactor">How many deviations above the mean are accepted; null for no upper limit.</param>
    /// <param name="includeInterval">Whether the searched values also count in the mean and deviation.</param>
    /// <exception cref="ArgumentException">Both factors are null, or one is negative.</exception>
    public BatchNormalStrategy(double? lowerDeviationFactor = 3.0, double? upperDeviationFactor = 3.0, bool includeInterval = false)
    {
        DeviationFactors.Validate(lowerDeviationFactor, upperDeviationFactor);
        LowerDeviationFactor = lowerDeviationFactor;
        UpperDeviationFactor = upperDeviationFactor;
        IncludeInterval = includeInterval;
    }

    /// <summary>Deviations accepted below the mean, or null for no limit.</summary>
    public double? LowerDeviationFactor { get; }

    /// <summary>Deviations accepted above the mean, or null for no limit.</summary>
    public double? UpperDeviationFactor { get; }

    /// <summary>Whether the searched values count in the statistics.</summary>
    public bool IncludeInterval { get; }

    /// <inheritdoc/>
    public override string Name => "batch_normal";

    /// <inheritdoc/>
    /// <remarks>Two values: one would give a deviation of 0 and flag any change at all.</remarks>
    public override int MinimumHistory => 2;

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, object?> Parameters => DeviationFactors.Parameters(LowerDeviationFactor, UpperDeviationFactor);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The series is empty, or the interval leaves no value for the statistics.</exception>
    private protected override IReadOnlyList<Anomaly> DetectCore(IReadOnlyList<double> series, int start, int end)
    {
        if (series.Count == 0)
        {
            throw new ArgumentException("The series is empty: there is no mean or deviation to compare with.", nameof(series));
        }
        var reference = new List<double>(series.Count);
        for (var i = 0; i < series.Count; i++)
        {
            if (IncludeInterval || i < start || i >= end)
            {
                reference.Add(series[i]);
            }
        }
        if (reference.Count == 0)
        {
            throw new ArgumentException($"The search interval [{start}, {end}) covers the whole series, which leaves no value for the mean and deviation; search fewer points or include the interval.", nameof(end));
        }
        var range = Range(reference);
        var anomalies = new List<Anomaly>();
        for (var i = start; i < Math.Min(end, series.Count); i++)
        {
            if (series[i] < range.Lower || series[i] > range.Upper)
            {
                anomalies.Add(new Anomaly(i, series[i], DeviationFactors.Detail("BatchNormalStrategy", series[i], range)));
            }
        }
        return anomalies;
    }

    private protected override AnomalyCheckResult CheckCore(IReadOnlyList<double> history, double value)
    {
        var range = Range(IncludeInterval ? Appended(history, value) : history);
        return new AnomalyCheckResult(range.Lower, range.Upper, value < range.Lower || value > range.Upper);
    }

    private (double Lower, double Upper) Range(IReadOnlyList<double> values)
    {
        var (mean, variance) = MeanAndSampleVariance(values);
        return DeviationFactors.Range(mean, Math.Sqrt(variance), LowerDeviationFactor, UpperDeviationFactor);
    }

    /// <summary>Welford's one-pass mean and sample variance (n − 1); 0 for a single value.</summary>
    internal static (double Mean, double Variance) MeanAndSampleVariance(IReadOnlyList<double> values)
    {
        double mean = 0, m2 = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var delta = values[i] - mean;
            mean += delta / (i + 1);
            m2 += delta * (values[i] - mean);
        }
        return (mean, values.Count > 1 ? m2 / (values.Count - 1) : 0);
    }
}
