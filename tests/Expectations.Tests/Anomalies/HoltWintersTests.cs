using Dq.Expectations.Anomalies;

namespace Dq.Expectations.Tests.Anomalies;

/// <summary>
/// Holt-Winters on the vectors of Deequ's <c>HoltWintersTest</c> (its seeded two weeks of noisy data, constant and
/// linear series, and the milk, car-sales and traffic series with their anomaly counts), and on series whose
/// forecasts can be checked by hand.
/// </summary>
public sealed class HoltWintersTests
{
    private static readonly HoltWintersStrategy s_weekly = new(MetricInterval.Daily, SeriesSeasonality.Weekly);

    /// <summary>Deequ's two weeks: the pattern 1, 1, 1.2, 1.3, 1.5, 2.1, 1.9 twice, plus <c>new Random(42).nextGaussian()</c> noise.</summary>
    private static double[] TwoWeeks()
    {
        var random = new JavaRandom(42);
        double[] week = [1, 1, 1.2, 1.3, 1.5, 2.1, 1.9];
        return [.. week.Concat(week).Select(v => v + random.NextGaussian())];
    }

    private static int[] Indexes(IReadOnlyList<Anomaly> anomalies) => [.. anomalies.Select(a => a.Index)];

    // Monthly milk production, pounds per cow, Jan 1962 – (Deequ's copy of datamarket set 22ox); the first four years.
    private static readonly double[] s_milk =
    [
        589, 561, 640, 656, 727, 697, 640, 599, 568, 577, 553, 582,
        600, 566, 653, 673, 742, 716, 660, 617, 583, 587, 565, 598,
        628, 618, 688, 705, 770, 736, 678, 639, 604, 611, 594, 634,
        658, 622, 709, 722, 782, 756, 702, 653, 615, 621, 602, 635,
    ];

    // Monthly car sales in Quebec, 1960 – (Deequ's copy of datamarket set 22n4); the first four years.
    private static readonly double[] s_carSales =
    [
        6550, 8728, 12026, 14395, 14587, 13791, 9498, 8251, 7049, 9545, 9364, 8456,
        7237, 9374, 11837, 13784, 15926, 13821, 11143, 7975, 7610, 10015, 12759, 8816,
        10677, 10947, 15200, 17010, 20900, 16205, 12143, 8997, 5568, 11474, 12256, 10583,
        10862, 10965, 14405, 20379, 20128, 17816, 12268, 8642, 7962, 13932, 15936, 12628,
    ];

    // Hourly traffic counts (Deequ's copy of Kaggle's traffic prediction data set); seven days.
    private static readonly double[] s_traffic =
    [
        15, 13, 10, 7, 9, 6, 9, 8, 11, 12, 15, 17, 16, 15, 16, 12, 12, 16, 17, 20, 17, 19, 20, 15,
        14, 12, 14, 12, 12, 11, 13, 14, 12, 22, 32, 31, 35, 26, 34, 30, 27, 27, 24, 26, 29, 32, 30, 27,
        21, 18, 19, 13, 11, 11, 11, 14, 15, 29, 33, 32, 32, 29, 27, 26, 28, 26, 25, 29, 26, 24, 25, 20,
        18, 18, 13, 13, 10, 12, 13, 11, 13, 22, 26, 27, 31, 24, 23, 26, 26, 24, 23, 25, 26, 24, 26, 24,
        19, 20, 18, 13, 13, 9, 12, 12, 15, 16, 23, 24, 25, 24, 26, 22, 20, 20, 22, 26, 22, 21, 21, 21,
        16, 18, 19, 14, 12, 13, 14, 14, 13, 20, 22, 26, 26, 21, 23, 23, 19, 19, 20, 24, 18, 19, 16, 17,
        16, 16, 10, 9, 8, 7, 9, 8, 12, 13, 17, 14, 14, 14, 14, 11, 15, 13, 12, 17, 18, 17, 16, 15, 13,
    ];

    [Fact]
    public void Periods_AreDeequs()
    {
        Assert.Equal(24, HoltWintersStrategy.PeriodOf(MetricInterval.Hourly, SeriesSeasonality.Daily));
        Assert.Equal(7, HoltWintersStrategy.PeriodOf(MetricInterval.Daily, SeriesSeasonality.Weekly));
        Assert.Equal(12, HoltWintersStrategy.PeriodOf(MetricInterval.Monthly, SeriesSeasonality.Yearly));
        Assert.Throws<ArgumentException>(() => HoltWintersStrategy.PeriodOf(MetricInterval.Monthly, SeriesSeasonality.Weekly));
    }

