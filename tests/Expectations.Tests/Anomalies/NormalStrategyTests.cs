using Dq.Expectations.Anomalies;

namespace Dq.Expectations.Tests.Anomalies;

/// <summary>
/// The online and batch normal strategies on the vectors of Deequ's <c>OnlineNormalStrategyTest</c> and
/// <c>BatchNormalStrategyTest</c>: Gaussian noise from <c>new Random(1)</c> (rebuilt by <see cref="JavaRandom"/>)
/// with <c>±i</c> added at 20..30, plus their hand-checkable cases.
/// </summary>
public sealed class NormalStrategyTests
{
    /// <summary>Deequ's series: <paramref name="count"/> draws of <c>nextGaussian</c>, with <c>i + (i % 2 · −2 · i)</c> added at 20..30.</summary>
    private static double[] NoisyWithSpikes(int count)
    {
        var random = new JavaRandom(1);
        var data = Enumerable.Range(0, count).Select(_ => random.NextGaussian()).ToArray();
        for (var i = 20; i <= 30; i++)
        {
            data[i] += i + (i % 2 * -2 * i);
        }
        return data;
    }

    private static int[] Indexes(IReadOnlyList<Anomaly> anomalies) => [.. anomalies.Select(a => a.Index)];

    private static readonly double[] s_online = NoisyWithSpikes(51);
    private static readonly double[] s_batch = NoisyWithSpikes(50);

    [Fact]
    public void Online_WholeSeries_Flags20To30() =>
        Assert.Equal(Enumerable.Range(20, 11), Indexes(new OnlineNormalStrategy(3.5, 3.5, 0.2).Detect(s_online)));

    [Fact]
    public void Online_Interval_Flags25To30() =>
        Assert.Equal(Enumerable.Range(25, 6), Indexes(new OnlineNormalStrategy(1.5, 1.5, 0.2).Detect(s_online, 25, 31)));

    [Fact]
    public void Online_OneSided()
    {
        Assert.Equal([20, 22, 24, 26, 28, 30], Indexes(new OnlineNormalStrategy(null, 1.5).Detect(s_online)));
        Assert.Equal([21, 23, 25, 27, 29], Indexes(new OnlineNormalStrategy(1.5, null).Detect(s_online)));
    }

    [Fact]
    public void Online_ExtremeFactors_FlagNothing() =>
        Assert.Empty(new OnlineNormalStrategy(double.MaxValue, double.MaxValue).Detect(s_online));

    [Fact]
    public void Online_EmptySeries_FlagsNothing() => Assert.Empty(new OnlineNormalStrategy(1.5, 1.5, 0.2).Detect([]));

    [Fact]
    public void Online_IgnoringAnomalies_RollsTheSpikeBack()
    {
        // At index 3 the 2 makes mean 1.25 and σ = √(0.75/4) ≈ 0.433, so 2 > 1.25 + 1.5·0.433 is flagged and undone.
        var last = new OnlineNormalStrategy(1.5, 1.5, 0.2).RunningStatistics([1.0, 1.0, 1.0, 2.0, 1.0, 1.0, 1.0])[^1];
        Assert.Equal((1.0, 0.0, false), last);
    }

    [Fact]
    public void Online_KeepingAnomalies_EndsWithThePlainStatistics()
    {
        double[] data = [1.0, 1.0, 1.0, 2.0, 1.0, 1.0, 1.0];
        var last = new OnlineNormalStrategy(1.5, 1.5, 0.2, ignoreAnomalies: false).RunningStatistics(data)[^1];
        // Mean 8/7; population variance Σ(x − 8/7)²/7 = (6·(1/7)² + (6/7)²)/7 = 6/49.
        Assert.Equal(8.0 / 7, last.Mean, 1e-15);
        Assert.Equal(Math.Sqrt(6.0 / 49), last.StandardDeviation, 1e-15);
    }

