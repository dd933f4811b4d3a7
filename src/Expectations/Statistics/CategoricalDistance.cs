namespace Dq.Expectations.Statistics;

/// <summary>
/// Distances and tests between two categorical distributions given as counts per key: Deequ's L∞ (with its
/// robust correction) and chi-squared, and Evidently's chi-square, z and Jensen–Shannon drift tests.
/// </summary>
/// <remarks>Keys absent on one side count 0 there. Keys are visited in a fixed order (ordinal for strings), so results never depend on dictionary order.</remarks>
public static partial class CategoricalDistance
{
    /// <summary>Deequ's categorical L∞: <c>max_k |a_k/n − b_k/m|</c> over the union of keys, on per-category probabilities.</summary>
    /// <typeparam name="TKey">The category type.</typeparam>
    /// <param name="countsA">The first distribution's counts.</param>
    /// <param name="countsB">The second distribution's counts.</param>
    /// <returns>A distance in [0, 1].</returns>
    /// <exception cref="ArgumentException">A side totals zero or has a negative count.</exception>
    public static double LInfinity<TKey>(IReadOnlyDictionary<TKey, long> countsA, IReadOnlyDictionary<TKey, long> countsB)
        where TKey : notnull
    {
        var shares = HistogramBins.ValueShares(countsA, countsB);
        var max = 0.0;
        for (var i = 0; i < shares.Keys.Length; i++)
        {
            max = Math.Max(max, Math.Abs(shares.ReferenceShares[i] - shares.CurrentShares[i]));
        }
        return max;
    }

    /// <summary>Deequ's robust categorical L∞: the simple distance less <c>c(α)·√((n + m)/(n·m))</c>, floored at 0.</summary>
    /// <typeparam name="TKey">The category type.</typeparam>
    /// <param name="countsA">The first distribution's counts.</param>
    /// <param name="countsB">The second distribution's counts.</param>
    /// <param name="alpha">The significance level, or null for Deequ's default c(α) = 1.8 (see <see cref="NumericDistance.LInfinityRobust"/>).</param>
    /// <returns>The corrected distance, ≥ 0.</returns>
    /// <exception cref="ArgumentException">A side totals zero or has a negative count.</exception>
    public static double LInfinityRobust<TKey>(IReadOnlyDictionary<TKey, long> countsA, IReadOnlyDictionary<TKey, long> countsB, double? alpha = null)
        where TKey : notnull
    {
        var simple = LInfinity(countsA, countsB);
        return NumericDistance.LInfinityRobust(simple, KeyOrder.Total(countsA.Values, nameof(countsA)), KeyOrder.Total(countsB.Values, nameof(countsB)), alpha);
    }

    /// <summary>The Jensen–Shannon distance between the two sides' shares over the union of keys (Evidently's categorical <c>jensenshannon</c>).</summary>
    /// <typeparam name="TKey">The category type.</typeparam>
    /// <param name="reference">The reference counts.</param>
    /// <param name="current">The current counts.</param>
    /// <returns>The distance in [0, √(ln 2)].</returns>
    /// <exception cref="ArgumentException">A side totals zero or has a negative count.</exception>
    public static double JensenShannonDistance<TKey>(IReadOnlyDictionary<TKey, long> reference, IReadOnlyDictionary<TKey, long> current)
        where TKey : notnull
    {
        var shares = HistogramBins.ValueShares(reference, current);
        return JensenShannon.Distance(shares.ReferenceShares, shares.CurrentShares);
    }

    /// <summary>
    /// Evidently's <c>chisquare</c> test: over the union of keys, <c>f_exp = ref_count·len(cur)/len(ref)</c> against
    /// <c>f_obs = cur_count</c>, Pearson's statistic with k − 1 degrees of freedom (scipy <c>chisquare</c>). Drift when p &lt; 0.05.
    /// </summary>
    /// <typeparam name="TKey">The category type.</typeparam>
    /// <param name="reference">The reference counts.</param>
    /// <param name="current">The current counts.</param>
    /// <returns>The test outcome; a key seen only in current makes the statistic +∞ and p = 0, as with scipy; a single key gives NaN.</returns>
    /// <exception cref="ArgumentException">A side totals zero or has a negative count.</exception>
    public static ChiSquaredResult EvidentlyChiSquare<TKey>(IReadOnlyDictionary<TKey, long> reference, IReadOnlyDictionary<TKey, long> current)
        where TKey : notnull
    {
        var shares = HistogramBins.ValueShares(reference, current);
        double referenceTotal = shares.ReferenceCounts.Sum(), currentTotal = shares.CurrentCounts.Sum();
        var scale = currentTotal / referenceTotal;
        var observed = shares.CurrentCounts.Select(c => (double)c).ToArray();
        var expected = shares.ReferenceCounts.Select(c => c * scale).ToArray();
        return Pearson(observed, expected);
    }

    /// <summary>
    /// Evidently's <c>z</c> test: the shares of values other than the first key (in sorted order) on each side, compared by
    /// the pooled two-proportion z-test, two-sided. p = 1 when both sides hold one and the same value. Drift when p &lt; 0.05.
    /// </summary>
    /// <typeparam name="TKey">The category type.</typeparam>
    /// <param name="reference">The reference counts.</param>
    /// <param name="current">The current counts.</param>
    /// <returns>The z statistic and p-value.</returns>
    /// <exception cref="ArgumentException">A side totals zero or has a negative count.</exception>
    /// <remarks>
    /// The p-value is <c>2·Φ̄(|z|)</c> computed directly, where Evidently writes <c>2·(1 − Φ(|z|))</c>; they agree except
    /// that this one keeps tiny p-values instead of rounding them to 0.
    /// </remarks>
    public static ZTestResult EvidentlyZTest<TKey>(IReadOnlyDictionary<TKey, long> reference, IReadOnlyDictionary<TKey, long> current)
        where TKey : notnull
    {
        var shares = HistogramBins.ValueShares(reference, current);
        if (shares.Keys.Length == 1)
        {
            return new ZTestResult(0, 1);
        }
        // The first key in sorted order is the "0" outcome; every other key is "1".
        const int first = 0;
        double n1 = shares.ReferenceCounts.Sum(), n2 = shares.CurrentCounts.Sum();
        var p1 = (n1 - shares.ReferenceCounts[first]) / n1;
        var p2 = (n2 - shares.CurrentCounts[first]) / n2;
        var pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
        var z = (p1 - p2) / Math.Sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
        return new ZTestResult(z, double.IsNaN(z) ? double.NaN : Math.Min(1, 2 * SpecialFunctions.NormalSurvival(Math.Abs(z))));
    }

    /// <summary>Pearson's statistic and p-value (df = k − 1) for aligned observed and expected counts.</summary>
    internal static ChiSquaredResult Pearson(double[] observed, double[] expected)
    {
        if (observed.Length < 2)
        {
            return new ChiSquaredResult(double.NaN, double.NaN, 0, observed.Length);
        }
        var statistic = 0.0;
        for (var i = 0; i < observed.Length; i++)
        {
            var difference = observed[i] - expected[i];
            // An empty expected cell with nothing observed adds nothing; with something observed it is +∞ (p = 0).
            statistic += expected[i] == 0 ? (difference == 0 ? 0 : double.PositiveInfinity) : difference * difference / expected[i];
        }
        var degrees = observed.Length - 1;
        return new ChiSquaredResult(statistic, SpecialFunctions.ChiSquaredSurvival(statistic, degrees), degrees, observed.Length);
    }
}
