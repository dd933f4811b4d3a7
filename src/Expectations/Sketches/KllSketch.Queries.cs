namespace Dq.Expectations.Sketches;

public sealed partial class KllSketch
{
    /// <summary>The estimated number of values at or below <paramref name="x"/> (Deequ's <c>getRank</c>).</summary>
    /// <remarks>Scans the sketch; for many queries use <see cref="ToSortedView"/>. NaN gives <see cref="Count"/>, as in
    /// Deequ (no item is greater than NaN).</remarks>
    /// <param name="x">The query value.</param>
    /// <returns>The weight of the items ≤ x.</returns>
    public double Rank(double x)
    {
        long rank = 0;
        for (var h = 0; h < _levels.Count; h++)
        {
            long below = 0;
            foreach (var item in _levels[h].Items)
            {
                below += item > x ? 0 : 1;
            }
            rank += below << h;
        }
        return rank;
    }

    /// <summary>The estimated number of values strictly below <paramref name="x"/> (Deequ's <c>getRankExclusive</c>).</summary>
    /// <remarks>Scans the sketch; for many queries use <see cref="ToSortedView"/>. NaN gives 0.</remarks>
    /// <param name="x">The query value.</param>
    /// <returns>The weight of the items &lt; x.</returns>
    public double RankExclusive(double x)
    {
        long rank = 0;
        for (var h = 0; h < _levels.Count; h++)
        {
            long below = 0;
            foreach (var item in _levels[h].Items)
            {
                below += item < x ? 1 : 0;
            }
            rank += below << h;
        }
        return rank;
    }

    /// <summary>The item at quantile <paramref name="q"/>, by Deequ's query rule (<c>quantiles</c>).</summary>
    /// <remarks>See <see cref="KllSortedView.Quantile"/> for the rule. Sorts the sketch each call; for several quantiles
    /// use <see cref="Quantiles"/> or <see cref="ToSortedView"/>.</remarks>
    /// <param name="q">The quantile, in [0, 1].</param>
    /// <returns>An item of the sketch, or NaN when it is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is not in [0, 1].</exception>
    public double Quantile(double q) => ToSortedView().Quantile(q);

    /// <summary>The items at several quantiles, sorting the sketch once.</summary>
    /// <param name="qs">The quantiles, each in [0, 1].</param>
    /// <returns>One item per quantile, in the same order (NaNs when the sketch is empty).</returns>
    /// <exception cref="ArgumentOutOfRangeException">A quantile is not in [0, 1].</exception>
    public double[] Quantiles(ReadOnlySpan<double> qs)
    {
        var view = ToSortedView();
        var result = new double[qs.Length];
        for (var i = 0; i < qs.Length; i++)
        {
            result[i] = view.Quantile(qs[i]);
        }
        return result;
    }

    /// <summary>
    /// Deequ's KLL buckets: <paramref name="count"/> equal-width buckets from <paramref name="min"/> to
    /// <paramref name="max"/> (normally the column's minimum and maximum). Bucket i is
    /// <c>[min+(max−min)·i/count, min+(max−min)·(i+1)/count]</c> and counts <c>RankExclusive(hi) − RankExclusive(lo)</c>,
    /// the values in [lo, hi); the last one is closed and counts <c>Rank(hi) − RankExclusive(lo)</c>.
    /// </summary>
    /// <remarks>Two departures from Deequ, both so that the counts add up to <see cref="Count"/>: the last upper bound is
    /// exactly <paramref name="max"/> (Deequ's formula can land an ulp below it and miss the largest values), and when
    /// min equals max this returns one bucket [min, max] with everything, where Deequ returns <paramref name="count"/>
    /// zero-width buckets with all but the last empty.</remarks>
    /// <param name="min">The lower bound of the first bucket.</param>
    /// <param name="max">The upper bound of the last bucket.</param>
    /// <param name="count">How many buckets; SageMaker always uses 10.</param>
    /// <returns>The buckets, lowest first.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is below 1, a bound is not finite, or
    /// <paramref name="min"/> is greater than <paramref name="max"/>.</exception>
    public KllBucket[] EqualWidthBuckets(double min, double max, int count = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!double.IsFinite(min) || !double.IsFinite(max) || min > max)
        {
            throw new ArgumentOutOfRangeException(nameof(min), $"Bucket bounds must be finite with min ≤ max; got min = {min}, max = {max}.");
        }
        var view = ToSortedView();
        if (min == max)
        {
            return [new KllBucket(min, max, view.RankCount(max) - view.RankExclusiveCount(min))];
        }
        var buckets = new KllBucket[count];
        for (var i = 0; i < count; i++)
        {
            // Deequ's arithmetic, in its order, so the bounds are the same doubles; except that the last bound is max
            // itself, since min + (max−min)·B/B can round below max and Deequ then drops the largest values.
            var low = min + (max - min) * i / count;
            var high = i == count - 1 ? max : min + (max - min) * (i + 1) / count;
            var upTo = i == count - 1 ? view.RankCount(high) : view.RankExclusiveCount(high);
            buckets[i] = new KllBucket(low, high, upTo - view.RankExclusiveCount(low));
        }
        return buckets;
    }

    /// <summary>The sketch's items sorted, with cumulative weights, for fast repeated rank, CDF and quantile queries.</summary>
    /// <returns>A snapshot: later updates to the sketch do not change it.</returns>
    public KllSortedView ToSortedView()
    {
        var values = new double[_itemCount];
        var weights = new long[_itemCount];
        var n = 0;
        for (var h = 0; h < _levels.Count; h++)
        {
            var items = _levels[h].Items;
            items.CopyTo(values.AsSpan(n));
            weights.AsSpan(n, items.Length).Fill(1L << h);
            n += items.Length;
        }
        return KllSortedView.Create(values, weights, _count);
    }
}