    [Fact]
    public void Online_Detail_HoldsTheValueOutsideItsBounds()
    {
        foreach (var anomaly in new OnlineNormalStrategy(1.5, 1.5, 0.2).Detect(s_online))
        {
            var numbers = System.Text.RegularExpressions.Regex.Matches(anomaly.Detail, @"-?\d+(\.\d+)?(E-?\d+)?")
                .Select(m => double.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(anomaly.Value, numbers[0]);
            Assert.True(numbers[0] < numbers[1] || numbers[0] > numbers[2], anomaly.Detail);
        }
    }

    [Fact]
    public void Online_RejectsBadParameters()
    {
        Assert.Throws<ArgumentException>(() => new OnlineNormalStrategy(null, null));
        Assert.Throws<ArgumentException>(() => new OnlineNormalStrategy(null, -3.0));
        Assert.Throws<ArgumentException>(() => new OnlineNormalStrategy(-3.0, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnlineNormalStrategy(ignoreStartPercentage: 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OnlineNormalStrategy(ignoreStartPercentage: -1.0));
    }

    [Fact]
    public void Online_Check_SolvesTheRuleForTheNewValue()
    {
        // History of ten values: 0 and 2 alternating, mean 1, S = 10. With f = 1: d ≤ √(10·11 / (10·9)) = √(11/9).
        double[] history = [0, 2, 0, 2, 0, 2, 0, 2, 0, 2];
        var strategy = new OnlineNormalStrategy(1, 1, 0);
        var check = strategy.Check(history, 1);
        var reach = Math.Sqrt(11.0 / 9);
        Assert.Equal(1 - reach, check.Lower, 1e-12);
        Assert.Equal(1 + reach, check.Upper, 1e-12);
        Assert.False(check.IsAnomalous);
        Assert.False(strategy.Check(history, 1 + reach - 1e-9).IsAnomalous);
        Assert.True(strategy.Check(history, 1 + reach + 1e-9).IsAnomalous);
    }

    [Fact]
    public void Online_Check_FewValuesCannotFlag()
    {
        // With n ≤ f² earlier values the new value's own weight in σ keeps it inside: 9 values and f = 3.
        var check = new OnlineNormalStrategy(3, 3, 0).Check([1, 2, 1, 2, 1, 2, 1, 2, 1], 100);
        Assert.Equal(new AnomalyCheckResult(double.NegativeInfinity, double.PositiveInfinity, false), check);
    }

    [Fact]
    public void Batch_Interval_Flags25To30() =>
        Assert.Equal(Enumerable.Range(25, 6), Indexes(new BatchNormalStrategy(1.0, 1.0).Detect(s_batch, 25, 50)));

    [Fact]
    public void Batch_OneSided()
    {
        Assert.Equal([20, 22, 24, 26, 28, 30], Indexes(new BatchNormalStrategy(null, 1.0).Detect(s_batch, 20, 31)));
        Assert.Equal([21, 23, 25, 27, 29], Indexes(new BatchNormalStrategy(1.0, null).Detect(s_batch, 10, 30)));
    }

    [Fact]
    public void Batch_IssueVector_Flags3And4()
    {
        var anomalies = new BatchNormalStrategy(3.0, 3.0).Detect([1.0, 1.0, 1.0, 1000.0, 500.0, 1.0], 3, 5);
        Assert.Equal([(3, 1000.0), (4, 500.0)], anomalies.Select(a => (a.Index, a.Value)));
    }

    [Fact]
    public void Batch_ExcludingEverything_Throws() =>
        Assert.Throws<ArgumentException>(() => new BatchNormalStrategy().Detect(s_batch));

    [Fact]
    public void Batch_ExtremeFactors_FlagNothing() =>
        Assert.Empty(new BatchNormalStrategy(double.MaxValue, double.MaxValue).Detect(s_batch, 30, 51));

    [Fact]
    public void Batch_RejectsBadParameters()
    {
        Assert.Throws<ArgumentException>(() => new BatchNormalStrategy(null, -3.0));
        Assert.Throws<ArgumentException>(() => new BatchNormalStrategy(-3.0, null));
        Assert.Throws<ArgumentException>(() => new BatchNormalStrategy(null, null));
    }

    [Fact]
    public void Batch_Check_IsMeanPlusMinusFactorsTimesSampleDeviation()
    {
        // [2, 4, 4, 4, 5, 5, 7, 9]: mean 5, sample variance 32/7.
        var check = new BatchNormalStrategy(1, 2).Check([2, 4, 4, 4, 5, 5, 7, 9], 10);
        var sd = Math.Sqrt(32.0 / 7);
        Assert.Equal(5 - sd, check.Lower, 1e-12);
        Assert.Equal(5 + (2 * sd), check.Upper, 1e-12);
        Assert.True(check.IsAnomalous);
    }
}