    [Fact]
    public void BadIntervalsAndShortSeries_Throw()
    {
        Assert.Throws<ArgumentException>(() => s_weekly.Detect(TwoWeeks(), 1, 1));
        Assert.Throws<ArgumentException>(() => s_weekly.Detect([], 0, int.MaxValue));
        Assert.Throws<ArgumentOutOfRangeException>(() => s_weekly.Detect(TwoWeeks(), -2, -1));
        Assert.Throws<ArgumentException>(() => s_weekly.Detect([1, 2, 3], 0, int.MaxValue));
    }

    [Fact]
    public void IntervalBeyondTheSeries_FlagsNothing() => Assert.Empty(s_weekly.Detect(TwoWeeks(), 100, 110));

    [Fact]
    public void NoisyWeeks_RepeatedFirstValue_IsNotAnomalous()
    {
        var weeks = TwoWeeks();
        Assert.Empty(s_weekly.Detect([.. weeks, weeks[0]], 14, 15));
    }

    [Fact]
    public void NoisyWeeks_ZeroAfter_IsAnomalous()
    {
        Assert.Equal([14], Indexes(s_weekly.Detect([.. TwoWeeks(), 0.0], 14, int.MaxValue)));
    }

    [Fact]
    public void NoisyWeeks_Repeated_NoAnomalies()
    {
        var weeks = TwoWeeks();
        Assert.Empty(s_weekly.Detect([.. weeks, .. weeks], 26, int.MaxValue));
    }

    [Fact]
    public void ConstantSeries_NoAnomalies() => Assert.Empty(s_weekly.Detect(Enumerable.Repeat(1.0, 21).ToArray(), 14, int.MaxValue));

    [Fact]
    public void ConstantSeriesWithOneError_FlagsIt() =>
        Assert.Equal([20], Indexes(s_weekly.Detect([.. Enumerable.Repeat(1.0, 20), 0.0], 14, int.MaxValue)));

    [Fact]
    public void ExactLinearTrend_NoAnomalies() =>
        Assert.Empty(s_weekly.Detect([.. Enumerable.Range(0, 48).Select(t => (double)t)], 36, int.MaxValue));

    [Fact]
    public void ExactLinearAndSeasonal_NoAnomalies() =>
        Assert.Empty(s_weekly.Detect([.. Enumerable.Range(0, 48).Select(t => Math.Sin(2 * Math.PI / 7 * t) + t)], 36, int.MaxValue));

    [Fact]
    public void WrongTraining_FlagsTheFirstTestPoint()
    {
        double[] week = [0, 1, 1, 1, 1, 1, 1];
        Assert.Equal([14], Indexes(s_weekly.Detect([.. week, .. week, 1, 1, 1, 1, 1, 1, 1], 14, 21)));
    }

    [Fact]
    public void MonthlyMilk_SevenAnomalies() =>
        Assert.Equal(7, new HoltWintersStrategy(MetricInterval.Monthly, SeriesSeasonality.Yearly).Detect(s_milk, 36, 48).Count);

    [Fact]
    public void MonthlyMilk_CustomPeriod_SevenAnomalies() => Assert.Equal(7, new HoltWintersStrategy(12).Detect(s_milk, 36, 48).Count);

    [Fact]
    public void MonthlyCarSales_ThreeAnomalies() =>
        Assert.Equal(3, new HoltWintersStrategy(MetricInterval.Monthly, SeriesSeasonality.Yearly).Detect(s_carSales, 36, 48).Count);

    [Fact]
    public void HourlyTraffic_TwoAnomalies() =>
        Assert.Equal(2, new HoltWintersStrategy(MetricInterval.Hourly, SeriesSeasonality.Daily).Detect(s_traffic, 144, 168).Count);

    [Fact]
    public void Model_WorkedExample_ByHand()
    {
        // Period 2, series [1, 3, 2, 4], α = β = γ = ½. Initial state: level 2 (mean of [1, 3]), trend (6 − 4)/2² = ½,
        // season [−1, 1]. Step by step (forecast = level + trend + season of the point):
        //   t=0: 2 + ½ − 1 = 1.5 → residual −0.5;   level 2.25, trend 0.375, season[2] = −1.25
        //   t=1: 2.25 + 0.375 + 1 = 3.625 → −0.625; level 2.3125, trend 0.21875, season[3] = 0.6875
        //   t=2: 2.3125 + 0.21875 − 1.25 = 1.28125 → 0.71875; level 2.890625, trend 0.3984375, season[4] = −0.890625
        //   t=3: 2.890625 + 0.3984375 + 0.6875 = 3.9765625 → 0.0234375; level 3.30078125, trend 0.404296875, season[5] = 0.69921875
        // Forecasts: 3.30078125 + 0.404296875 − 0.890625 = 2.814453125, then 3.30078125 + 2·0.404296875 + 0.69921875 = 4.80859375.
        var (residuals, forecasts) = HoltWintersModel.Run([1.0, 3.0, 2.0, 4.0], 2, 2, 0.5, 0.5, 0.5);
        Assert.Equal([-0.5, -0.625, 0.71875, 0.0234375], residuals);
        Assert.Equal([2.814453125, 4.80859375], forecasts);
    }

