using Dq.Expectations.Sketches;

namespace Dq.Expectations.Tests.Sketches;

/// <summary>While it holds at most capacity(0) = 2·(⌈2048/2⌉+1) = 2050 values the sketch is exact: checked against a
/// sorted array, plus the hand-worked cases of Deequ's quantile rule and buckets.</summary>
public sealed class KllSketchExactTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 17)]
    [InlineData(5, 1000)]
    [InlineData(0, 2050)]
    [InlineData(2, 2050)]
    [InlineData(5, 2050)]
    public void RankAndQuantile_UpTo2050Values_EqualBruteForce(int kind, int n)
    {
        var values = KllStreams.Make(kind, n, seed: n);
        var sketch = new KllSketch();
        sketch.Update(values);
        var sorted = KllStreams.SortedNumbers(values);

        Assert.Single(sketch.ToLevels());
        Assert.Equal(n, sketch.Count);
        foreach (var x in sorted.Concat([-1e300, 0.5, 1e300]))
        {
            Assert.Equal(KllStreams.TrueRank(sorted, x), sketch.Rank(x));
            Assert.Equal(KllStreams.TrueRankExclusive(sorted, x), sketch.RankExclusive(x));
        }
        for (var j = 0; j <= 100; j++)
        {
            // Deequ's rule on exact data: t = j·n/100 in integers, answer sorted[min(t, n−1)].
            var expected = sorted[Math.Min(j * n / 100, n - 1)];
            Assert.Equal(expected, sketch.Quantile(j / 100.0));
        }
    }

    [Fact]
    public void Quantile_OneToHundred_DeequTakesTheItemAfterTheThreshold()
    {
        var sketch = new KllSketch();
        for (var i = 1; i <= 100; i++)
        {
            sketch.Update(i);
        }

        // t = 50: the first 50 items (1..50) reach it, the answer is the next one. q = 0.29 gives t = 29 (not 28.99…).
        Assert.Equal(51, sketch.Quantile(0.5));
        Assert.Equal(30, sketch.Quantile(0.29));
        Assert.Equal(1, sketch.Quantile(0));
        Assert.Equal(100, sketch.Quantile(1));
        Assert.Equal([1.0, 11.0, 100.0], sketch.Quantiles([0, 0.1, 0.999]));
    }

    [Fact]
    public void Capacities_DeequsBottomUpFormula_FirstCompactionAt2051()
    {
        // capacity(0) = 2·(1024+1) = 2050, capacity(1) = 2·(⌈1024·0.64⌉+1) = 1314: at 2051 items level 0 is compacted,
        // with offset 0 (first compaction): the even positions of the 2050 oldest sorted (0, 2, …, 2048) go up and the
        // 2051st value stays.
        var sketch = new KllSketch();
        for (var i = 2049; i >= 0; i--)
        {
            sketch.Update(i);
        }
        Assert.Single(sketch.ToLevels());

        sketch.Update(5000);

        var levels = sketch.ToLevels();
        Assert.Equal(2, levels.Count);
        Assert.Equal([5000.0], levels[0]);
        Assert.Equal(Enumerable.Range(0, 1025).Select(i => 2.0 * i), levels[1]);
        Assert.Equal(2051, sketch.Count);
        Assert.Equal(3 * 2, sketch.Rank(4)); // 0, 2 and 4, weight 2 each
    }

    [Fact]
    public void EqualWidthBuckets_ExactData_CountHalfOpenBucketsAndCloseTheLast()
    {
        // Values 0..20, buckets of width 2 on [0, 20]: [0,2) holds 0 and 1, …, the last [18,20] holds 18, 19 and 20.
        var sketch = new KllSketch();
        for (var i = 0; i <= 20; i++)
        {
            sketch.Update(i);
        }

        var buckets = sketch.EqualWidthBuckets(0, 20);

        Assert.Equal(10, buckets.Length);
        Assert.Equal(Enumerable.Range(0, 10).Select(i => new KllBucket(2 * i, 2 * i + 2, i == 9 ? 3 : 2)), buckets);
    }

    [Fact]
    public void EqualWidthBuckets_MinEqualsMax_OneBucketWithEverything()
    {
        var sketch = new KllSketch();
        sketch.Update([3, 3, 3, double.NaN]);

        Assert.Equal([new KllBucket(3, 3, 3)], sketch.EqualWidthBuckets(3, 3));
    }

    [Fact]
    public void EqualWidthBuckets_BoundsAreDeequsArithmetic()
    {
        var sketch = new KllSketch();
        sketch.Update([0.1, 0.7]);

        var buckets = sketch.EqualWidthBuckets(0.1, 0.7, 3);

        // start + (end − start)·i / B, evaluated left to right as Deequ does.
        Assert.Equal([0.1, 0.1 + (0.7 - 0.1) * 1 / 3.0, 0.1 + (0.7 - 0.1) * 2 / 3.0], buckets.Select(b => b.LowerBound));
        Assert.Equal(0.7, buckets[^1].UpperBound);
        Assert.Equal([1L, 0, 1], buckets.Select(b => b.Count));
    }

    [Fact]
    public void EqualWidthBuckets_DeequsLastBoundBelowMax_LastBucketStillHoldsMax()
    {
        // 0 + (0.9 − 0)·9/9 is 0.8999999999999999 in IEEE doubles (checked in Python: 0.9*9 == 8.1, 8.1/9 rounds
        // down), so Deequ's last bucket, [0.8, 0.8999999999999999], would miss 0.9.
        var sketch = new KllSketch();
        sketch.Update([0.0, 0.9]);

        var buckets = sketch.EqualWidthBuckets(0, 0.9, 9);

        Assert.Equal(0.9, buckets[^1].UpperBound);
        Assert.Equal(1, buckets[^1].Count);
        Assert.Equal(2, buckets.Sum(b => b.Count));
    }

    [Fact]
    public void Update_NaN_IgnoredAndNotCounted()
    {
        var one = new KllSketch();
        one.Update(double.NaN);
        one.Update(1);
        var span = new KllSketch();
        span.Update([double.NaN, 1, double.NaN]);

        Assert.Equal(1, one.Count);
        Assert.Equal(1, span.Count);
        Assert.Equal([1.0], one.ToLevels()[0]);
        Assert.Equal([1.0], span.ToLevels()[0]);
    }

    [Fact]
    public void Queries_EmptySketch_ZeroRanksAndNaN()
    {
        var sketch = new KllSketch();

        Assert.Equal(0, sketch.Count);
        Assert.Equal(0, sketch.Rank(1));
        Assert.True(double.IsNaN(sketch.Quantile(0.5)));
        Assert.True(double.IsNaN(sketch.ToSortedView().Cdf(1)));
        Assert.Equal([new KllBucket(0, 1, 0)], sketch.EqualWidthBuckets(0, 1, 1));
    }

    [Fact]
    public void Arguments_OutOfRange_Throw()
    {
        var sketch = new KllSketch();

        Assert.Throws<ArgumentOutOfRangeException>(() => new KllSketch(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KllSketch(2048, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new KllSketch(2048, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Quantile(1.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.Quantile(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.EqualWidthBuckets(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => sketch.EqualWidthBuckets(0, 1, 0));
        Assert.Throws<ArgumentException>(() => sketch.Merge(new KllSketch(200)));
    }
}
