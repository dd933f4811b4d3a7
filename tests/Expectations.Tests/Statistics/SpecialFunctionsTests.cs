using Dq.Expectations.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Statistics;

/// <summary>Special functions against published values and closed forms that do not share their algorithm.</summary>
public sealed class SpecialFunctionsTests
{
    private static void AssertRelative(double expected, double actual, double tolerance) =>
        Assert.True(Math.Abs(actual - expected) <= tolerance * Math.Abs(expected), $"expected {expected:R}, got {actual:R}");

    [Theory]
    // Verified vectors from monitoring-reference.md §1d and the 5% point of χ²(1).
    [InlineData(3.841459, 1, 0.05, 1e-6)]
    [InlineData(28.175042782458068, 5, 3.3640191298478506e-5, 1e-10)]
    public void ChiSquaredSurvival_VerifiedVectors(double statistic, double df, double expected, double tolerance) =>
        AssertRelative(expected, SpecialFunctions.ChiSquaredSurvival(statistic, df), tolerance);

    [Theory]
    // Upper critical values from standard chi-square tables (3 decimals, so the check is to 1e-4 absolute).
    [InlineData(11.070, 5, 0.05)]
    [InlineData(18.307, 10, 0.05)]
    [InlineData(43.773, 30, 0.05)]
    [InlineData(124.342, 100, 0.05)]
    [InlineData(9.210, 2, 0.01)]
    [InlineData(23.209, 10, 0.01)]
    [InlineData(0.00393, 1, 0.95)]
    public void ChiSquaredSurvival_TableCriticalValues(double statistic, double df, double expected) =>
        Assert.Equal(expected, SpecialFunctions.ChiSquaredSurvival(statistic, df), 1e-4);

    [Property(MaxTest = 300)]
    public Property RegularizedGammaQ_IntegerShape_EqualsPoissonSum() =>
        // For integer a, Q(a, x) = e^−x Σ_{i<a} xⁱ/i! (the Poisson CDF), a sum of positive terms computed naively here.
        Prop.ForAll(Gen.Choose(1, 40).ToArbitrary(), Gen.Choose(1, 8000).Select(i => i / 80.0).ToArbitrary(), (a, x) =>
        {
            var sum = 0.0;
            var term = 1.0;
            for (var i = 0; i < a; i++)
            {
                sum += term;
                term *= x / (i + 1);
            }
            var expected = Math.Exp(-x) * sum;
            var actual = SpecialFunctions.RegularizedGammaQ(a, x);
            return (Math.Abs(actual - expected) <= 1e-12 * expected + 1e-300).Label($"Q({a}, {x}) = {actual:R}, expected {expected:R}");
        });

    [Property(MaxTest = 300)]
    public Property RegularizedGamma_PAndQ_SumToOne() =>
        Prop.ForAll(Gen.Choose(1, 4000).Select(i => i / 40.0).ToArbitrary(), Gen.Choose(0, 8000).Select(i => i / 40.0).ToArbitrary(), (a, x) =>
            Math.Abs(SpecialFunctions.RegularizedGammaP(a, x) + SpecialFunctions.RegularizedGammaQ(a, x) - 1) < 1e-13);

    [Theory]
    // erfc tables (Abramowitz & Stegun table 7.1 to its precision; full digits as printed by CPython's math.erfc).
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1, 0.15729920705028513)]
    [InlineData(2, 0.004677734981047265)]
    [InlineData(3, 2.2090496998585438e-05)]
    [InlineData(4, 1.541725790028002e-08)]
    [InlineData(5, 1.5374597944280351e-12)]
    [InlineData(10, 2.088487583762545e-45)]
    [InlineData(0, 1)]
    public void Erfc_TableValues(double x, double expected)
    {
        AssertRelative(expected, SpecialFunctions.Erfc(x), 1e-13);
        AssertRelative(2 - expected, SpecialFunctions.Erfc(-x), 1e-15);
    }

    [Theory]
    // Q(z) = 1 − Φ(z), published values of the normal upper tail.
    [InlineData(1.959963984540054, 0.025)]
    [InlineData(4, 3.1671241833119863e-05)]
    [InlineData(5, 2.8665157187919391e-07)]
    [InlineData(10, 7.6198530241605260e-24)]
    [InlineData(20, 2.7536241186062337e-89)]
    public void NormalSurvival_TailValues(double z, double expected)
    {
        AssertRelative(expected, SpecialFunctions.NormalSurvival(z), 1e-12);
        AssertRelative(expected, SpecialFunctions.NormalCdf(-z), 1e-12);
        AssertRelative(1 - expected, SpecialFunctions.NormalCdf(z), 1e-15);
    }

    [Fact]
    public void NormalCdf_AtZero_IsOneHalf() => Assert.Equal(0.5, SpecialFunctions.NormalCdf(0), 1e-16);

    [Property(MaxTest = 200)]
    public Property LogGamma_Integers_EqualLogFactorialSum() =>
        Prop.ForAll(Gen.Choose(1, 400).ToArbitrary(), n =>
        {
            // ln Γ(n) = ln (n−1)! = Σ_{k<n} ln k, summed naively.
            var expected = 0.0;
            for (var k = 2; k < n; k++)
            {
                expected += Math.Log(k);
            }
            return Math.Abs(SpecialFunctions.LogGamma(n) - expected) <= 1e-13 * Math.Max(1, Math.Abs(expected));
        });

    [Property(MaxTest = 300)]
    public Property LogGamma_SatisfiesRecurrence() =>
        // Γ(x + 1) = x·Γ(x): an identity the Lanczos sum does not build in.
        Prop.ForAll(Gen.Choose(1, 100_000).Select(i => i / 1000.0).ToArbitrary(), x =>
            Math.Abs(SpecialFunctions.LogGamma(x + 1) - SpecialFunctions.LogGamma(x) - Math.Log(x)) <= 1e-12 * Math.Max(1, Math.Abs(SpecialFunctions.LogGamma(x + 1))));

    [Fact]
    public void LogGamma_Half_IsLogSqrtPi() => Assert.Equal(Math.Log(Math.Sqrt(Math.PI)), SpecialFunctions.LogGamma(0.5), 1e-14);

    [Theory]
    // Critical values of Kolmogorov's limiting distribution K (Smirnov's table): P(K ≥ x) = α.
    [InlineData(1.2238, 0.10)]
    [InlineData(1.3581, 0.05)]
    [InlineData(1.6276, 0.01)]
    [InlineData(1.9495, 0.001)]
    public void KolmogorovSurvival_CriticalValues(double x, double alpha) =>
        Assert.Equal(alpha, SpecialFunctions.KolmogorovSurvival(x), alpha * 1e-3);

    [Property(MaxTest = 200)]
    public Property KolmogorovSurvival_BothSeriesAgree() =>
        // The alternating series and the theta-transformed series are different expansions of one function.
        Prop.ForAll(Gen.Choose(500, 1500).Select(i => i / 1000.0).ToArbitrary(), x =>
        {
            var alternating = 0.0;
            for (var k = 1; k <= 50; k++)
            {
                alternating += (k % 2 == 1 ? 2 : -2) * Math.Exp(-2.0 * k * k * x * x);
            }
            return Math.Abs(1 - SpecialFunctions.KolmogorovCdfSmallArgument(x) - alternating) < 1e-14
                && Math.Abs(SpecialFunctions.KolmogorovSurvival(x) - alternating) < 1e-14;
        });
}
