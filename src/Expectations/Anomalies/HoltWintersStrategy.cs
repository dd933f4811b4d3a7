namespace Dq.Expectations.Anomalies;

/// <summary>
/// Deequ's <c>HoltWinters</c> strategy: an additive Holt-Winters model (level, trend and season, ETS(A, A)) is fitted
/// to the points before the search interval and forecasts the interval; a point is anomalous when it lies further
/// from its forecast than 1.96 standard deviations of the fitted model's absolute one-step residuals.
/// </summary>
/// <remarks>
/// <para>The smoothing parameters α, β, γ are chosen in [0, 1]³ to minimise the residual sum of squares of the
/// one-step forecasts over the training points, starting from (0.3, 0.1, 0.1) as Deequ does, with a projected
/// L-BFGS over finite-difference gradients (<see cref="BoxConstrainedMinimizer"/>; Deequ uses breeze's L-BFGS-B).</para>
/// <para>The deviation is the sample standard deviation (n − 1) of the absolute residuals, as in Deequ. A fit with no
/// error at all (a series that repeats exactly) has deviation 0; so that rounding in the recursion is not flagged,
/// a point counts as anomalous only beyond 1.96·σ plus 1e-9 of its forecast's magnitude (at least 1e-9).</para>
/// </remarks>
public sealed class HoltWintersStrategy : AnomalyStrategy
{
    /// <summary>How many standard deviations of the residuals a point may lie from its forecast (Deequ's 1.96, a 95 % band).</summary>
    public const double DeviationFactor = 1.96;

