using Dq.Expectations.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Statistics;

/// <summary>Categorical distances against Deequ's verified vectors (monitoring-reference.md §1d) and hand calculations.</summary>
public sealed class CategoricalDistanceTests
{
    private static Dictionary<string, long> Counts(params (string Key, long Count)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Count);

    [Fact]
    public void LInfinity_DeequVector_SameKeys()
    {
        var a = Counts(("a", 10), ("b", 20), ("c", 25), ("d", 10), ("e", 5));
        var b = Counts(("a", 11), ("b", 20), ("c", 25), ("d", 10), ("e", 10));
        Assert.Equal(0.06015037593984962, CategoricalDistance.LInfinity(a, b), 1e-15);
        Assert.Equal(0.0, CategoricalDistance.LInfinityRobust(a, b));
    }

    [Fact]
    public void LInfinity_DeequVector_DifferentKeys()
    {
        var a = Counts(("a", 10), ("b", 20), ("c", 25), ("d", 10), ("e", 5));
        var b = Counts(("f", 11), ("a", 20), ("c", 25), ("d", 10), ("e", 10));
        Assert.Equal(0.2857142857142857, CategoricalDistance.LInfinity(a, b), 1e-15);
    }

    [Theory]
    [InlineData(0.003, 0.2726338046550349)]
    [InlineData(0.1, 0.33774199396969184)]
    public void LInfinityRobust_DeequVector_ExplicitAlpha(double alpha, double expected)
    {
        var a = Counts(("a", 207), ("b", 20), ("c", 25), ("d", 14), ("e", 25), ("g", 13));
        var b = Counts(("a", 22), ("b", 20), ("c", 25), ("d", 12), ("e", 13), ("f", 15));
        Assert.Equal(expected, CategoricalDistance.LInfinityRobust(a, b, alpha), 1e-14);
    }

    [Fact]
    public void DeequChiSquared_VerifiedVector()
    {
        var current = Counts(("a", 207), ("b", 20), ("c", 25), ("d", 14), ("e", 25), ("g", 13));
        var baseline = Counts(("a", 223), ("b", 20), ("c", 25), ("d", 12), ("e", 13), ("f", 15));
        var result = CategoricalDistance.DeequChiSquared(current, baseline);
        Assert.Equal(28.175042782458068, result.Statistic, 1e-10);
        Assert.Equal(3.3640191298478506e-5, result.PValue, 1e-14);
        Assert.Equal(5, result.DegreesOfFreedom);
    }

    [Fact]
    public void DeequChiSquared_RegroupsSmallCategories()
    {
        // Baseline {a30 b30 c3 d2} (Σ65) scaled to Σcurrent 63: a, b 29.0769; c 2.9077; d 1.9385.
        // K = 4 allows ⌊0.8⌋ = 0 below 5: merge d into c (4.8462, observed 3). K = 3 allows 0: merge c into a (tie with b,
        // a first in key order): a 33.9231 (observed 33). K = 2: both ≥ 10, stop.
        // χ² = (33 − 33.9231)²/33.9231 + (30 − 29.0769)²/29.0769 = 0.0251179 + 0.0293040 = 0.0544218, df 1.
        var result = CategoricalDistance.DeequChiSquared(Counts(("a", 30), ("b", 30), ("c", 2), ("d", 1)), Counts(("a", 30), ("b", 30), ("c", 3), ("d", 2)));
        Assert.Equal(0.0544218, result.Statistic, 1e-6);
        Assert.Equal(1, result.DegreesOfFreedom);
        Assert.Equal(2, result.Categories);
    }

    [Fact]
    public void DeequChiSquared_FewerThanTwoCategoriesLeft_IsNaN()
    {
        // Two categories both expected below Cochran's 10 merge into one.
        var result = CategoricalDistance.DeequChiSquared(Counts(("a", 3), ("b", 4)), Counts(("a", 3), ("b", 4)));
        Assert.True(double.IsNaN(result.Statistic));
        Assert.True(double.IsNaN(result.PValue));
    }

