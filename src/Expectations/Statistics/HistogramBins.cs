namespace Dq.Expectations.Statistics;

/// <summary>
/// Binning for the share-based drift statistics (PSI, Jensen–Shannon): numpy's Sturges edges as Evidently uses them,
/// reference-quantile edges as credit-scoring PSI uses them, bin counting with numpy's rules, and per-value shares.
/// </summary>
public static class HistogramBins
{
    /// <summary>Evidently bins numeric columns with Sturges edges only when the reference has more than this many distinct values.</summary>
    public const int EvidentlySturgesMinimumDistinct = 20;

    /// <summary>
    /// numpy <c>histogram_bin_edges(values, bins="sturges")</c>: ⌈range/width⌉ equal bins of width
    /// <c>range/(log₂ n + 1)</c> from the minimum to the maximum (±0.5 around a constant sample).
    /// </summary>
    /// <param name="values">The data, any order, finite.</param>
    /// <param name="integerValues">True when the data has an integer type, for which numpy widens bins narrower than 1 to 1.</param>
    /// <returns>The ascending bin edges, one more than the number of bins.</returns>
    /// <exception cref="ArgumentException">The data is empty or has a NaN or infinite value.</exception>
    public static double[] Sturges(ReadOnlySpan<double> values, bool integerValues = false)
    {
        SampleChecks.RequireNonEmpty(values.Length, nameof(values));
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (!double.IsFinite(v))
            {
                SampleChecks.Throw($"The data has the non-finite value {v}; Sturges bins need a finite range. Drop NaN and infinities first.", nameof(values));
            }
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        var range = max - min;
        var width = range / (Math.Log2(values.Length) + 1.0);
        if (integerValues && width < 1)
        {
            width = 1;
        }
        var bins = width != 0 ? (int)Math.Ceiling(range / width) : 1;
        if (min == max)
        {
            min -= 0.5;
            max += 0.5;
        }
        return Linspace(min, max, bins + 1);
    }

    /// <summary>Sturges edges over the concatenation of reference and current data, as Evidently's <c>get_binned_data</c> does.</summary>
    /// <param name="reference">The reference data.</param>
    /// <param name="current">The current data.</param>
    /// <param name="integerValues">True when the column has an integer type.</param>
    /// <returns>The ascending bin edges.</returns>
    /// <exception cref="ArgumentException">Both are empty, or a value is NaN or infinite.</exception>
    public static double[] Sturges(ReadOnlySpan<double> reference, ReadOnlySpan<double> current, bool integerValues = false)
    {
        var combined = new double[reference.Length + current.Length];
        reference.CopyTo(combined);
        current.CopyTo(combined.AsSpan(reference.Length));
        return Sturges(combined, integerValues);
    }

