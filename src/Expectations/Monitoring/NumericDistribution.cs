using Dq.Expectations.Sketches;
using Dq.Expectations.Statistics;

namespace Dq.Expectations.Monitoring;

/// <summary>
/// A numeric column's distribution as a monitor sees it: the CDF steps of its KLL sketch (exact while the sketch has
/// not compacted), its size and its population standard deviation. Baselines hold sketches, never values, so every
/// numeric drift test works on these steps.
/// </summary>
internal sealed class NumericDistribution
{
    private NumericDistribution(CdfStep[] steps, long count, double standardDeviation, bool exact)
    {
        Steps = steps;
        Count = count;
        StandardDeviation = standardDeviation;
        IsExact = exact;
    }

    /// <summary>Strictly increasing values with the weight at or below each.</summary>
    public CdfStep[] Steps { get; }

    /// <summary>How many values the distribution summarises.</summary>
    public long Count { get; }

    /// <summary>The population standard deviation of the values (from the exact moments, not the sketch).</summary>
    public double StandardDeviation { get; }

    /// <summary>Whether the steps are the values themselves (the sketch never compacted), so tests equal scipy's on the raw data.</summary>
    public bool IsExact { get; }

    public double Min => Steps[0].Value;

    public double Max => Steps[^1].Value;

    /// <summary>The distribution of a sketch; null when it is empty.</summary>
    public static NumericDistribution? FromSketch(KllSketch sketch, double standardDeviation)
    {
        if (sketch.Count == 0)
        {
            return null;
        }
        var view = sketch.ToSortedView();
        var items = view.Items;
        var weights = view.CumulativeWeights;
        var steps = new List<CdfStep>(items.Length);
        for (var i = 0; i < items.Length; i++)
        {
            // The sorted view keeps -0.0 and 0.0 apart; a CDF has one step per value, so the later one absorbs the earlier.
            if (steps.Count > 0 && steps[^1].Value == items[i])
            {
                steps[^1] = new CdfStep(items[i], weights[i]);
            }
            else
            {
                steps.Add(new CdfStep(items[i], weights[i]));
            }
        }
        var exact = sketch.ToLevels().Skip(1).All(level => level.Length == 0);
        return new NumericDistribution([.. steps], view.Count, standardDeviation, exact);
    }

    /// <summary>
    /// A coarse distribution from a statistics.json's equal-width buckets, for baselines written without a sketch:
    /// each bucket's count sits at its upper bound, so distances are approximate (documented in docs/monitoring.md).
    /// </summary>
    public static NumericDistribution? FromBuckets(IReadOnlyList<KllBucket> buckets, double standardDeviation)
    {
        var steps = new List<CdfStep>();
        long total = 0;
        foreach (var bucket in buckets.OrderBy(b => b.UpperBound))
        {
            total += bucket.Count;
            if (bucket.Count == 0)
            {
                continue;
            }
            if (steps.Count > 0 && steps[^1].Value == bucket.UpperBound)
            {
                steps[^1] = new CdfStep(bucket.UpperBound, total);
            }
            else
            {
                steps.Add(new CdfStep(bucket.UpperBound, total));
            }
        }
        return total == 0 ? null : new NumericDistribution([.. steps], total, standardDeviation, exact: false);
    }

    /// <summary>The weight of the values at or below <paramref name="x"/>.</summary>
    public double WeightAtOrBelow(double x)
    {
        var last = LastIndex(x, orEqual: true);
        return last < 0 ? 0 : Steps[last].CumulativeWeight;
    }

    private double WeightBelow(double x)
    {
        var last = LastIndex(x, orEqual: false);
        return last < 0 ? 0 : Steps[last].CumulativeWeight;
    }

    /// <summary>The index of the last step with a value below (or at, with <paramref name="orEqual"/>) x; −1 when none.</summary>
    private int LastIndex(double x, bool orEqual)
    {
        int low = 0, high = Steps.Length - 1, found = -1;
        while (low <= high)
        {
            var mid = (low + high) >>> 1;
            if (Steps[mid].Value < x || (orEqual && Steps[mid].Value == x))
            {
                found = mid;
                low = mid + 1;
            }
            else
            {
                high = mid - 1;
            }
        }
        return found;
    }

    /// <summary>The smallest value whose cumulative share reaches <paramref name="q"/> (the inverse CDF, lower).</summary>
    public double Quantile(double q)
    {
        var target = q * Count;
        foreach (var step in Steps)
        {
            if (step.CumulativeWeight >= target)
            {
                return step.Value;
            }
        }
        return Max;
    }

    /// <summary>The weight of each value (the differences between successive steps), for per-value tests on few values.</summary>
    public Dictionary<double, long> ValueCounts()
    {
        var counts = new Dictionary<double, long>(Steps.Length);
        var previous = 0.0;
        foreach (var step in Steps)
        {
            counts[step.Value] = (long)Math.Round(step.CumulativeWeight - previous);
            previous = step.CumulativeWeight;
        }
        return counts;
    }

    /// <summary>The weights of the bins between <paramref name="edges"/> (numpy's convention: right-open, the last bin closed).</summary>
    public long[] BinCounts(ReadOnlySpan<double> edges)
    {
        var counts = new long[edges.Length - 1];
        for (var b = 0; b < counts.Length; b++)
        {
            var upper = b == counts.Length - 1 ? WeightAtOrBelow(edges[b + 1]) : WeightBelow(edges[b + 1]);
            counts[b] = (long)Math.Round(upper - WeightBelow(edges[b]));
        }
        return counts;
    }
}
