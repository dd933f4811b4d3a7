using Dq.Expectations.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Statistics;

/// <summary>The finite-n Kolmogorov distribution against closed forms and against its other algorithms.</summary>
public sealed class KolmogorovDistributionTests
{
    [Fact]
    public void DurbinCdf_MarsagliaTsangWangExample()
    {
        // Marsaglia, Tsang & Wang (2003), "Evaluating Kolmogorov's distribution": K(10, .274) = .6284796154565043.
        Assert.Equal(0.6284796154565043, KolmogorovDistribution.DurbinCdf(10, 0.274), 1e-13);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.6)]
    [InlineData(0.95)]
    public void Survival_SampleOfOne_IsTwiceOneMinusX(double x)
    {
        // D₁ = max(U, 1 − U) for one uniform U, so P(D₁ ≥ x) = 2(1 − x) on [½, 1].
        Assert.Equal(2 * (1 - x), KolmogorovDistribution.Survival(1, x), 1e-14);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.7)]
    public void SmirnovSurvival_SampleOfOne_IsOneMinusX(double x) =>
        // D₁⁺ = 1 − U, so P(D₁⁺ ≥ x) = 1 − x.
        Assert.Equal(1 - x, KolmogorovDistribution.SmirnovSurvival(1, x), 1e-14);

    [Property(MaxTest = 100)]
    public Property DurbinCdf_RubenGambinoRegion_EqualsClosedForm() =>
        // For 1/(2n) ≤ x ≤ 1/n, P(Dₙ ≤ x) = n!/nⁿ·(2nx − 1)ⁿ.
        Prop.ForAll(Gen.Choose(2, 60).ToArbitrary(), Gen.Choose(51, 100).ToArbitrary(), (n, percent) =>
        {
            var x = percent / 100.0 / n;
            var expected = 1.0;
            for (var i = 1; i <= n; i++)
            {
                expected *= i / (double)n * (2 * n * x - 1);
            }
            var actual = KolmogorovDistribution.DurbinCdf(n, x);
            return (Math.Abs(actual - expected) <= 1e-12 * expected + 1e-300).Label($"n={n} x={x}: {actual:R} vs {expected:R}");
        });

    [Property(MaxTest = 100)]
    public Property DurbinCdf_AboveOneHalf_EqualsTwiceSmirnov() =>
        // Above ½ the two one-sided events are disjoint, so 1 − P(Dₙ ≤ x) = 2·P(Dₙ⁺ ≥ x) exactly: two separate algorithms.
        Prop.ForAll(Gen.Choose(2, 40).ToArbitrary(), Gen.Choose(501, 900).ToArbitrary(), (n, permille) =>
        {
            var x = permille / 1000.0;
            var durbin = 1 - KolmogorovDistribution.DurbinCdf(n, x);
            var smirnov = 2 * KolmogorovDistribution.SmirnovSurvival(n, x);
            // 1 − CDF cancels near CDF = 1, so the comparison allows ~1e-14 absolute beside 1e-10 relative.
            return (Math.Abs(durbin - smirnov) <= 1e-10 * smirnov + 1e-14).Label($"n={n} x={x}: {durbin:R} vs {smirnov:R}");
        });

    [Theory]
    [InlineData(1000, 0.02)]
    [InlineData(1000, 0.03)]
    [InlineData(2000, 0.025)]
    [InlineData(5000, 0.012)]
    public void PelzGood_AgreesWithExactDurbin(int n, double x)
    {
        // Pelz–Good is an expansion in 1/√n; Simard & L'Ecuyer report it good to ~5 digits at these sizes.
        var exact = KolmogorovDistribution.DurbinCdf(n, x);
        Assert.Equal(exact, KolmogorovDistribution.PelzGoodCdf(n, x), 1e-5);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(1.36)]
    [InlineData(1.8)]
    public void Survival_LargeN_ApproachesLimitingDistribution(double scaled)
    {
        // √n·Dₙ → K; at n = 10⁶ the O(1/√n) correction is ~1e-3 relative.
        const int n = 1_000_000;
        var limiting = SpecialFunctions.KolmogorovSurvival(scaled);
        Assert.Equal(limiting, KolmogorovDistribution.Survival(n, scaled / Math.Sqrt(n)), limiting * 5e-3);
    }

    [Property(MaxTest = 200)]
    public Property Survival_IsNonIncreasingInX() =>
        Prop.ForAll(Gen.Choose(1, 400).ToArbitrary(), Gen.Choose(1, 998).ToArbitrary(), (n, permille) =>
        {
            var x = permille / 1000.0;
            var here = KolmogorovDistribution.Survival(n, x);
            var further = KolmogorovDistribution.Survival(n, x + 0.001);
            return (here >= further - 1e-12 && here <= 1 && further >= 0).Label($"n={n} x={x}: {here:R} then {further:R}");
        });
}
