using Dq.Expectations.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Statistics;

/// <summary>L∞ and Wasserstein against brute-force ECDFs, sorted-sample integration, Deequ's vector and scipy's documented examples.</summary>
public sealed class NumericDistanceTests
{
    [Fact]
    public void LInfinity_DeequVector_SimpleQuarterRobustZero()
    {
        // monitoring-reference.md §1d: [1,2,3,4] vs [2,3,4,5] → simple 0.25, robust 0.0.
        var simple = NumericDistance.LInfinitySimple([1, 2, 3, 4], [2, 3, 4, 5]);
        Assert.Equal(0.25, simple, 1e-15);
        Assert.Equal(0.0, NumericDistance.LInfinityRobust(simple, 4, 4));
    }

    [Fact]
    public void CAlpha_DefaultIsDeequsRoundedValue_ExplicitAlphaUsesFormula()
    {
        Assert.Equal(1.8, NumericDistance.CAlpha(null));
        // √(−ln(0.0015)/2) = √(6.50229/2) = 1.80309 (by hand), not the rounded 1.8.
        Assert.Equal(1.80309, NumericDistance.CAlpha(0.003), 1e-5);
    }

    [Fact]
    public void LInfinitySimple_StepsWithWeights_MatchExpandedSamples()
    {
        // Steps (1: 2, 3: 5) are the sample [1, 1, 3, 3, 3]; (2: 1, 3: 4) are [2, 3, 3, 3].
        CdfStep[] a = [new(1, 2), new(3, 5)], b = [new(2, 1), new(3, 4)];
        Assert.Equal(NumericDistance.LInfinitySimple([1, 1, 3, 3, 3], [2, 3, 3, 3]), NumericDistance.LInfinitySimple(a, b), 1e-15);
        Assert.Equal(0.4, NumericDistance.LInfinitySimple(a, b), 1e-15); // at x = 1: 2/5 − 0
    }

    [Property(MaxTest = 300)]
    public Property LInfinitySimple_EqualsBruteForceEcdf() =>
        Prop.ForAll(Sample().ToArbitrary(), Sample().ToArbitrary(), (a, b) =>
        {
            var naive = a.Concat(b).Max(x => Math.Abs(a.Count(v => v <= x) / (double)a.Length - b.Count(v => v <= x) / (double)b.Length));
            return Math.Abs(NumericDistance.LInfinitySimple(Sorted(a), Sorted(b)) - naive) < 1e-12;
        });

    [Property(MaxTest = 300)]
    public Property LInfinitySimple_SymmetricBoundedAndZeroOnItself() =>
        Prop.ForAll(Sample().ToArbitrary(), Sample().ToArbitrary(), (a, b) =>
        {
            double[] x = Sorted(a), y = Sorted(b);
            var d = NumericDistance.LInfinitySimple(x, y);
            return d == NumericDistance.LInfinitySimple(y, x) && d >= 0 && d <= 1 && NumericDistance.LInfinitySimple(x, x) == 0;
        });

    [Property(MaxTest = 300)]
    public Property Wasserstein_EqualsQuantileIntegration() =>
        // W₁ = ∫₀¹ |F⁻¹(u) − G⁻¹(u)| du; both quantile functions are constant between the breakpoints i/n and j/m.
        Prop.ForAll(Sample().ToArbitrary(), Sample().ToArbitrary(), (a, b) =>
        {
            double[] x = Sorted(a), y = Sorted(b);
            var breaks = Enumerable.Range(0, x.Length + 1).Select(i => (double)i / x.Length)
                .Concat(Enumerable.Range(0, y.Length + 1).Select(j => (double)j / y.Length)).Distinct().Order().ToArray();
            var naive = 0.0;
            for (var k = 0; k + 1 < breaks.Length; k++)
            {
                var mid = (breaks[k] + breaks[k + 1]) / 2;
                naive += Math.Abs(x[(int)(mid * x.Length)] - y[(int)(mid * y.Length)]) * (breaks[k + 1] - breaks[k]);
            }
            var actual = NumericDistance.Wasserstein(x, y);
            return (Math.Abs(actual - naive) < 1e-9 && actual == NumericDistance.Wasserstein(y, x)).Label($"{actual:R} vs {naive:R}");
        });

    [Fact]
    public void Wasserstein_ScipyDocumentedExamples()
    {
        // scipy.stats.wasserstein_distance docstring examples.
        Assert.Equal(5.0, NumericDistance.Wasserstein([0, 1, 3], [5, 6, 8]), 1e-12);
        Assert.Equal(0.25, NumericDistance.Wasserstein([new CdfStep(0, 3), new CdfStep(1, 4)], [new CdfStep(0, 2), new CdfStep(1, 4)]), 1e-12);
        // u = [3.4, 3.9, 7.5, 7.8] with weights [1.4, 0.9, 3.1, 7.2], v = [4.5, 1.4] with weights [3.2, 3.5] (v sorted: 1.4:3.5, 4.5:3.2).
        CdfStep[] u = [new(3.4, 1.4), new(3.9, 2.3), new(7.5, 5.4), new(7.8, 12.6)];
        CdfStep[] v = [new(1.4, 3.5), new(4.5, 6.7)];
        Assert.Equal(4.0781331438047861, NumericDistance.Wasserstein(u, v), 1e-12);
    }

    [Fact]
    public void WassersteinNormed_DividesByPopulationStd()
    {
        // ref [0, 2]: mean 1, population σ = 1; cur [1, 3] is the reference shifted by 1, so W = 1 and the normed value 1.
        Assert.Equal(1.0, NumericDistance.WassersteinNormed([0, 2], [1, 3]), 1e-15);
        // A constant reference has σ = 0, so Evidently divides by 0.001: W([5, 5], [5, 6]) = 0.5 → 500.
        Assert.Equal(500.0, NumericDistance.WassersteinNormed([5, 5], [5, 6]), 1e-9);
    }

    [Fact]
    public void LInfinitySimple_EmptySample_Throws() =>
        Assert.Throws<ArgumentException>(() => NumericDistance.LInfinitySimple([], [1.0]));

    internal static Gen<double[]> Sample() =>
        Gen.Choose(1, 25).SelectMany(length => Gen.Choose(-20, 20).Select(i => i / 4.0).ArrayOf(length));

    internal static double[] Sorted(double[] values)
    {
        var copy = (double[])values.Clone();
        Array.Sort(copy);
        return copy;
    }
}
