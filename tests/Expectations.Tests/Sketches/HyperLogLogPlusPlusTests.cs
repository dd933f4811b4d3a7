using Dq.Expectations.Sketches;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Sketches;

/// <summary>The distinct-count sketch against a <see cref="HashSet{T}"/>: exact for small sets, within three standard
/// errors (3·1.04/√2^p) for large ones, and merges that equal the sketch of the union.</summary>
public sealed class HyperLogLogPlusPlusTests
{
    [Property(MaxTest = 60)]
    public Property Estimate_UpToExactLimitDistinct_EqualsHashSetCount() =>
        Prop.ForAll(Gen.Choose(0, 2 * HyperLogLogPlusPlus.ExactLimit).ToArbitrary(), Gen.Choose(1, 5000).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (n, range, seed) =>
        {
            // Values drawn from a range of 1..5000 integers: repeats, and up to a few thousand distinct.
            var random = new Random(seed);
            var values = Enumerable.Range(0, n).Select(_ => (long)random.Next(range)).ToArray();
            var distinct = values.ToHashSet().Count;
            var sketch = new HyperLogLogPlusPlus();
            foreach (var v in values)
            {
                sketch.Add(SketchHash.Int64(v));
            }

            var exactExpected = distinct <= HyperLogLogPlusPlus.ExactLimit;
            return (sketch.IsExact == exactExpected && (!exactExpected || sketch.Estimate() == distinct))
                .Label($"{distinct} distinct: estimate {sketch.Estimate()}, exact {sketch.IsExact}");
        });

    [Fact]
    public void Add_AtTheExactLimit_StaysExactThenTurnsDense()
    {
        var sketch = new HyperLogLogPlusPlus();
        for (var i = 0; i < HyperLogLogPlusPlus.ExactLimit; i++)
        {
            sketch.Add(SketchHash.Int64(i));
        }
        sketch.Add(0); // the hash 0 itself, held apart from the table's empty slots
        sketch.Add(0);
        Assert.False(sketch.IsExact); // 4097 distinct hashes

        var exact = new HyperLogLogPlusPlus();
        for (var i = 0; i < HyperLogLogPlusPlus.ExactLimit; i++)
        {
            exact.Add((ulong)i); // poorly mixed hashes, including 0, still counted exactly
        }
        Assert.True(exact.IsExact);
        Assert.Equal(HyperLogLogPlusPlus.ExactLimit, exact.Estimate());
        Assert.InRange(sketch.Estimate(), 4097 * 0.97, 4097 * 1.03);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(9)]
    [InlineData(12)]
    [InlineData(14)]
    [InlineData(16)]
    [InlineData(18)]
    public void Estimate_LargeSets_WithinThreeStandardErrors(int precision)
    {
        var bound = 3 * 1.04 / Math.Sqrt(1 << precision);
        foreach (var (n, seed) in new[] { (100_000, 1), (100_000, 2), (300_000, 3), (1_000_000, 4) })
        {
            // Distinct values: a random odd multiplier makes i ↦ a·i + b a bijection on 64-bit integers.
            var random = new Random(seed * 31 + precision);
            var a = random.NextInt64() | 1;
            var b = random.NextInt64();
            var sketch = new HyperLogLogPlusPlus(precision);
            for (long i = 0; i < n; i++)
            {
                sketch.Add(SketchHash.Int64(unchecked(a * i + b)));
            }

            var error = Math.Abs(sketch.Estimate() - n) / (double)n;

            Assert.True(error <= bound, $"p {precision}, n {n}, seed {seed}: relative error {error:P3} > {bound:P3}");
        }
    }

    [Theory]
    [InlineData(1000, 1500, 500)]     // both exact, union exact
    [InlineData(3000, 3000, 1000)]    // both exact, union over the limit
    [InlineData(200_000, 2000, 1000)] // dense with exact
    [InlineData(2000, 200_000, 1000)] // exact with dense
    [InlineData(150_000, 250_000, 50_000)]
    public void Merge_EqualsTheSketchOfTheUnion(int left, int right, int overlap)
    {
        // Left holds 0..left−1, right holds left−overlap..left−overlap+right−1.
        var a = Sketch(0, left);
        var b = Sketch(left - overlap, right);
        var union = Sketch(0, left - overlap + right);

        var merged = a.Clone();
        merged.Merge(b);
        var mergedOtherWay = b.Clone();
        mergedOtherWay.Merge(a);

        Assert.Equal(union.Estimate(), merged.Estimate());
        Assert.Equal(union.Estimate(), mergedOtherWay.Estimate());
        Assert.Equal(union.IsExact, merged.IsExact);
        Assert.Equal(Sketch(0, left).Estimate(), a.Estimate()); // the merge changed only the copy
    }

    [Theory]
    [InlineData(3000)]
    [InlineData(100_000)]
    public void Add_Again_ChangesNothing(int n)
    {
        var once = Sketch(0, n);
        var twice = Sketch(0, n);
        for (var i = n - 1; i >= 0; i--)
        {
            twice.Add(SketchHash.Int64(i));
        }
        twice.Merge(twice);
        twice.Merge(once);

        Assert.Equal(once.Estimate(), twice.Estimate());
        Assert.Equal(once.IsExact, twice.IsExact);
    }

    [Fact]
    public void Arguments_BadPrecision_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new HyperLogLogPlusPlus(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => new HyperLogLogPlusPlus(19));
        var error = Assert.Throws<ArgumentException>(() => new HyperLogLogPlusPlus(14).Merge(new HyperLogLogPlusPlus(12)));
        Assert.Contains("precision 12", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, new HyperLogLogPlusPlus().Estimate());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.1)]
    [InlineData(0.5)]
    [InlineData(0.9)]
    [InlineData(0.999)]
    public void SigmaAndTau_EqualTheirSeriesSummedDirectly(double x)
    {
        // σ(x) = x + Σ_{k≥1} x^(2^k)·2^(k−1);  τ(x) = (1 − x − Σ_{k≥1} (1 − x^(2^−k))²·2^−k) / 3  (Ertl 2017, eqs. for σ, τ).
        var sigma = x + Enumerable.Range(1, 40).Sum(k => Math.Pow(x, Math.Pow(2, k)) * Math.Pow(2, k - 1));
        var tau = (1 - x - Enumerable.Range(1, 60).Sum(k => Math.Pow(1 - Math.Pow(x, Math.Pow(2, -k)), 2) * Math.Pow(2, -k))) / 3;

        Assert.Equal(sigma, ErtlEstimator.Sigma(x), 1e-12 * Math.Max(1, sigma)); // relative: σ(0.999) ≈ 721
        Assert.Equal(tau, ErtlEstimator.Tau(x), 1e-12);
    }

    private static HyperLogLogPlusPlus Sketch(long start, long count)
    {
        var sketch = new HyperLogLogPlusPlus();
        for (var i = start; i < start + count; i++)
        {
            sketch.Add(SketchHash.Int64(i));
        }
        return sketch;
    }
}