    [Fact]
    public void EvidentlyChiSquare_HandExample()
    {
        // f_exp = [50, 50]·100/100, f_obs = [30, 70]: χ² = 400/50 + 400/50 = 16, df 1, p = P(|Z| ≥ 4) = 2·3.16712418e-5.
        var result = CategoricalDistance.EvidentlyChiSquare(Counts(("a", 50), ("b", 50)), Counts(("a", 30), ("b", 70)));
        Assert.Equal(16.0, result.Statistic, 1e-12);
        Assert.Equal(6.334248366623993e-05, result.PValue, 1e-15);
    }

    [Fact]
    public void EvidentlyChiSquare_CurrentOnlyKey_IsInfinite()
    {
        var result = CategoricalDistance.EvidentlyChiSquare(Counts(("a", 50)), Counts(("a", 30), ("b", 1)));
        Assert.True(double.IsPositiveInfinity(result.Statistic));
        Assert.Equal(0.0, result.PValue);
    }

    [Fact]
    public void EvidentlyZTest_HandExample()
    {
        // Shares of "not a": p1 = .5 (n1 100), p2 = .7 (n2 100), pooled .6: z = −.2/√(.6·.4·(1/100 + 1/100)) = −2.8867513,
        // z² = 25/3, the Pearson χ² of the 2×2 table [[50, 50], [30, 70]] (expected 40/60 per row): 2·(100/40 + 100/60).
        // p = 2·Φ̄(2.8868) ≈ 0.003892 (normal table: Φ̄(2.88) = 0.001988, Φ̄(2.89) = 0.001926).
        var result = CategoricalDistance.EvidentlyZTest(Counts(("a", 50), ("b", 50)), Counts(("a", 30), ("b", 70)));
        Assert.Equal(25.0 / 3, result.Z * result.Z, 1e-12);
        Assert.True(result.Z < 0);
        Assert.Equal(0.003892, result.PValue, 2e-6);
    }

    [Fact]
    public void EvidentlyZTest_SameSingleValue_IsOne() =>
        Assert.Equal(1.0, CategoricalDistance.EvidentlyZTest(Counts(("x", 5)), Counts(("x", 9))).PValue);

    [Property(MaxTest = 300)]
    public Property LInfinityAndJensenShannon_SymmetricBoundedZeroOnItself() =>
        Prop.ForAll(CountsGen().ToArbitrary(), CountsGen().ToArbitrary(), (a, b) =>
        {
            var linf = CategoricalDistance.LInfinity(a, b);
            var js = CategoricalDistance.JensenShannonDistance(a, b);
            return (linf == CategoricalDistance.LInfinity(b, a) && linf >= 0 && linf <= 1 && CategoricalDistance.LInfinity(a, a) == 0
                && Math.Abs(js - CategoricalDistance.JensenShannonDistance(b, a)) < 1e-15 && js >= 0 && js <= JensenShannon.MaximumDistance + 1e-15
                && CategoricalDistance.JensenShannonDistance(a, a) < 1e-7
                && CategoricalDistance.LInfinityRobust(a, b) <= linf).Label($"L∞ {linf}, JS {js}");
        });

    [Property(MaxTest = 200)]
    public Property LInfinity_EqualsNaiveShareDifference() =>
        Prop.ForAll(CountsGen().ToArbitrary(), CountsGen().ToArbitrary(), (a, b) =>
        {
            double n = a.Values.Sum(), m = b.Values.Sum();
            var naive = a.Keys.Union(b.Keys).Max(k => Math.Abs(a.GetValueOrDefault(k) / n - b.GetValueOrDefault(k) / m));
            return Math.Abs(CategoricalDistance.LInfinity(a, b) - naive) < 1e-15;
        });

    private static Gen<Dictionary<string, long>> CountsGen() =>
        Gen.Choose(0, 30).Select(i => (long)i).ArrayOf(5)
            .Where(c => c.Sum() > 0)
            .Select(c => c.Select((count, i) => (Key: ((char)('a' + i)).ToString(), Count: count)).Where(p => p.Count > 0).ToDictionary(p => p.Key, p => p.Count));
}
