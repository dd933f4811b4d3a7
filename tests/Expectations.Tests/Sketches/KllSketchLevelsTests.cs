using Dq.Expectations.Sketches;

namespace Dq.Expectations.Tests.Sketches;

/// <summary>Levels as statistics.json holds them, reproducibility, copies, the sorted view and allocation.</summary>
public sealed class KllSketchLevelsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(5, 3000)]
    [InlineData(1, 200_000)]
    public void FromLevels_ToLevels_RoundTripsExactly(int kind, int n)
    {
        var sketch = new KllSketch();
        sketch.Update(KllStreams.Make(kind, n, seed: 11));

        var rebuilt = KllSketch.FromLevels(sketch.K, sketch.C, sketch.ToLevels());

        Assert.True(KllSketchDeequTests.SameBits(sketch.ToLevels(), rebuilt.ToLevels()));
        Assert.Equal(sketch.Count, rebuilt.Count);
        Assert.Equal(sketch.Quantiles([0.1, 0.5, 0.9]), rebuilt.Quantiles([0.1, 0.5, 0.9]));
    }

    [Fact]
    public void FromLevels_StatisticsJsonData_WeighsLevelHAtTwoToTheH()
    {
        // "sketch": {"parameters": {"c": 0.64, "k": 2048.0}, "data": [[3.0, 1.0], [2.0], [], [10.0]]}
        // Weights: 3 and 1 count once, 2 twice, 10 eight times: 12 values; ≤ 2 are 1 + 2 = 3; < 10 are 4.
        var sketch = KllSketch.FromLevels(2048, 0.64, [[3.0, 1.0], [2.0], [], [10.0]]);

        Assert.Equal(12, sketch.Count);
        Assert.Equal(3, sketch.Rank(2));
        Assert.Equal(4, sketch.RankExclusive(10));
        Assert.Equal(12, sketch.Rank(10));
        Assert.Equal(4, sketch.ToLevels().Count);
    }

    [Fact]
    public void FromLevels_BadData_Throws()
    {
        Assert.Throws<ArgumentException>(() => KllSketch.FromLevels(2048, 0.64, [[1.0, double.NaN]]));
        Assert.Throws<ArgumentException>(() => KllSketch.FromLevels(2048, 0.64, [null!]));
        Assert.Throws<ArgumentOutOfRangeException>(() => KllSketch.FromLevels(0, 0.64, []));
        Assert.Equal(0, KllSketch.FromLevels(2048, 0.64, []).Count);
    }

    [Fact]
    public void Update_SameInputTwice_IdenticalLevels()
    {
        var values = KllStreams.Make(0, 150_000, seed: 5);
        var first = new KllSketch();
        var second = new KllSketch();

        first.Update(values);
        foreach (var v in values)
        {
            second.Update(v);
        }

        Assert.True(KllSketchDeequTests.SameBits(first.ToLevels(), second.ToLevels()));
    }

    [Fact]
    public void Clone_GoesOnLikeTheOriginalAndIsIndependent()
    {
        var sketch = new KllSketch(64);
        sketch.Update(KllStreams.Make(0, 10_000, seed: 1));
        var before = sketch.ToLevels();
        var clone = sketch.Clone();
        var more = KllStreams.Make(1, 10_000, seed: 2);

        clone.Update(more);
        Assert.True(KllSketchDeequTests.SameBits(before, sketch.ToLevels()));
        sketch.Update(more);

        Assert.True(KllSketchDeequTests.SameBits(sketch.ToLevels(), clone.ToLevels()));
        Assert.Equal(sketch.Count, clone.Count);
    }

    [Fact]
    public void ToSortedView_DistinctAscendingItemsWithCumulativeWeights()
    {
        var values = KllStreams.Make(2, 40_000, seed: 9);
        var sketch = new KllSketch();
        sketch.Update(values);

        var view = sketch.ToSortedView();

        var items = view.Items.ToArray();
        var cumulative = view.CumulativeWeights.ToArray();
        Assert.True(items.Zip(items.Skip(1)).All(p => p.First < p.Second));
        Assert.Equal(sketch.Count, cumulative[^1]);
        Assert.Equal(sketch.Count, view.Count);
        for (var i = 0; i < items.Length; i++)
        {
            Assert.Equal(sketch.Rank(items[i]), cumulative[i]);
            Assert.Equal(sketch.Rank(items[i]) / sketch.Count, view.Cdf(items[i]));
        }
    }

    [Fact]
    public void ToSortedView_SignedZeros_KeptApartButRankedTogether()
    {
        var sketch = new KllSketch();
        sketch.Update([0.0, -0.0, 1, -0.0]);

        var view = sketch.ToSortedView();

        Assert.Equal([BitConverter.DoubleToInt64Bits(-0.0), 0L, BitConverter.DoubleToInt64Bits(1.0)], view.Items.ToArray().Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(3, view.Rank(-0.0));
        Assert.Equal(0, view.RankExclusive(0.0));
    }

    [Fact]
    public void Update_AfterWarmUp_DoesNotAllocatePerValue()
    {
        var values = KllStreams.Make(0, 1_000_000, seed: 4);
        var sketch = new KllSketch();
        foreach (var v in values)
        {
            sketch.Update(v);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var v in values)
        {
            sketch.Update(v);
        }
        sketch.Update(values);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // 2M more values may add a level or grow a buffer (a few KB each); 8 bytes per value would be 16 MB.
        Assert.True(allocated < 100_000, $"{allocated} bytes allocated for 2,000,000 updates");
    }
}
