using Dq.Expectations.Anomalies;

namespace Dq.Expectations.Tests.Anomalies;

/// <summary>
/// The absolute and relative change strategies on the vectors of Deequ's <c>AbsoluteChangeStrategyTest</c>,
/// <c>RateOfChangeStrategyTest</c> and <c>RelativeRateOfChangeStrategyTest</c> (awslabs/deequ,
/// src/test/scala/com/amazon/deequ/anomalydetection), and the issue's worked example.
/// </summary>
public sealed class ChangeStrategyTests
{
    /// <summary>Deequ's series: 1 outside 20..30, and ±i alternating (absolute) or i and 1 alternating (relative) inside.</summary>
    private static double[] DeequSeries(bool relative) =>
        [.. Enumerable.Range(0, 51).Select(i => i is < 20 or > 30 ? 1.0 : i % 2 == 0 ? i : relative ? 1 : -i)];

    private static int[] Indexes(IReadOnlyList<Anomaly> anomalies) => [.. anomalies.Select(a => a.Index)];

    [Fact]
    public void Absolute_WholeSeries_Flags20To31()
    {
        var data = DeequSeries(relative: false);
        var anomalies = new AbsoluteChangeStrategy(-2.0, 2.0).Detect(data);
        Assert.Equal(Enumerable.Range(20, 12), Indexes(anomalies));
        Assert.All(anomalies, a => Assert.Equal(data[a.Index], a.Value));
    }

    [Fact]
    public void Absolute_Interval_Flags25To31() =>
        Assert.Equal(Enumerable.Range(25, 7), Indexes(new AbsoluteChangeStrategy(-2.0, 2.0).Detect(DeequSeries(false), 25, 50)));

    [Fact]
    public void Absolute_NoDecreaseLimit_FlagsTheIncreasesOnly() =>
        Assert.Equal([20, 22, 24, 26, 28, 30], Indexes(new AbsoluteChangeStrategy(null, 1.0).Detect(DeequSeries(false))));

    [Fact]
    public void Absolute_NoIncreaseLimit_FlagsTheDecreasesOnly() =>
        Assert.Equal([21, 23, 25, 27, 29, 31], Indexes(new AbsoluteChangeStrategy(-1.0, null).Detect(DeequSeries(false))));

    [Fact]
    public void Absolute_ExtremeLimits_FlagNothing() =>
        Assert.Empty(new AbsoluteChangeStrategy(double.MinValue, double.MaxValue).Detect(DeequSeries(false)));

    [Theory]
    [InlineData(1, new[] { 1.0, 2.0, -3.0, 1.0, 6.0 })]
    [InlineData(2, new[] { 1.0, -5.0, 4.0, 5.0 })]
    public void Difference_OfDeequsSeries(int order, double[] expected) =>
        Assert.Equal(expected, AbsoluteChangeStrategy.Difference([1.0, 2.0, 4.0, 1.0, 2.0, 8.0], order));

    [Fact]
    public void Difference_ThirdOrder() =>
        Assert.Equal([47, 56, -280.99, 296.9765], AbsoluteChangeStrategy.Difference([1.0, 5.0, -10.0, 3.0, 100.0, 0.01, 0.0065], 3),
            new ToleranceComparer(1e-9));

    [Fact]
    public void Absolute_SecondOrder_AttributesTheIndexes()
    {
        double[] data = [0.0, 1.0, 3.0, 6.0, 18.0, 72.0];
        var strategy = new AbsoluteChangeStrategy(null, 8.0, order: 2);
        Assert.Equal([4, 5], Indexes(strategy.Detect(data)));
        Assert.Equal([5], Indexes(strategy.Detect(data, 5, 6)));
    }

    [Fact]
    public void Absolute_DeequsThresholdLikeVector()
    {
        // Deequ's "behave like the threshold strategy" case, run with its default strategy (order 1): changes −2, 5, −11.
        var anomalies = new AbsoluteChangeStrategy(-2.0, 2.0).Detect([1.0, -1.0, 4.0, -7.0]);
        Assert.Equal([(2, 4.0), (3, -7.0)], anomalies.Select(a => (a.Index, a.Value)));
    }

    [Fact]
    public void Absolute_OrderZero_IsAThreshold() =>
        Assert.Equal([1, 2], Indexes(new AbsoluteChangeStrategy(-0.5, 1.0, order: 0).Detect([0.0, 2.0, -3.0, 1.0])));

    [Fact]
    public void Absolute_EmptySeries_FlagsNothing() => Assert.Empty(new AbsoluteChangeStrategy(-2.0, 2.0).Detect([]));

    [Fact]
    public void Absolute_Detail_NamesTheChangeAndBounds()
    {
        var anomaly = new AbsoluteChangeStrategy(-2.0, 2.0).Detect([1.0, 4.0])[0];
        Assert.Equal("[AbsoluteChangeStrategy]: Change of 3 is not in bounds [-2, 2]. Order=1", anomaly.Detail);
    }