    /// <summary>Creates the strategy for a season of <paramref name="period"/> points.</summary>
    /// <param name="period">The season's length in points: 7 for daily metrics with a weekly cycle; 2 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException">The period is below 2.</exception>
    public HoltWintersStrategy(int period)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        Period = period;
    }

    /// <summary>Creates the strategy from how often the metric is measured and the cycle it repeats (Deequ's pairs).</summary>
    /// <exception cref="ArgumentException">The pair is not hourly/daily (24), daily/weekly (7) or monthly/yearly (12).</exception>
    public HoltWintersStrategy(MetricInterval metricsInterval, SeriesSeasonality seasonality)
        : this(PeriodOf(metricsInterval, seasonality))
    {
        MetricsInterval = metricsInterval;
        Seasonality = seasonality;
    }

    /// <summary>The season's length in points.</summary>
    public int Period { get; }

    /// <summary>How often the metric is measured, when the strategy was created from it.</summary>
    public MetricInterval? MetricsInterval { get; }

    /// <summary>The metric's cycle, when the strategy was created from it.</summary>
    public SeriesSeasonality? Seasonality { get; }

    /// <inheritdoc/>
    public override string Name => "holt_winters";

    /// <inheritdoc/>
    /// <remarks>Two full seasons: the initial level, trend and season need them.</remarks>
    public override int MinimumHistory => 2 * Period;

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, object?> Parameters => MetricsInterval is { } interval && Seasonality is { } seasonality
        ? new Dictionary<string, object?>
        {
            ["metrics_interval"] = interval.ToString().ToLowerInvariant(),
            ["seasonality"] = seasonality.ToString().ToLowerInvariant(),
        }
        : new Dictionary<string, object?> { ["period"] = (long)Period };

    /// <summary>The period of a measurement interval and cycle: 24, 7 or 12.</summary>
    /// <exception cref="ArgumentException">The pair is not one of Deequ's three.</exception>
    public static int PeriodOf(MetricInterval metricsInterval, SeriesSeasonality seasonality) => (metricsInterval, seasonality) switch
    {
        (MetricInterval.Hourly, SeriesSeasonality.Daily) => 24,
        (MetricInterval.Daily, SeriesSeasonality.Weekly) => 7,
        (MetricInterval.Monthly, SeriesSeasonality.Yearly) => 12,
        _ => throw new ArgumentException(
            $"Holt-Winters has no season for {metricsInterval.ToString().ToLowerInvariant()} metrics with a {seasonality.ToString().ToLowerInvariant()} cycle; use hourly with daily, daily with weekly, or monthly with yearly."),
    };

    /// <summary>The fitted smoothing parameters for a training series, and their residual sum of squares.</summary>
    /// <param name="training">At least two seasons of values.</param>
    public (double Alpha, double Beta, double Gamma, double ResidualSumOfSquares) Fit(IReadOnlyList<double> training)
    {
        ArgumentNullException.ThrowIfNull(training);
        RequireTwoSeasons(training.Count);
        var (point, rss) = BoxConstrainedMinimizer.Minimize(
            p => HoltWintersModel.ResidualSumOfSquares(training, Period, p[0], p[1], p[2]), [0.3, 0.1, 0.1], 0, 1);
        return (point[0], point[1], point[2], rss);
    }

    /// <summary>
    /// The forecasts of the <paramref name="horizon"/> points after <paramref name="training"/> with the fitted
    /// parameters, and the deviation of the absolute residuals.
    /// </summary>
    public (double[] Forecasts, double ResidualDeviation) Forecast(IReadOnlyList<double> training, int horizon)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(horizon);
        var (alpha, beta, gamma, _) = Fit(training);
        var (residuals, forecasts) = HoltWintersModel.Run(training, Period, horizon, alpha, beta, gamma);
        var absolute = residuals.Select(Math.Abs).ToArray();
        return (forecasts, Math.Sqrt(BatchNormalStrategy.MeanAndSampleVariance(absolute).Variance));
    }

    /// <summary>Deequ's search: the model is trained on <c>series[0..start)</c> and forecasts <c>[start, min(end, n))</c>.</summary>
    /// <exception cref="ArgumentException">The series is empty, the interval is empty, or fewer than two seasons precede it.</exception>
    private protected override IReadOnlyList<Anomaly> DetectCore(IReadOnlyList<double> series, int start, int end)
    {
        if (series.Count == 0)
        {
            throw new ArgumentException("The series is empty.", nameof(series));
        }
        if (start >= end)
        {
            throw new ArgumentException($"The search interval [{start}, {end}) is empty.", nameof(end));
        }
        RequireTwoSeasons(start);
        // An interval past the series trains on all of it and forecasts one point that is not there to judge.
        var horizon = start >= series.Count ? 1 : Math.Min(end, series.Count) - start;
        var training = new double[Math.Min(start, series.Count)];
        for (var i = 0; i < training.Length; i++)
        {
            training[i] = series[i];
        }
        var (forecasts, deviation) = Forecast(training, horizon);
        var anomalies = new List<Anomaly>();
        for (var j = 0; start + j < series.Count && j < horizon; j++)
        {
            var value = series[start + j];
            if (Math.Abs(value - forecasts[j]) > Reach(deviation, forecasts[j]))
            {
                anomalies.Add(new Anomaly(start + j, value, $"Forecasted {Text(forecasts[j])} for observed value {Text(value)}"));
            }
        }
        return anomalies;
    }

    private protected override AnomalyCheckResult CheckCore(IReadOnlyList<double> history, double value)
    {
        var (forecasts, deviation) = Forecast(history, 1);
        var reach = Reach(deviation, forecasts[0]);
        return new AnomalyCheckResult(forecasts[0] - reach, forecasts[0] + reach, Math.Abs(value - forecasts[0]) > reach);
    }

    private static double Reach(double deviation, double forecast) => (DeviationFactor * deviation) + (1e-9 * Math.Max(1, Math.Abs(forecast)));

    private void RequireTwoSeasons(int points)
    {
        if (points < 2 * Period)
        {
            throw new ArgumentException($"Holt-Winters needs at least two full seasons ({2 * Period} points) before the searched points, got {points}.");
        }
    }
}
