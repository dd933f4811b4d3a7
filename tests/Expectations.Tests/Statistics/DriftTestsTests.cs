using Dq.Expectations.Statistics;

namespace Dq.Expectations.Tests.Statistics;

/// <summary>Evidently's default-test table (monitoring-reference.md §3, registry.py <c>_get_default_stattest</c>) and the drift directions.</summary>
public sealed class DriftTestsTests
{
    [Theory]
    [InlineData(1000, true, 6, "ks", 0.05, DriftRule.PValueAtMost)]
    [InlineData(1000, true, 5, "chisquare", 0.05, DriftRule.PValueBelow)]
    [InlineData(10, true, 3, "chisquare", 0.05, DriftRule.PValueBelow)]
    [InlineData(1000, true, 2, "z", 0.05, DriftRule.PValueBelow)]
    [InlineData(500, false, 3, "chisquare", 0.05, DriftRule.PValueBelow)]
    [InlineData(500, false, 2, "z", 0.05, DriftRule.PValueBelow)]
    [InlineData(1001, true, 6, "wasserstein", 0.1, DriftRule.DistanceAtLeast)]
    [InlineData(1001, true, 5, "jensenshannon", 0.1, DriftRule.DistanceAtLeast)]
    [InlineData(1001, false, 2, "jensenshannon", 0.1, DriftRule.DistanceAtLeast)]
    [InlineData(1_000_000, false, 500, "jensenshannon", 0.1, DriftRule.DistanceAtLeast)]
    public void ChooseEvidentlyDefault_FollowsTheTable(long rows, bool numeric, long distinct, string method, double threshold, DriftRule rule) =>
        Assert.Equal(new DriftTestChoice(method, threshold, rule), DriftTests.ChooseEvidentlyDefault(rows, numeric, distinct));

    [Fact]
    public void IsDrift_AtTheThreshold_FollowsEachTestsDirection()
    {
        Assert.True(DriftTests.ChooseEvidentlyDefault(10, true, 10).IsDrift(0.05)); // ks: p ≤ 0.05
        Assert.False(DriftTests.ChooseEvidentlyDefault(10, false, 10).IsDrift(0.05)); // chisquare: p < 0.05
        Assert.True(DriftTests.ChooseEvidentlyDefault(5000, true, 10).IsDrift(0.1)); // wasserstein: d ≥ 0.1
        Assert.False(DriftTests.ChooseEvidentlyDefault(5000, true, 10).IsDrift(double.NaN));
    }

    [Fact]
    public void EvaluateNumeric_SmallShiftedSample_RunsKsAndDrifts()
    {
        // 0..99 against 50..149: the ECDFs differ by ½ at 49, so D = 0.5 (100 rows, 150 distinct → ks).
        var reference = Enumerable.Range(0, 100).Select(i => (double)i).ToArray();
        var current = Enumerable.Range(50, 100).Select(i => (double)i).ToArray();
        var result = DriftTests.EvaluateNumeric(reference, current);
        Assert.Equal("ks", result.Method);
        Assert.Equal(0.5, result.Statistic, 1e-15);
        Assert.True(result.PValue < 1e-6);
        Assert.True(result.Drifted);
    }

    [Fact]
    public void EvaluateNumeric_LargeSample_RunsNormedWasserstein()
    {
        // 2000 rows of 0..99 (population σ = √((100² − 1)/12) = 28.866) against the same shifted by 10: W = 10, normed 0.34641.
        var reference = Enumerable.Range(0, 2000).Select(i => (double)(i % 100)).ToArray();
        var current = reference.Select(v => v + 10).ToArray();
        var result = DriftTests.EvaluateNumeric(reference, current);
        Assert.Equal("wasserstein", result.Method);
        Assert.Null(result.PValue);
        Assert.Equal(10 / Math.Sqrt((100.0 * 100 - 1) / 12), result.Statistic, 1e-9);
        Assert.True(result.Drifted);
    }

    [Fact]
    public void EvaluateCategorical_TwoValues_RunsZTest_WithOverriddenThreshold()
    {
        var reference = new Dictionary<string, long> { ["a"] = 50, ["b"] = 50 };
        var current = new Dictionary<string, long> { ["a"] = 30, ["b"] = 70 };
        var result = DriftTests.EvaluateCategorical(reference, current, threshold: 0.001);
        Assert.Equal("z", result.Method);
        Assert.Equal(0.001, result.Threshold);
        Assert.False(result.Drifted); // p ≈ 0.0039 is not below 0.001
    }

    [Fact]
    public void RunCategorical_KsOnCounts_Throws() =>
        Assert.Throws<ArgumentException>(() => DriftTests.RunCategorical(new DriftTestChoice("ks", 0.05, DriftRule.PValueAtMost),
            new Dictionary<string, long> { ["a"] = 1 }, new Dictionary<string, long> { ["a"] = 1 }));
}
