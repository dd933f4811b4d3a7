namespace Dq.Expectations.Statistics;

/// <summary>
/// The population stability index <c>PSI = Σ (ref% − cur%)·ln(ref%/cur%)</c> over matching bins, in the three forms
/// the monitored systems use: Deequ's (no epsilon: an empty bin on one side gives +∞), a fixed epsilon for empty
/// bins, and Evidently's zero-replacement rule. Conventional reading: &lt; 0.1 stable, 0.1–0.25 moderate, &gt; 0.25 major.
/// </summary>
public static class PopulationStabilityIndex
{
    /// <summary>Evidently's default PSI threshold: drift when PSI ≥ 0.1.</summary>
    public const double DefaultThreshold = 0.1;

    /// <summary>PSI over bin counts as Deequ computes it: shares are counts over each side's total, with no epsilon.</summary>
    /// <param name="referenceCounts">The reference (expected) bin counts.</param>
    /// <param name="currentCounts">The current (actual) bin counts, in the same bins.</param>
    /// <returns>The index and per-bin terms; a bin empty on exactly one side contributes +∞, and one empty on both sides NaN, as in Deequ.</returns>
    /// <exception cref="ArgumentException">The bin lists differ in length, are empty, or a side has no values.</exception>
    public static PsiResult FromCounts(ReadOnlySpan<long> referenceCounts, ReadOnlySpan<long> currentCounts)
    {
        SampleChecks.RequireSameLength(referenceCounts.Length, currentCounts.Length, nameof(referenceCounts), nameof(currentCounts));
        return Compute(Shares(referenceCounts, nameof(referenceCounts)), Shares(currentCounts, nameof(currentCounts)));
    }

    /// <summary>PSI over bin counts with every empty bin's share replaced by <paramref name="epsilon"/> on that side.</summary>
    /// <param name="referenceCounts">The reference bin counts.</param>
    /// <param name="currentCounts">The current bin counts, in the same bins.</param>
    /// <param name="epsilon">The share given to an empty bin, for example 1e-4; 0 means no replacement (Deequ).</param>
    /// <returns>The index and per-bin terms.</returns>
    /// <exception cref="ArgumentException">The bin lists differ in length, are empty, or a side has no values.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epsilon"/> is negative or not finite.</exception>
    public static PsiResult FromCounts(ReadOnlySpan<long> referenceCounts, ReadOnlySpan<long> currentCounts, double epsilon)
    {
        if (!(epsilon >= 0) || double.IsInfinity(epsilon))
        {
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "The PSI epsilon must be a finite share ≥ 0, for example 1e-4.");
        }
        SampleChecks.RequireSameLength(referenceCounts.Length, currentCounts.Length, nameof(referenceCounts), nameof(currentCounts));
        var reference = Shares(referenceCounts, nameof(referenceCounts));
        var current = Shares(currentCounts, nameof(currentCounts));
        if (epsilon > 0)
        {
            ReplaceZeros(reference, epsilon);
            ReplaceZeros(current, epsilon);
        }
        return Compute(reference, current);
    }

    /// <summary>
    /// PSI as Evidently computes it (<c>psi</c> stat test): each side's empty bins get <c>min_nonzero/10⁶</c> when that
    /// side's smallest non-zero share is ≤ 1e-4, else 1e-4.
    /// </summary>
    /// <param name="referenceCounts">The reference bin counts.</param>
    /// <param name="currentCounts">The current bin counts, in the same bins.</param>
    /// <returns>The index and per-bin terms.</returns>
    /// <exception cref="ArgumentException">The bin lists differ in length, are empty, or a side has no values.</exception>
    public static PsiResult Evidently(ReadOnlySpan<long> referenceCounts, ReadOnlySpan<long> currentCounts)
    {
        SampleChecks.RequireSameLength(referenceCounts.Length, currentCounts.Length, nameof(referenceCounts), nameof(currentCounts));
        var reference = Shares(referenceCounts, nameof(referenceCounts));
        var current = Shares(currentCounts, nameof(currentCounts));
        ReplaceZeros(reference, EvidentlyZeroReplacement(reference));
        ReplaceZeros(current, EvidentlyZeroReplacement(current));
        return Compute(reference, current);
    }

    /// <summary>Evidently's share for an empty bin: <c>min_nonzero/10⁶</c> if the smallest non-zero share is ≤ 1e-4, else 1e-4.</summary>
    /// <param name="shares">One side's bin shares.</param>
    /// <returns>The replacement share.</returns>
    public static double EvidentlyZeroReplacement(ReadOnlySpan<double> shares)
    {
        var minimum = double.PositiveInfinity;
        foreach (var share in shares)
        {
            if (share != 0 && share < minimum)
            {
                minimum = share;
            }
        }
        return minimum <= 1e-4 ? minimum / 1e6 : 1e-4;
    }

    /// <summary>PSI over shares already computed (and already zero-adjusted as the caller wants).</summary>
    /// <param name="referenceShares">The reference shares.</param>
    /// <param name="currentShares">The current shares, in the same bins.</param>
    /// <returns>The index and per-bin terms.</returns>
    /// <exception cref="ArgumentException">The share lists differ in length or are empty.</exception>
    public static PsiResult FromShares(ReadOnlySpan<double> referenceShares, ReadOnlySpan<double> currentShares)
    {
        SampleChecks.RequireSameLength(referenceShares.Length, currentShares.Length, nameof(referenceShares), nameof(currentShares));
        SampleChecks.RequireNonEmpty(referenceShares.Length, nameof(referenceShares));
        return Compute(referenceShares.ToArray(), currentShares.ToArray());
    }

    private static PsiResult Compute(double[] reference, double[] current)
    {
        var contributions = new double[reference.Length];
        var sum = 0.0;
        for (var i = 0; i < reference.Length; i++)
        {
            contributions[i] = (reference[i] - current[i]) * Math.Log(reference[i] / current[i]);
            sum += contributions[i];
        }
        return new PsiResult(sum, contributions, reference, current);
    }

    private static double[] Shares(ReadOnlySpan<long> counts, string parameter)
    {
        SampleChecks.RequireNonEmpty(counts.Length, parameter);
        var total = KeyOrder.Total(counts.ToArray(), parameter);
        var shares = new double[counts.Length];
        for (var i = 0; i < counts.Length; i++)
        {
            shares[i] = (double)counts[i] / total;
        }
        return shares;
    }

    private static void ReplaceZeros(double[] shares, double replacement)
    {
        for (var i = 0; i < shares.Length; i++)
        {
            if (shares[i] == 0)
            {
                shares[i] = replacement;
            }
        }
    }
}
