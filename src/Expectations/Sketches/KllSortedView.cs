namespace Dq.Expectations.Sketches;

/// <summary>
/// A <see cref="KllSketch"/>'s items sorted, with equal items combined and cumulative weights, for fast repeated
/// <see cref="Rank"/>, <see cref="Cdf"/> and <see cref="Quantile"/> queries (binary search instead of a scan).
/// </summary>
/// <remarks>
/// The numeric drift distances evaluate two sketches' CDFs at the union of their <see cref="Items"/>. Items are distinct
/// doubles in Java's total order (-0.0 and 0.0 are kept apart, -0.0 first, though they compare equal in queries).
/// Immutable, so safe to share between threads.
/// </remarks>
public sealed class KllSortedView
{
    private readonly double[] _items;
    private readonly long[] _cumulative;
    private readonly long[] _lastCopyWeight;

    private KllSortedView(double[] items, long[] cumulative, long[] lastCopyWeight, int length, long count)
    {
        _items = items;
        _cumulative = cumulative;
        _lastCopyWeight = lastCopyWeight;
        Length = length;
        Count = count;
    }

    /// <summary>The total weight: how many values the sketch summarised.</summary>
    public long Count { get; }

    /// <summary>How many distinct items there are.</summary>
    public int Length { get; }

    /// <summary>The distinct items, ascending.</summary>
    public ReadOnlySpan<double> Items => _items.AsSpan(0, Length);

    /// <summary>For each item, the weight of the items at or below it: <c>CumulativeWeights[i] = Rank(Items[i])</c>,
    /// except that -0.0 and 0.0 each get their own partial sum.</summary>
    public ReadOnlySpan<long> CumulativeWeights => _cumulative.AsSpan(0, Length);

    /// <summary>The estimated number of values at or below <paramref name="x"/>, as <see cref="KllSketch.Rank"/>.</summary>
    /// <param name="x">The query value.</param>
    /// <returns>The weight of the items ≤ x (<see cref="Count"/> for NaN).</returns>
    public double Rank(double x) => RankCount(x);

    /// <summary>The estimated number of values strictly below <paramref name="x"/>, as <see cref="KllSketch.RankExclusive"/>.</summary>
    /// <param name="x">The query value.</param>
    /// <returns>The weight of the items &lt; x (0 for NaN).</returns>
    public double RankExclusive(double x) => RankExclusiveCount(x);

    /// <summary>The estimated fraction of values at or below <paramref name="x"/>: <c>Rank(x) / Count</c>.</summary>
    /// <param name="x">The query value.</param>
    /// <returns>A fraction in [0, 1], or NaN when the sketch is empty.</returns>
    public double Cdf(double x) => Count == 0 ? double.NaN : (double)RankCount(x) / Count;

    /// <summary>
    /// The item at quantile <paramref name="q"/> by Deequ's rule (<c>QuantileNonSample.quantiles</c>): with the items
    /// sorted and t = ⌊q·Count⌋, the first item whose preceding items weigh at least t, or the last item. For q = j/100 this
    /// is Deequ's j-th percentile (a product q·Count within 1e-9 of an integer counts as that integer, so 0.29·100 is 29).
    /// </summary>
    /// <remarks>The rule returns the item just after the one reaching t: while the sketch is exact, the median of 1..100
    /// is 51 and the quantile q of n sorted values is <c>sorted[min(⌊q·n⌋, n−1)]</c>. One departure: when a threshold is
    /// first reached by the very last item, Deequ's loop stops and leaves the higher percentiles at the smallest item;
    /// here every quantile follows the rule, so those give the largest item.</remarks>
    /// <param name="q">The quantile, in [0, 1].</param>
    /// <returns>An item, or NaN when the sketch is empty.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="q"/> is not in [0, 1].</exception>
    public double Quantile(double q)
    {
        if (!(q >= 0 && q <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile must be in [0, 1].");
        }
        if (Length == 0)
        {
            return double.NaN;
        }
        var threshold = Threshold(q, Count);
        if (threshold <= 0)
        {
            return _items[0];
        }
        var run = FirstCumulativeAtLeast(threshold);
        // Deequ walks the uncombined items (equal items by level, so the heaviest copy last) and returns the one after
        // the item that reaches t: the next distinct item only if it is this run's last copy that reaches t.
        var reachedOnLastCopy = _cumulative[run] - _lastCopyWeight[run] < threshold;
        return _items[reachedOnLastCopy ? Math.Min(run + 1, Length - 1) : run];
    }

    internal long RankCount(double x) =>
        double.IsNaN(x) ? Count : UpperBound(x) is var end and > 0 ? _cumulative[end - 1] : 0;

    internal long RankExclusiveCount(double x) =>
        double.IsNaN(x) ? 0 : LowerBound(x) is var end and > 0 ? _cumulative[end - 1] : 0;

    /// <summary>Sorts the items (with their weights) and combines equal ones. Takes ownership of both arrays.</summary>
    internal static KllSortedView Create(double[] values, long[] weights, long count)
    {
        var keys = new long[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            keys[i] = TotalOrderKey(values[i]);
        }
        Array.Sort(keys, weights);

        // Combine runs of equal keys in place (run r ≤ i, so nothing unread is overwritten): values[r] becomes run r's
        // item, weights[r] the cumulative weight up to its end, lastCopy[r] its heaviest copy's weight.
        var lastCopy = new long[values.Length];
        var runs = 0;
        long cumulative = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            var weight = weights[i];
            if (runs == 0 || keys[i] != keys[i - 1])
            {
                values[runs] = FromTotalOrderKey(keys[i]);
                lastCopy[runs] = 0;
                runs++;
            }
            cumulative += weight;
            weights[runs - 1] = cumulative;
            lastCopy[runs - 1] = Math.Max(lastCopy[runs - 1], weight);
        }
        return new KllSortedView(values, weights, lastCopy, runs, count);
    }

    /// <summary>t = ⌊q·count⌋, snapping a product within 1e-9 of an integer to it (Deequ computes j·count/100 in integers).</summary>
    private static long Threshold(double q, long count)
    {
        var product = q * count;
        var nearest = Math.Round(product);
        return Math.Abs(product - nearest) <= 1e-9 * Math.Max(1.0, nearest) ? (long)nearest : (long)Math.Floor(product);
    }

    private int FirstCumulativeAtLeast(long threshold)
    {
        int low = 0, high = Length - 1;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_cumulative[middle] < threshold)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>The number of items ≤ x (IEEE comparison, so -0.0 and 0.0 go together).</summary>
    private int UpperBound(double x)
    {
        int low = 0, high = Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_items[middle] <= x)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>The number of items &lt; x.</summary>
    private int LowerBound(double x)
    {
        int low = 0, high = Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (_items[middle] < x)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>A signed key whose order is Java's Double.compare order (no NaN here): flip the magnitude bits of negatives.</summary>
    private static long TotalOrderKey(double value)
    {
        var bits = BitConverter.DoubleToInt64Bits(value);
        return bits ^ ((bits >> 63) & long.MaxValue);
    }

    private static double FromTotalOrderKey(long key) => BitConverter.Int64BitsToDouble(key ^ ((key >> 63) & long.MaxValue));
}
