namespace Dq.Expectations.Statistics;

public static partial class CategoricalDistance
{
    /// <summary>
    /// Deequ's categorical chi-squared test (<c>Distance.categoricalDistance</c> with <c>ChisquareMethod</c>): current
    /// counts observed against baseline counts scaled to the current total, after regrouping small categories.
    /// </summary>
    /// <typeparam name="TKey">The category type.</typeparam>
    /// <param name="current">The observed (current) counts. Categories absent from the baseline are ignored.</param>
    /// <param name="baseline">The expected (baseline) counts. Baseline categories absent from current count 0.</param>
    /// <param name="absoluteThresholdYates">With more than 2 categories, the expected count a category should reach (Yates: 5).</param>
    /// <param name="percentThresholdYates">With more than 2 categories, the share of categories allowed below that count (Yates: 0.2).</param>
    /// <param name="absoluteThresholdCochran">With exactly 2 categories, the expected count each must reach (Cochran: 10).</param>
    /// <returns>
    /// χ², its p-value and the degrees of freedom; NaN statistic and p-value when fewer than 2 categories remain
    /// (Deequ returns the p-value by default and the statistic with its flag).
    /// </returns>
    /// <exception cref="ArgumentException">The baseline totals zero or a count is negative.</exception>
    /// <remarks>
    /// Steps: drop current-only categories; scale expected by Σcurrent(over baseline keys)/Σbaseline; while more than
    /// ⌊0.2·K⌋ expected counts are below 5 (K &gt; 2), or any is below 10 (K = 2), merge the smallest expected category
    /// into the second smallest. Where Deequ breaks ties between equal expected counts by hash-map order, this takes
    /// the first in key order, so a result never depends on hashing. The p-value is computed directly as the upper
    /// tail (Spark computes 1 − CDF, which rounds p-values below ~1e-16 to 0). An expected count of 0 with a non-zero
    /// observation makes χ² = +∞ and p = 0, where Spark would throw.
    /// </remarks>
    public static ChiSquaredResult DeequChiSquared<TKey>(
        IReadOnlyDictionary<TKey, long> current,
        IReadOnlyDictionary<TKey, long> baseline,
        int absoluteThresholdYates = 5,
        double percentThresholdYates = 0.2,
        int absoluteThresholdCochran = 10)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(baseline);
        var baselineTotal = KeyOrder.Total(baseline.Values, nameof(baseline));
        foreach (var count in current.Values)
        {
            if (count < 0)
            {
                SampleChecks.Throw($"'{nameof(current)}' has a negative count ({count}); counts must be ≥ 0.", nameof(current));
            }
        }

        var keys = baseline.Keys.ToList();
        keys.Sort(KeyOrder.Comparer<TKey>());
        double currentTotal = keys.Sum(k => (double)current.GetValueOrDefault(k));
        var groups = keys.Select(k => new Group(current.GetValueOrDefault(k), baseline[k] / (double)baselineTotal * currentTotal)).ToList();

        Regroup(groups, absoluteThresholdYates, percentThresholdYates, absoluteThresholdCochran);
        if (groups.Count < 2)
        {
            return new ChiSquaredResult(double.NaN, double.NaN, 0, groups.Count);
        }
        var observed = groups.Select(g => g.Observed).ToArray();
        var expected = groups.Select(g => g.Expected).ToArray();
        // Spark's chiSqTest rescales expected to the observed total unless they already agree to 1e-7.
        double observedSum = observed.Sum(), expectedSum = expected.Sum();
        if (Math.Abs(observedSum - expectedSum) >= 1e-7)
        {
            var scale = observedSum / expectedSum;
            for (var i = 0; i < expected.Length; i++)
            {
                expected[i] *= scale;
            }
        }
        return Pearson(observed, expected);
    }

    private static void Regroup(List<Group> groups, int absoluteYates, double percentYates, int absoluteCochran)
    {
        while (groups.Count >= 2)
        {
            var threshold = groups.Count > 2 ? absoluteYates : absoluteCochran;
            // Deequ truncates the double product, so 0.2·5 allows 1 category below threshold and 0.2·4 none.
            var allowedBelow = groups.Count > 2 ? (int)(percentYates * groups.Count) : 0;
            if (groups.Count(g => g.Expected < threshold) <= allowedBelow)
            {
                return;
            }
            var smallest = IndexOfSmallest(groups);
            var removed = groups[smallest];
            groups.RemoveAt(smallest);
            var second = IndexOfSmallest(groups);
            groups[second] = new Group(groups[second].Observed + removed.Observed, groups[second].Expected + removed.Expected);
        }
    }

    private static int IndexOfSmallest(List<Group> groups)
    {
        var best = 0;
        for (var i = 1; i < groups.Count; i++)
        {
            if (groups[i].Expected < groups[best].Expected)
            {
                best = i;
            }
        }
        return best;
    }

    private readonly record struct Group(double Observed, double Expected);
}
