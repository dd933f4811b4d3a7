using Dq.Expectations.Sketches;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Sketches;

/// <summary>The sketch against <see cref="DeequKllReference"/>, the literal model of Deequ's code: the same levels bit
/// for bit (so statistics.json's <c>sketch.data</c> matches), the same ranks and percentiles, the same merges.</summary>
public sealed class KllSketchDeequTests
{
    private sealed record Case(int Kind, int N, int Seed, int K, double C);

    private static Gen<Case> Cases() =>
        from kind in Gen.Choose(0, KllStreams.Kinds - 1)
        from n in Gen.Choose(0, 12_000)
        from seed in Gen.Choose(0, int.MaxValue - 1)
            // Small k compacts often and builds many levels, so every offset and odd-tail path runs.
        from k in Gen.Elements(2048, 200, 16, 1)
        from c in Gen.Elements(0.64, 0.5, 1.0)
        select new Case(kind, n, seed, k, c);

    [Property(MaxTest = 40)]
    public Property Update_AnyStream_SameLevelsAsDeequ() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var values = KllStreams.Make(c.Kind, c.N, c.Seed);
            var reference = Reference(values, c.K, c.C);
            var bulk = new KllSketch(c.K, c.C);
            bulk.Update(values);
            var single = new KllSketch(c.K, c.C);
            foreach (var v in values)
            {
                single.Update(v);
            }

            return (SameBits(reference.Levels, bulk.ToLevels()) && SameBits(reference.Levels, single.ToLevels())).Label(c.ToString());
        });

    [Property(MaxTest = 25)]
    public Property Merge_AnyStreams_SameLevelsAsDeequ() =>
        Prop.ForAll(Cases().ToArbitrary(), Cases().ToArbitrary(), (a, b) =>
        {
            var first = KllStreams.Make(a.Kind, a.N, a.Seed);
            var second = KllStreams.Make(b.Kind, b.N / 2, b.Seed);
            var reference = Reference(first, a.K, a.C);
            reference.Merge(Reference(second, a.K, a.C));
            var sketch = new KllSketch(a.K, a.C);
            sketch.Update(first);
            var other = new KllSketch(a.K, a.C);
            other.Update(second);

            sketch.Merge(other);

            var levelsMatch = SameBits(reference.Levels, sketch.ToLevels());
            var countMatches = sketch.Count == first.Count(v => !double.IsNaN(v)) + second.Count(v => !double.IsNaN(v));
            return (levelsMatch && countMatches).Label($"{a} + {b}: levels {levelsMatch}, count {countMatches}");
        });

    [Theory]
    [InlineData(0, 50_000, 2048)]
    [InlineData(5, 3_000, 2048)]
    [InlineData(5, 20_000, 2048)]
    [InlineData(2, 30_000, 2048)]
    [InlineData(5, 20_000, 64)]
    [InlineData(1, 20_000, 16)]
    public void Queries_CompactedSketch_SameRanksAndPercentilesAsDeequ(int kind, int n, int k)
    {
        var values = KllStreams.Make(kind, n, seed: 7);
        var reference = Reference(values, k, 0.64);
        var sketch = new KllSketch(k);
        sketch.Update(values);
        var view = sketch.ToSortedView();

        Assert.True(sketch.ToLevels().Count > 1);
        foreach (var x in view.Items.ToArray().Where((_, i) => i % 7 == 0).Concat([-1e9, 1e-3, 1e9]))
        {
            Assert.Equal(reference.GetRank(x), sketch.Rank(x));
            Assert.Equal(reference.GetRankExclusive(x), sketch.RankExclusive(x));
            Assert.Equal(reference.GetRank(x), view.Rank(x));
            Assert.Equal(reference.GetRankExclusive(x), view.RankExclusive(x));
        }
        // Deequ's computePercentiles: quantiles(100), the 1st to 99th percentile. Where Deequ's loop stopped early (its
        // later percentiles stay at the minimum), the rule applied on gives the largest item instead.
        var percentiles = sketch.Quantiles([.. Enumerable.Range(1, 99).Select(j => j / 100.0)]).Select(BitConverter.DoubleToInt64Bits);
        var expected = reference.Quantiles(100, out var computed).Select(BitConverter.DoubleToInt64Bits).Take(computed)
            .Concat(Enumerable.Repeat(BitConverter.DoubleToInt64Bits(view.Items[^1]), 99 - computed));
        Assert.Equal(expected, percentiles);
    }

    [Fact]
    public void Merge_WithItself_DoublesEveryValueLikeMergingACopy()
    {
        var values = KllStreams.Make(0, 5000, seed: 3);
        var sketch = new KllSketch();
        sketch.Update(values);
        var reference = Reference(values, 2048, 0.64);
        reference.Merge(Reference(values, 2048, 0.64));

        sketch.Merge(sketch);

        Assert.True(SameBits(reference.Levels, sketch.ToLevels()));
        Assert.Equal(10_000, sketch.Count);
    }

    private static DeequKllReference Reference(double[] values, int k, double c)
    {
        var reference = new DeequKllReference(k, c);
        foreach (var v in values.Where(v => !double.IsNaN(v)))
        {
            reference.Update(v);
        }
        return reference;
    }

    internal static bool SameBits(IReadOnlyList<double[]> expected, IReadOnlyList<double[]> actual) =>
        expected.Count == actual.Count &&
        expected.Zip(actual).All(p => p.First.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(p.Second.Select(BitConverter.DoubleToInt64Bits)));
}
