using Dq.Expectations.Statistics;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Statistics;

/// <summary>The two-sample KS test against brute-force enumeration of every interleaving of the two samples.</summary>
public sealed class KolmogorovSmirnovTestTests
{
    /// <summary>P(D ≥ observed) over all C(n+m, n) equally likely interleavings, D in lattice units |i·m − j·n|.</summary>
    private static double BruteForcePValue(int n, int m, long observed)
    {
        long hits = 0, total = 0;
        var size = n + m;
        for (var mask = 0; mask < 1 << size; mask++)
        {
            if (System.Numerics.BitOperations.PopCount((uint)mask) != n)
            {
                continue;
            }
            total++;
            long i = 0, j = 0, max = 0;
            for (var bit = 0; bit < size; bit++)
            {
                if ((mask >> bit & 1) == 1)
                {
                    i++;
                }
                else
                {
                    j++;
                }
                max = Math.Max(max, Math.Abs(i * m - j * n));
            }
            if (max >= observed)
            {
                hits++;
            }
        }
        return (double)hits / total;
    }

    [Fact]
    public void TwoSample_ReferenceVector_StatisticIsOneQuarter()
    {
        var result = KolmogorovSmirnovTest.TwoSample([1, 2, 3, 4], [2, 3, 4, 5]);
        Assert.Equal(0.25, result.Statistic, 1e-15);
        Assert.Equal(KsMethod.Exact, result.Method);
        // Any interleaving of 4 and 4 differs by at least 1/4 somewhere, so P(D ≥ ¼) = 1.
        Assert.Equal(BruteForcePValue(4, 4, 4), result.PValue, 1e-15);
        Assert.Equal(1.0, result.PValue, 1e-15);
    }

    [Property(MaxTest = 150)]
    public Property ExactSurvival_EqualsBruteForce() =>
        Prop.ForAll(Gen.Choose(1, 8).ToArbitrary(), Gen.Choose(1, 8).ToArbitrary(), Gen.Choose(1, 64).ToArbitrary(), (n, m, threshold) =>
        {
            var expected = BruteForcePValue(n, m, threshold);
            var actual = KolmogorovSmirnovTest.ExactSurvival(n, m, threshold);
            return (Math.Abs(actual - expected) < 1e-12).Label($"n={n} m={m} t={threshold}: {actual:R} vs {expected:R}");
        });

    [Property(MaxTest = 150)]
    public Property TwoSample_RandomSamplesWithTies_MatchBruteForce() =>
        Prop.ForAll(SmallSample().ToArbitrary(), SmallSample().ToArbitrary(), (a, b) =>
        {
            Array.Sort(a);
            Array.Sort(b);
            var result = KolmogorovSmirnovTest.TwoSample(a, b);
            var naiveStatistic = BruteForceStatistic(a, b);
            var expectedP = BruteForcePValue(a.Length, b.Length, (long)Math.Round(naiveStatistic * a.Length * b.Length));
            return (Math.Abs(result.Statistic - naiveStatistic) < 1e-12 && Math.Abs(result.PValue - expectedP) < 1e-12)
                .Label($"D {result.Statistic} vs {naiveStatistic}, p {result.PValue} vs {expectedP}");
        });

    [Fact]
    public void PValue_FromStatistic_MatchesSampleForm()
    {
        double[] a = [0.1, 0.4, 0.5, 0.9, 1.3], b = [0.35, 0.6, 0.7, 1.5, 1.6, 1.7, 2.0];
        var fromSamples = KolmogorovSmirnovTest.TwoSample(a, b);
        var fromStatistic = KolmogorovSmirnovTest.PValue(fromSamples.Statistic, a.Length, b.Length);
        Assert.Equal(fromSamples.PValue, fromStatistic.PValue, 1e-15);
    }

    [Fact]
    public void Auto_Above10000_UsesAsymptotic_AndAgreesWithExactNearby()
    {
        var a = Enumerable.Range(0, 10_001).Select(i => i / 10_001.0).ToArray();
        var b = Enumerable.Range(0, 200).Select(i => 0.02 + i / 200.0).ToArray();
        var auto = KolmogorovSmirnovTest.TwoSample(a, b);
        Assert.Equal(KsMethod.Asymptotic, auto.Method);
        var exact = KolmogorovSmirnovTest.TwoSample(a, b, KsMethod.Exact);
        // With one sample 50× larger the two-sample law is close to the one-sample law at n ≈ 196.
        Assert.Equal(exact.PValue, auto.PValue, exact.PValue * 0.1);
    }

    [Fact]
    public void Auto_At10000_IsExact()
    {
        var a = Enumerable.Range(0, 10_000).Select(i => (double)i).ToArray();
        Assert.Equal(KsMethod.Exact, KolmogorovSmirnovTest.TwoSample(a, [1.5, 2.5]).Method);
    }

    [Fact]
    public void Asymptotic_SizesOneAndOne_IsNaNAsInScipy() =>
        Assert.True(double.IsNaN(KolmogorovSmirnovTest.AsymptoticPValue(1, 1, 1)));

    [Fact]
    public void TwoSample_UnsortedInput_Throws() =>
        Assert.Throws<ArgumentException>(() => KolmogorovSmirnovTest.TwoSample([2, 1], [1, 2]));

    private static double BruteForceStatistic(double[] a, double[] b) =>
        a.Concat(b).Max(x => Math.Abs(a.Count(v => v <= x) / (double)a.Length - b.Count(v => v <= x) / (double)b.Length));

    private static Gen<double[]> SmallSample() =>
        Gen.Choose(1, 7).SelectMany(length => Gen.Choose(0, 6).Select(i => (double)i).ArrayOf(length));
}
