using Dq.Expectations.Statistics;

namespace Dq.Expectations.Tests.Statistics;

/// <summary>PSI on worked examples done by hand, in its Deequ, fixed-epsilon and Evidently forms.</summary>
public sealed class PopulationStabilityIndexTests
{
    [Fact]
    public void FromCounts_WorkedExample()
    {
        // ref [50, 30, 20] → shares .5 .3 .2; cur [40, 30, 30] → .4 .3 .3.
        // (.5 − .4)·ln(.5/.4) = .1 × 0.2231436 = 0.0223144
        // (.3 − .3)·ln 1      = 0
        // (.2 − .3)·ln(.2/.3) = −.1 × −0.4054651 = 0.0405465
        // PSI = 0.0628609
        var result = PopulationStabilityIndex.FromCounts([50, 30, 20], [40, 30, 30]);
        Assert.Equal(0.0628609, result.Value, 1e-7);
        Assert.Equal(0.0223144, result.Contributions[0], 1e-7);
        Assert.Equal(0.0, result.Contributions[1]);
        Assert.Equal(0.0405465, result.Contributions[2], 1e-7);
    }

    [Fact]
    public void FromCounts_DeequHasNoEpsilon_EmptyBinIsInfinite()
    {
        var result = PopulationStabilityIndex.FromCounts([0, 10], [5, 5]);
        Assert.True(double.IsPositiveInfinity(result.Value));
    }

    [Fact]
    public void FromCounts_FixedEpsilon_ReplacesEmptyShares()
    {
        // ref [0, 10] → shares [0 → 0.01, 1]; cur [5, 5] → [.5, .5].
        // (.01 − .5)·ln(.01/.5) = −.49 × −3.9120230 = 1.9168913;  (1 − .5)·ln 2 = 0.3465736;  PSI = 2.2634649
        var result = PopulationStabilityIndex.FromCounts([0, 10], [5, 5], epsilon: 0.01);
        Assert.Equal(2.2634649, result.Value, 1e-6);
        Assert.Equal(0.01, result.ReferenceShares[0]);
    }

    [Fact]
    public void EvidentlyZeroReplacement_FollowsItsTwoCases()
    {
        // Smallest non-zero share 0.5 > 1e-4 → 1e-4; smallest 1e-5 ≤ 1e-4 → 1e-5 / 1e6.
        Assert.Equal(1e-4, PopulationStabilityIndex.EvidentlyZeroReplacement([0, 0.5, 0.5]));
        Assert.Equal(1e-11, PopulationStabilityIndex.EvidentlyZeroReplacement([0, 1e-5, 1 - 1e-5]), 1e-25);
    }

    [Fact]
    public void Evidently_ReplacesEachSideSeparately()
    {
        // ref [0, 100] → [1e-4, 1]; cur [50, 50] → [.5, .5].
        // (1e-4 − .5)·ln(1e-4/.5) = −.4999 × −8.5171932 = 4.2577449;  (1 − .5)·ln 2 = 0.3465736;  PSI = 4.6043185
        var result = PopulationStabilityIndex.Evidently([0, 100], [50, 50]);
        Assert.Equal(4.6043185, result.Value, 1e-6);
    }

    [Fact]
    public void FromCounts_DifferentBinCounts_Throws() =>
        Assert.Throws<ArgumentException>(() => PopulationStabilityIndex.FromCounts([1, 2], [1, 2, 3]));
}
