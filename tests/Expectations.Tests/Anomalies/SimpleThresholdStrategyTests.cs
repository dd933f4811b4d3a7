using Dq.Expectations.Anomalies;

namespace Dq.Expectations.Tests.Anomalies;

/// <summary>The vectors of Deequ's <c>SimpleThresholdStrategyTest</c>.</summary>
public sealed class SimpleThresholdStrategyTests
{
    private static readonly double[] s_data = [-1.0, 2.0, 3.0, 0.5];

    [Fact]
    public void UpperBoundOnly_FlagsTheValuesAbove()
    {
        var strategy = new SimpleThresholdStrategy(null, 1.0);
        Assert.Equal([(1, 2.0), (2, 3.0)], strategy.Detect(s_data, 0, 4).Select(a => (a.Index, a.Value)));
        Assert.Equal([(1, 2.0), (2, 3.0)], strategy.Detect(s_data).Select(a => (a.Index, a.Value)));
    }

    [Fact]
    public void BothBounds_FlagBothSides() =>
        Assert.Equal([0, 1, 2], new SimpleThresholdStrategy(-0.5, 1.0).Detect(s_data).Select(a => a.Index));

    [Fact]
    public void EmptySeries_FlagsNothing() => Assert.Empty(new SimpleThresholdStrategy(null, 1.0).Detect([]));

    [Fact]
    public void UnorderedBounds_Throw() => Assert.Throws<ArgumentException>(() => new SimpleThresholdStrategy(2.0, 1.0));

    [Fact]
    public void Detail_NamesValueAndBounds() =>
        Assert.Equal("[SimpleThresholdStrategy]: Value 2 is not in bounds [-Infinity, 1]", new SimpleThresholdStrategy(null, 1.0).Detect(s_data)[0].Detail);

    [Fact]
    public void Check_NeedsNoHistory() =>
        Assert.Equal(new AnomalyCheckResult(-0.5, 1.0, true), new SimpleThresholdStrategy(-0.5, 1.0).Check([], 1.5));
}