    [Fact]
    public void Model_TrendAndSeason_ForecastExactlyOnceTheSeasonIsRelearnt()
    {
        // x = 10 + 2t + s[t mod 4], s = [3, −1, −4, 2] (sum 0). The initial season absorbs the trend within the first
        // period; with α = β = 0 (level and trend kept) and γ = 1 (season relearnt from each point) every forecast from
        // the second period on is exact: level(t) + 2 + s'(t) with s'(t) = x(t − 4) − level(t − 4) − 2.
        double[] season = [3, -1, -4, 2];
        var series = Enumerable.Range(0, 16).Select(t => 10 + (2.0 * t) + season[t % 4]).ToArray();
        var (residuals, forecasts) = HoltWintersModel.Run(series, 4, 4, 0, 0, 1);
        Assert.All(residuals.Skip(4), r => Assert.Equal(0, r, 1e-12));
        Assert.Equal(Enumerable.Range(16, 4).Select(t => 10 + (2.0 * t) + season[t % 4]), forecasts, new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Check_PureSeason_ForecastsExactlyAndFlagsASpike()
    {
        // Four weeks of 100 + s[day], s summing to 0: the initial state is the truth, so every forecast is exact
        // whatever the smoothing, the residuals are 0 and the accepted range shrinks to the forecast itself.
        double[] season = [5, -3, 0, 2, -6, 4, -2];
        var history = Enumerable.Range(0, 28).Select(t => 100 + season[t % 7]).ToArray();
        var check = s_weekly.Check(history, 105);
        Assert.False(check.IsAnomalous);
        Assert.Equal(105, check.Lower, 1e-6);
        Assert.Equal(105, check.Upper, 1e-6);
        Assert.True(s_weekly.Check(history, 106).IsAnomalous);
        Assert.True(s_weekly.Check(history, 104).IsAnomalous);
    }

    [Fact]
    public void Check_TrendAndSeason_ExactNextValuePassesAndASpikeIsFlagged()
    {
        double[] season = [5, -3, 0, 2, -6, 4, -2];
        var history = Enumerable.Range(0, 35).Select(t => 50 + (1.5 * t) + season[t % 7]).ToArray();
        var next = 50 + (1.5 * 35) + season[0];
        var check = s_weekly.Check(history, next);
        Assert.False(check.IsAnomalous, $"{next} outside [{check.Lower}, {check.Upper}]");
        Assert.True(s_weekly.Check(history, next + 30).IsAnomalous);
        Assert.True(s_weekly.Check(history, next - 30).IsAnomalous);
    }

    [Fact]
    public void Check_AgreesWithDetectOnTheLastPoint()
    {
        var weeks = TwoWeeks();
        foreach (var value in new[] { weeks[0], 0.0, 5.0, -3.0 })
        {
            var detected = s_weekly.Detect([.. weeks, value], 14, 15).Count == 1;
            Assert.Equal(detected, s_weekly.Check(weeks, value).IsAnomalous);
        }
    }

    [Fact]
    public void Fit_IsNoWorseThanAFineGridOverTheBox()
    {
        // An independent reference: the best of 21³ evenly spaced parameter triples.
        var strategy = new HoltWintersStrategy(12);
        var training = s_milk[..36];
        var fitted = strategy.Fit(training).ResidualSumOfSquares;
        var grid = double.PositiveInfinity;
        for (var a = 0; a <= 20; a++)
        {
            for (var b = 0; b <= 20; b++)
            {
                for (var g = 0; g <= 20; g++)
                {
                    grid = Math.Min(grid, HoltWintersModel.ResidualSumOfSquares(training, 12, a / 20.0, b / 20.0, g / 20.0));
                }
            }
        }
        Assert.True(fitted <= grid * (1 + 1e-9), $"fitted RSS {fitted}, grid RSS {grid}");
    }
}
