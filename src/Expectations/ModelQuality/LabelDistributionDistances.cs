namespace Dq.Expectations.ModelQuality;

/// <summary>
/// Clarify's pre-training distances between the label distributions of two facets (kl, js, lp, tvd, ks), given the
/// label counts of each facet over the same categories in the same order.
/// </summary>
/// <remarks>
/// Clarify (smclarify <c>util.pdfs_aligned_nonzero</c>) normalises each facet's counts to probabilities and then keeps
/// only the categories whose probability is non-zero in <em>both</em> facets. That is reproduced on purpose, so dq's
/// numbers match Clarify's, though it departs from the textbook definitions: KL never becomes ∞ and can be
/// negative (Clarify's own test: Pa = (.4, .6), Pd = (1, 0) gives 0.4·ln 0.4 = −0.3665), and L1/TVD ignore the mass of
/// a category only one facet has. With no common category (for instance an empty facet) the value is NaN, where
/// Clarify raises "No instance of common facet found".
/// </remarks>
internal static class LabelDistributionDistances
{
    /// <summary>The names accepted by <see cref="Compute"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = ["kl", "js", "lp", "tvd", "ks"];

    /// <summary>The distance <paramref name="metric"/> between the two facets' label distributions.</summary>
    /// <param name="metric">kl, js, lp (p = 2), tvd or ks.</param>
    /// <param name="advantagedCounts">Rows of facet a per label category.</param>
    /// <param name="sensitiveCounts">Rows of facet d per label category, in the same category order.</param>
    /// <exception cref="ArgumentException">Unknown metric, spans of different lengths, or a negative count.</exception>
    public static double Compute(string metric, ReadOnlySpan<long> advantagedCounts, ReadOnlySpan<long> sensitiveCounts)
    {
        ArgumentNullException.ThrowIfNull(metric);
        if (!MetricNames.IsAccepted(Names, metric))
        {
            ModelQualityThrow.UnknownMetric("label distribution", metric, Names);
        }
        if (advantagedCounts.Length != sensitiveCounts.Length)
        {
            throw new ArgumentException(
                $"The facets have counts for {advantagedCounts.Length} and {sensitiveCounts.Length} label categories; pass both over the same categories.",
                nameof(sensitiveCounts));
        }
        var (pa, pd) = AlignedNonZero(advantagedCounts, sensitiveCounts);
        if (pa.Count == 0)
        {
            return double.NaN;
        }
        double sum = 0, max = 0;
        for (var i = 0; i < pa.Count; i++)
        {
            var gap = Math.Abs(pa[i] - pd[i]);
            switch (metric)
            {
                case "kl":
                    sum += pa[i] * Math.Log(pa[i] / pd[i]);
                    break;
                case "js":
                    var mixture = 0.5 * (pa[i] + pd[i]);
                    sum += (pa[i] * Math.Log(pa[i] / mixture)) + (pd[i] * Math.Log(pd[i] / mixture));
                    break;
                case "lp":
                    sum += gap * gap;
                    break;
                case "tvd":
                    sum += gap;
                    break;
                default:
                    max = Math.Max(max, gap);
                    break;
            }
        }
        return metric switch
        {
            "kl" => sum,
            "js" or "tvd" => 0.5 * sum,
            "lp" => Math.Sqrt(sum),
            _ => max,
        };
    }

    private static (List<double> Advantaged, List<double> Sensitive) AlignedNonZero(ReadOnlySpan<long> a, ReadOnlySpan<long> d)
    {
        long totalA = 0, totalD = 0;
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] < 0 || d[i] < 0)
            {
                throw new ArgumentException($"Label category {i} has a negative count ({a[i]}, {d[i]}); counts are rows.", nameof(a));
            }
            totalA += a[i];
            totalD += d[i];
        }
        var pa = new List<double>(a.Length);
        var pd = new List<double>(a.Length);
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] > 0 && d[i] > 0)
            {
                pa.Add((double)a[i] / totalA);
                pd.Add((double)d[i] / totalD);
            }
        }
        return (pa, pd);
    }
}
