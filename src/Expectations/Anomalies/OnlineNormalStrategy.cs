namespace Dq.Expectations.Anomalies;

/// <summary>
/// Deequ's <c>OnlineNormalStrategy</c>: a running mean and population variance over the series (Welford's update,
/// <c>Sₙ += (x − mean_old)(x − mean_new)</c>, variance <c>Sₙ/(i + 1)</c>); each point of the search interval is
/// judged against <c>[mean − lower·σ, mean + upper·σ]</c> computed <em>with</em> that point included.
/// </summary>
/// <remarks>
/// <para>No point among the first <c>ignore_start_percentage</c> of the series is flagged (the statistics are not yet
/// representative). With <c>ignore_anomalies</c> a flagged point is rolled back out of the mean and Sₙ, so a spike does
/// not widen the range for the points after it.</para>
/// <para>As in Deequ the divisor stays the point's index + 1 after a roll-back (it counts the rolled-back points), and
/// the result keeps the deviation computed with the flagged point.</para>
/// </remarks>
public sealed class OnlineNormalStrategy : AnomalyStrategy
{
    /// <summary>Creates the strategy (Deequ's defaults: 3, 3, 0.1, true).</summary>
    /// <param name="lowerDeviationFactor">How many deviations below the mean are accepted; null for no lower limit.</param>
    /// <param name="upperDeviationFactor">How many deviations above the mean are accepted; null for no upper limit.</param>
    /// <param name="ignoreStartPercentage">The share of the series, from its start, in which nothing is flagged; in [0, 1].</param>
    /// <param name="ignoreAnomalies">Whether flagged points are rolled back out of the statistics.</param>
    /// <exception cref="ArgumentException">Both factors are null, one is negative, or the share lies outside [0, 1].</exception>
    public OnlineNormalStrategy(double? lowerDeviationFactor = 3.0, double? upperDeviationFactor = 3.0, double ignoreStartPercentage = 0.1, bool ignoreAnomalies = true)
    {
        DeviationFactors.Validate(lowerDeviationFactor, upperDeviationFactor);
        if (ignoreStartPercentage is not (>= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ignoreStartPercentage), ignoreStartPercentage, "The share of start values to ignore must lie in [0, 1].");
        }
        LowerDeviationFactor = lowerDeviationFactor;
        UpperDeviationFactor = upperDeviationFactor;
        IgnoreStartPercentage = ignoreStartPercentage;
        IgnoreAnomalies = ignoreAnomalies;
    }

    /// <summary>Deviations accepted below the mean, or null for no limit.</summary>
    public double? LowerDeviationFactor { get; }

    /// <summary>Deviations accepted above the mean, or null for no limit.</summary>
    public double? UpperDeviationFactor { get; }

    /// <summary>The share of the series, from its start, in which nothing is flagged.</summary>
    public double IgnoreStartPercentage { get; }

    /// <summary>Whether flagged points are rolled back out of the statistics.</summary>
    public bool IgnoreAnomalies { get; }

    /// <inheritdoc/>
    public override string Name => "online_normal";

    /// <inheritdoc/>
    /// <remarks>
    /// One value. Few values rarely flag anything, by the rule itself: with <c>n</c> earlier values a side's limit is
    /// finite only when <c>n &gt; factor²</c> (10 values for a factor of 3), because the new value counts in its own deviation.
    /// </remarks>
    public override int MinimumHistory => 1;

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, object?> Parameters => new Dictionary<string, object?>(DeviationFactors.Parameters(LowerDeviationFactor, UpperDeviationFactor))
    {
        ["ignore_start_percentage"] = IgnoreStartPercentage,
        ["ignore_anomalies"] = IgnoreAnomalies,
    };

    /// <summary>The running statistics after each point, with whether it was flagged (Deequ's <c>computeStatsAndAnomalies</c>).</summary>
    /// <param name="series">The values, oldest first.</param>
    /// <param name="start">The first index that may be flagged.</param>
    /// <param name="end">One past the last index that may be flagged.</param>
    /// <returns>Per point: the mean (rolled back when the point was flagged and anomalies are ignored), the deviation computed with the point, and the verdict.</returns>
    public IReadOnlyList<(double Mean, double StandardDeviation, bool IsAnomaly)> RunningStatistics(IReadOnlyList<double> series, int start = 0, int end = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(series);
        var state = new State();
        var results = new List<(double, double, bool)>(series.Count);
        var skipped = series.Count * IgnoreStartPercentage;
        for (var i = 0; i < series.Count; i++)
        {
            results.Add(state.Add(series[i], i, i < skipped || i < start || i >= end, this));
        }
        return results;
    }

    private protected override IReadOnlyList<Anomaly> DetectCore(IReadOnlyList<double> series, int start, int end)
    {
        var statistics = RunningStatistics(series, start, end);
        var anomalies = new List<Anomaly>();
        for (var i = start; i < Math.Min(end, series.Count); i++)
        {
            if (statistics[i].IsAnomaly)
            {
                var range = DeviationFactors.Range(statistics[i].Mean, statistics[i].StandardDeviation, LowerDeviationFactor, UpperDeviationFactor);
                anomalies.Add(new Anomaly(i, series[i], DeviationFactors.Detail("OnlineNormalStrategy", series[i], range)));
            }
        }
        return anomalies;
    }

    /// <summary>
    /// The new value is the last point of a search over the whole series, so earlier anomalies are rolled back (with
    /// <see cref="IgnoreAnomalies"/>) and the first share of the history is not flagged.
    /// </summary>
    private protected override AnomalyCheckResult CheckCore(IReadOnlyList<double> history, double value)
    {
        var n = history.Count;
        var state = new State();
        var skipped = (n + 1) * IgnoreStartPercentage;
        for (var i = 0; i < n; i++)
        {
            state.Add(history[i], i, i < skipped, this);
        }
        var (mean, sn) = (state.Mean, Math.Max(state.Sn, 0));
        var anomalous = state.Add(value, n, n < skipped, this).IsAnomaly;
        if (n < skipped)
        {
            return new AnomalyCheckResult(double.NegativeInfinity, double.PositiveInfinity, anomalous);
        }
        // Solved for the new value x at index n, with m and S the statistics before it and d = |x − m|: the new mean
        // is m + (x − m)/(n + 1) and the new S is S + d²·n/(n + 1), so |x − mean'| ≤ f·σ' becomes
        // d²·n·(n − f²) ≤ f²·S·(n + 1): a finite limit when n > f², none otherwise.
        return new AnomalyCheckResult(
            LowerDeviationFactor is { } lower ? mean - Reach(lower, sn, n) : double.NegativeInfinity,
            UpperDeviationFactor is { } upper ? mean + Reach(upper, sn, n) : double.PositiveInfinity,
            anomalous);
    }

    private static double Reach(double factor, double sn, int n) =>
        n > factor * factor ? factor * Math.Sqrt(sn * (n + 1) / (n * (n - (factor * factor)))) : double.PositiveInfinity;

    /// <summary>The running mean and Sₙ, updated one point at a time with Deequ's roll-back.</summary>
    private sealed class State
    {
        public double Mean { get; private set; }

        public double Sn { get; private set; }

        public (double Mean, double StandardDeviation, bool IsAnomaly) Add(double value, int index, bool exempt, OnlineNormalStrategy strategy)
        {
            var lastMean = Mean;
            var lastSn = Sn;
            Mean = index == 0 ? value : lastMean + (1.0 / (index + 1) * (value - lastMean));
            Sn += (value - lastMean) * (value - Mean);
            var deviation = Math.Sqrt(Sn / (index + 1));
            var (lower, upper) = DeviationFactors.Range(Mean, deviation, strategy.LowerDeviationFactor, strategy.UpperDeviationFactor);
            if (exempt || (value <= upper && value >= lower))
            {
                return (Mean, deviation, false);
            }
            if (strategy.IgnoreAnomalies)
            {
                Mean = lastMean;
                Sn = lastSn;
            }
            return (Mean, deviation, true);
        }
    }
}