    /// <summary>
    /// Edges at the reference's quantiles 1/bins … (bins−1)/bins (numpy's default linear interpolation) with outer
    /// edges −∞ and +∞, the usual PSI binning (deciles by default). Repeated quantiles collapse into one edge, so a
    /// heavily tied reference gives fewer, non-empty bins.
    /// </summary>
    /// <param name="sortedReference">The reference sample, ascending, without NaN.</param>
    /// <param name="bins">The number of quantile bins, at least 2.</param>
    /// <returns>The ascending, distinct bin edges starting at −∞ and ending at +∞.</returns>
    /// <exception cref="ArgumentException">The sample is empty, unsorted or contains NaN.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> is below 2.</exception>
    public static double[] ReferenceQuantiles(ReadOnlySpan<double> sortedReference, int bins = 10)
    {
        if (bins < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(bins), bins, "Quantile binning needs at least 2 bins; 10 (deciles) is usual for PSI.");
        }
        SampleChecks.RequireNonEmpty(sortedReference.Length, nameof(sortedReference));
        SampleChecks.RequireSorted(sortedReference, nameof(sortedReference));
        var edges = new List<double> { double.NegativeInfinity };
        for (var k = 1; k < bins; k++)
        {
            var q = Quantile(sortedReference, (double)k / bins);
            if (q > edges[^1])
            {
                edges.Add(q);
            }
        }
        edges.Add(double.PositiveInfinity);
        return [.. edges];
    }

    /// <summary>
    /// Counts values per bin with numpy <c>histogram</c>'s rules: bin i holds <c>edges[i] ≤ v &lt; edges[i+1]</c>, the last
    /// bin also holds its right edge, and values outside the edges (and NaN) are not counted.
    /// </summary>
    /// <param name="values">The data, any order.</param>
    /// <param name="edges">Ascending bin edges, at least two.</param>
    /// <returns>One count per bin.</returns>
    /// <exception cref="ArgumentException">There are fewer than two edges, or they are not ascending.</exception>
    public static long[] Counts(ReadOnlySpan<double> values, ReadOnlySpan<double> edges)
    {
        if (edges.Length < 2)
        {
            SampleChecks.Throw($"Binning needs at least two edges but got {edges.Length}.", nameof(edges));
        }
        SampleChecks.RequireSorted(edges, nameof(edges));
        var counts = new long[edges.Length - 1];
        foreach (var v in values)
        {
            if (!(v >= edges[0] && v <= edges[^1]))
            {
                continue;
            }
            // The last edge ≤ v; the top edge itself belongs to the last bin.
            var index = edges.BinarySearch(v);
            var bin = index >= 0 ? LastEqual(edges, index) : ~index - 1;
            counts[Math.Min(bin, counts.Length - 1)]++;
        }
        return counts;
    }

    /// <summary>Counts and shares of both sides over the union of their keys (Evidently's per-value binning, with no zero fill).</summary>
    /// <typeparam name="TKey">The category or value type.</typeparam>
    /// <param name="reference">The reference counts per key.</param>
    /// <param name="current">The current counts per key.</param>
    /// <returns>The aligned counts and shares over the keys counted on either side, sorted (ordinal for strings).</returns>
    /// <exception cref="ArgumentException">A side is empty, has a negative count, or totals zero.</exception>
    public static AlignedShares<TKey> ValueShares<TKey>(IReadOnlyDictionary<TKey, long> reference, IReadOnlyDictionary<TKey, long> current)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(current);
        // Keys counted 0 on both sides are dropped: they would add an empty category (and a degree of freedom) that
        // pandas' value_counts, which Evidently bins with, never produces.
        var keys = reference.Keys.Union(current.Keys).Where(k => reference.GetValueOrDefault(k) + current.GetValueOrDefault(k) > 0).ToArray();
        Array.Sort(keys, KeyOrder.Comparer<TKey>());
        var referenceCounts = keys.Select(k => reference.GetValueOrDefault(k)).ToArray();
        var currentCounts = keys.Select(k => current.GetValueOrDefault(k)).ToArray();
        return new AlignedShares<TKey>(keys, referenceCounts, currentCounts,
            KeyOrder.Shares(referenceCounts, nameof(reference)), KeyOrder.Shares(currentCounts, nameof(current)));
    }

    private static int LastEqual(ReadOnlySpan<double> edges, int index)
    {
        while (index + 1 < edges.Length && edges[index + 1] == edges[index])
        {
            index++;
        }
        return index;
    }

    // numpy.quantile's default ("linear", Hyndman–Fan type 7), including numpy's two-sided lerp for t ≥ ½.
    internal static double Quantile(ReadOnlySpan<double> sorted, double probability)
    {
        var position = (sorted.Length - 1) * probability;
        var lower = (int)Math.Floor(position);
        if (lower >= sorted.Length - 1)
        {
            return sorted[^1];
        }
        var t = position - lower;
        double a = sorted[lower], b = sorted[lower + 1];
        var difference = b - a;
        return t >= 0.5 ? b - difference * (1 - t) : a + difference * t;
    }

    // numpy.linspace: start + i·step, with the last edge set to stop exactly.
    private static double[] Linspace(double start, double stop, int count)
    {
        var result = new double[count];
        var step = (stop - start) / (count - 1);
        for (var i = 0; i < count; i++)
        {
            result[i] = i * step + start;
        }
        result[^1] = stop;
        return result;
    }
}
