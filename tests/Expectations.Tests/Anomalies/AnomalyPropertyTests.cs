using Dq.Expectations.Anomalies;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Anomalies;

/// <summary>
/// The strategies against naive references (the binomial form of the k-th difference, direct loops, two-pass
/// statistics) and against themselves: <see cref="AnomalyStrategy.Check"/> must agree with a detection of the last
/// point, and its range must hold exactly the values it accepts.
/// </summary>
public sealed class AnomalyPropertyTests
{
    /// <summary>Small integers, so differences and ratios are exact and a naive reference can be compared with ==.</summary>
    private static Gen<double[]> Series(int min, int max) =>
        Gen.Choose(-20, 20).Select(i => (double)i).ArrayOf().Where(a => a.Length >= min && a.Length <= max);

    private static Gen<double[]> PositiveSeries(int min, int max) =>
        Gen.Choose(1, 40).Select(i => (double)i).ArrayOf().Where(a => a.Length >= min && a.Length <= max);

    private static long Binomial(int n, int k) => k == 0 ? 1 : Binomial(n, k - 1) * (n - k + 1) / k;

    /// <summary>Δᵏx at <paramref name="i"/> = Σⱼ (−1)ʲ·C(k, j)·x[i − j].</summary>
    private static double NaiveDifference(double[] x, int i, int k) =>
        Enumerable.Range(0, k + 1).Sum(j => (j % 2 == 0 ? 1 : -1) * Binomial(k, j) * x[i - j]);

    [Property(MaxTest = 300)]
    public Property Difference_EqualsTheBinomialForm() =>
        Prop.ForAll(Series(0, 12).ToArbitrary(), Gen.Choose(0, 4).ToArbitrary(), (x, k) =>
        {
            var expected = Enumerable.Range(k, Math.Max(x.Length - k, 0)).Select(i => NaiveDifference(x, i, k)).ToArray();
            return AbsoluteChangeStrategy.Difference(x, k).SequenceEqual(expected);
        });

    [Property(MaxTest = 300)]
    public Property AbsoluteDetect_EqualsADirectLoop() =>
        Prop.ForAll(Series(0, 15).ToArbitrary(), Gen.Choose(0, 3).ToArbitrary(), Gen.Choose(0, 16).Two().ToArbitrary(), (x, k, bounds) =>
        {
            var (start, end) = (Math.Min(bounds.Item1, bounds.Item2), Math.Max(bounds.Item1, bounds.Item2));
            var strategy = new AbsoluteChangeStrategy(-6, 4, k);
            var expected = Enumerable.Range(start, Math.Max(Math.Min(end, x.Length) - start, 0))
                .Where(i => i >= k && NaiveDifference(x, i, k) is var d && (d < -6 || d > 4));
            return strategy.Detect(x, start, end).Select(a => a.Index).SequenceEqual(expected);
        });

    [Property(MaxTest = 300)]
    public Property RelativeDetect_EqualsADirectLoop() =>
        Prop.ForAll(PositiveSeries(0, 15).ToArbitrary(), Gen.Choose(1, 3).ToArbitrary(), Gen.Choose(0, 16).Two().ToArbitrary(), (x, k, bounds) =>
        {
            var (start, end) = (Math.Min(bounds.Item1, bounds.Item2), Math.Max(bounds.Item1, bounds.Item2));
            var strategy = new RelativeRateOfChangeStrategy(0.5, 1.5, k);
            var expected = Enumerable.Range(start, Math.Max(Math.Min(end, x.Length) - start, 0))
                .Where(i => i >= k && x[i] / x[i - k] is var r && (r < 0.5 || r > 1.5));
            return strategy.Detect(x, start, end).Select(a => a.Index).SequenceEqual(expected);
        });

    [Property(MaxTest = 200)]
    public Property OnlineStatistics_WithoutFlags_AreThePlainMeanAndPopulationDeviation() =>
        Prop.ForAll(Gen.Choose(-1000, 1000).Select(i => i / 10.0).ArrayOf().Where(a => a.Length is > 0 and < 60).ToArbitrary(), x =>
        {
            var last = new OnlineNormalStrategy(1e150, 1e150).RunningStatistics(x)[^1];
            var mean = x.Average();
            var deviation = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / x.Length);
            return Math.Abs(last.Mean - mean) < 1e-9 && Math.Abs(last.StandardDeviation - deviation) < 1e-9 && !last.IsAnomaly;
        });

    public static IEnumerable<TheoryDataRow<string>> Strategies() =>
        ["absolute", "absolute2", "relative", "threshold", "online", "online_keep", "batch", "holt_winters"];

    private static AnomalyStrategy Create(string name) => name switch
    {
        "absolute" => new AbsoluteChangeStrategy(-3, 5),
        "absolute2" => new AbsoluteChangeStrategy(-3, 5, 2),
        "relative" => new RelativeRateOfChangeStrategy(0.8, 1.25),
        "threshold" => new SimpleThresholdStrategy(-4, 9),
        "online" => new OnlineNormalStrategy(1.5, 2),
        "online_keep" => new OnlineNormalStrategy(2, 1, 0.3, ignoreAnomalies: false),
        "batch" => new BatchNormalStrategy(1, 1.5),
        _ => new HoltWintersStrategy(3),
    };

    /// <summary>The check of a new value agrees with a detection of it as the last point, and with its own range.</summary>
    [Theory]
    [MemberData(nameof(Strategies))]
    public void Check_AgreesWithDetectAndWithItsRange(string name)
    {
        var strategy = Create(name);
        var random = new Random(name.Length * 7919);
        for (var trial = 0; trial < 150; trial++)
        {
            var length = strategy.MinimumHistory + random.Next(name == "holt_winters" ? 4 : 15);
            var history = Enumerable.Range(0, length).Select(_ => (double)random.Next(1, 12)).ToArray();
            var value = random.Next(-10, 30) + (random.Next(4) / 4.0);
            var check = strategy.Check(history, value);
            var series = history.Append(value).ToArray();
            // The online strategy judges the new value as the last point of a search over the whole window.
            var detected = strategy is OnlineNormalStrategy
                ? strategy.Detect(series, 0, series.Length).Any(a => a.Index == length)
                : strategy.Detect(series, length, length + 1).Count == 1;
            Assert.Equal(detected, check.IsAnomalous);
            var margin = 1e-7 * Math.Max(1, Math.Abs(value));
            if (value > check.Lower + margin && value < check.Upper - margin)
            {
                Assert.False(check.IsAnomalous, $"{name}: {value} inside [{check.Lower}, {check.Upper}] but flagged");
            }
            else if (value < check.Lower - margin || value > check.Upper + margin)
            {
                Assert.True(check.IsAnomalous, $"{name}: {value} outside [{check.Lower}, {check.Upper}] but accepted");
            }
        }
    }

    [Property(MaxTest = 200)]
    public Property BatchCheck_RangeIsTheNaiveMeanAndSampleDeviation() =>
        Prop.ForAll(Series(2, 30).ToArbitrary(), Gen.Choose(-50, 50).ToArbitrary(), (x, value) =>
        {
            var check = new BatchNormalStrategy(2, 3).Check(x, value);
            var mean = x.Average();
            var sd = Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Length - 1));
            return Math.Abs(check.Lower - (mean - (2 * sd))) < 1e-9 && Math.Abs(check.Upper - (mean + (3 * sd))) < 1e-9;
        });
}