    [Fact]
    public void ChangeStrategies_RejectBadLimits()
    {
        Assert.Throws<ArgumentException>(() => new AbsoluteChangeStrategy(-2.0, -3.0));
        Assert.Throws<ArgumentException>(() => new AbsoluteChangeStrategy(null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AbsoluteChangeStrategy(null, 1, order: -1));
        Assert.Throws<ArgumentException>(() => new RelativeRateOfChangeStrategy(-2.0, -3.0));
        Assert.Throws<ArgumentException>(() => new RelativeRateOfChangeStrategy(null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RelativeRateOfChangeStrategy(null, 1, order: 0));
    }

    [Fact]
    public void Relative_WholeSeries_Flags20To31() =>
        Assert.Equal(Enumerable.Range(20, 12), Indexes(new RelativeRateOfChangeStrategy(0.5, 2.0).Detect(DeequSeries(true))));

    [Fact]
    public void Relative_Interval_Flags25To31() =>
        Assert.Equal(Enumerable.Range(25, 7), Indexes(new RelativeRateOfChangeStrategy(0.5, 2.0).Detect(DeequSeries(true), 25, 50)));

    [Fact]
    public void Relative_OneSided()
    {
        Assert.Equal([20, 22, 24, 26, 28, 30], Indexes(new RelativeRateOfChangeStrategy(null, 1.0).Detect(DeequSeries(true))));
        Assert.Equal([21, 23, 25, 27, 29, 31], Indexes(new RelativeRateOfChangeStrategy(0.5, null).Detect(DeequSeries(true))));
        Assert.Empty(new RelativeRateOfChangeStrategy(double.MinValue, double.MaxValue).Detect(DeequSeries(true)));
    }

    [Theory]
    [InlineData(1, new[] { 2.0, 2.0, 0.25, 2.0, 4.0 })]
    [InlineData(2, new[] { 4.0, 0.5, 0.5, 8.0 })]
    public void Ratios_OfDeequsSeries(int order, double[] expected) =>
        Assert.Equal(expected, RelativeRateOfChangeStrategy.Ratios([1.0, 2.0, 4.0, 1.0, 2.0, 8.0], order));

    [Fact]
    public void Ratios_ThirdOrder() =>
        Assert.Equal([3.0, 20.0, -0.001, 0.002], RelativeRateOfChangeStrategy.Ratios([1.0, 5.0, -10.0, 3.0, 100.0, 0.01, 0.006], 3),
            new ToleranceComparer(1e-12));

    [Fact]
    public void Relative_SecondOrder_AfterAZeroIsInfinite()
    {
        // 3/0 = +∞ flags index 2; 6/1, 18/3 are 6 and 72/6 = 12 flags index 5.
        double[] data = [0.0, 1.0, 3.0, 6.0, 18.0, 72.0];
        var strategy = new RelativeRateOfChangeStrategy(null, 8.0, order: 2);
        Assert.Equal([2, 5], Indexes(strategy.Detect(data)));
        Assert.Equal([5], Indexes(strategy.Detect(data, 5, 6)));
    }

    [Fact]
    public void Relative_IssueVector_FlagsIndex2()
    {
        // [10, 20, 50, 60] with max_rate_increase 2: ratios 2, 2.5, 1.2.
        Assert.Equal([2], Indexes(new RelativeRateOfChangeStrategy(null, 2.0).Detect([10.0, 20.0, 50.0, 60.0])));
    }

    [Fact]
    public void Relative_EmptySeries_FlagsNothing() => Assert.Empty(new RelativeRateOfChangeStrategy(0.5, 2.0).Detect([]));

    [Fact]
    public void AbsoluteCheck_RangeIsTheLimitsAroundThePreviousValue()
    {
        var check = new AbsoluteChangeStrategy(-10.0, 5.0).Check([100.0, 120.0], 126.0);
        Assert.Equal(new AnomalyCheckResult(110.0, 125.0, true), check);
    }

    [Fact]
    public void AbsoluteCheck_SecondOrder_ExtrapolatesTheLine()
    {
        // Δ²x = x − 2·6 + 3 must lie in [−1, 1]: x ∈ [8, 10].
        var check = new AbsoluteChangeStrategy(-1.0, 1.0, order: 2).Check([0.0, 3.0, 6.0], 9.5);
        Assert.Equal(new AnomalyCheckResult(8.0, 10.0, false), check);
    }

    [Fact]
    public void RelativeCheck_ScalesTheLimitsByTheBaseline()
    {
        AssertRange(90, 110, false, new RelativeRateOfChangeStrategy(0.9, 1.1).Check([100.0], 105.0));
        // A negative baseline turns the limits around: x / −100 ∈ [0.9, 1.1] means x ∈ [−110, −90].
        AssertRange(-110, -90, true, new RelativeRateOfChangeStrategy(0.9, 1.1).Check([-100.0], -80.0));
    }

    [Fact]
    public void RelativeCheck_AfterAZero_OnlyZeroPassesASetLimit()
    {
        var strategy = new RelativeRateOfChangeStrategy(null, 2.0);
        Assert.Equal(new AnomalyCheckResult(double.NegativeInfinity, 0, true), strategy.Check([0.0], 1.0));
        Assert.False(strategy.Check([0.0], 0.0).IsAnomalous);
        Assert.False(strategy.Check([0.0], -5.0).IsAnomalous);
    }

    private static void AssertRange(double lower, double upper, bool anomalous, AnomalyCheckResult check)
    {
        Assert.Equal(lower, check.Lower, 1e-9);
        Assert.Equal(upper, check.Upper, 1e-9);
        Assert.Equal(anomalous, check.IsAnomalous);
    }

    [Fact]
    public void Check_TooLittleHistory_Throws() =>
        Assert.Throws<ArgumentException>(() => new AbsoluteChangeStrategy(-1.0, 1.0, order: 2).Check([1.0], 2.0));
}
