namespace Dq.Expectations.Statistics;

/// <summary>
/// Evidently's default per-column drift tests (<c>stattests/registry.py</c>, <c>_get_default_stattest</c>): which test
/// a column gets from the reference's size, the column's type and the distinct values of reference ∪ current, and
/// running that test on plain data.
/// </summary>
public static class DriftTests
{
    /// <summary>Evidently's name of the two-sample Kolmogorov–Smirnov test.</summary>
    public const string KolmogorovSmirnov = "ks";

    /// <summary>Evidently's name of the chi-square test.</summary>
    public const string ChiSquare = "chisquare";

    /// <summary>Evidently's name of the two-proportion z-test.</summary>
    public const string ZTest = "z";

    /// <summary>Evidently's name of the normed Wasserstein distance.</summary>
    public const string Wasserstein = "wasserstein";

    /// <summary>Evidently's name of the Jensen–Shannon distance.</summary>
    public const string JensenShannonName = "jensenshannon";

    /// <summary>Evidently's name of the population stability index.</summary>
    public const string Psi = "psi";

    /// <summary>Evidently's default p-value threshold (<c>StatTest.default_threshold</c>).</summary>
    public const double DefaultPValueThreshold = 0.05;

    /// <summary>Evidently's default distance threshold for <c>wasserstein</c>, <c>jensenshannon</c> and <c>psi</c>.</summary>
    public const double DefaultDistanceThreshold = 0.1;

    /// <summary>Reference sizes up to this use hypothesis tests; above it, distances.</summary>
    public const long SmallReferenceRows = 1000;

    /// <summary>The test Evidently picks by default for a numeric or categorical column (text columns are not covered).</summary>
    /// <param name="referenceRows">The reference's row count (non-null values).</param>
    /// <param name="isNumeric">True for a numeric column, false for a categorical one.</param>
    /// <param name="distinctValues">The number of distinct values in reference ∪ current (NaN and ±∞ dropped).</param>
    /// <returns>The test, its default threshold and its direction.</returns>
    /// <remarks>
    /// ≤ 1000 rows: numeric with &gt; 5 values → <c>ks</c> (p ≤ 0.05); numeric with 3–5 or categorical with &gt; 2 →
    /// <c>chisquare</c> (p &lt; 0.05); ≤ 2 values → <c>z</c> (p &lt; 0.05). &gt; 1000 rows: numeric with &gt; 5 values →
    /// <c>wasserstein</c> (d ≥ 0.1); otherwise <c>jensenshannon</c> (d ≥ 0.1).
    /// </remarks>
    public static DriftTestChoice ChooseEvidentlyDefault(long referenceRows, bool isNumeric, long distinctValues)
    {
        if (referenceRows <= SmallReferenceRows)
        {
            if (isNumeric && distinctValues > 5)
            {
                return new DriftTestChoice(KolmogorovSmirnov, DefaultPValueThreshold, DriftRule.PValueAtMost);
            }
            return distinctValues > 2
                ? new DriftTestChoice(ChiSquare, DefaultPValueThreshold, DriftRule.PValueBelow)
                : new DriftTestChoice(ZTest, DefaultPValueThreshold, DriftRule.PValueBelow);
        }
        return isNumeric && distinctValues > 5
            ? new DriftTestChoice(Wasserstein, DefaultDistanceThreshold, DriftRule.DistanceAtLeast)
            : new DriftTestChoice(JensenShannonName, DefaultDistanceThreshold, DriftRule.DistanceAtLeast);
    }

    /// <summary>Runs Evidently's default test for a numeric column.</summary>
    /// <param name="reference">The reference values, any order, finite.</param>
    /// <param name="current">The current values, any order, finite.</param>
    /// <param name="threshold">A threshold overriding the test's default, or null.</param>
    /// <returns>The test's outcome.</returns>
    /// <exception cref="ArgumentException">A side is empty or has a NaN value.</exception>
    public static DriftTestResult EvaluateNumeric(ReadOnlySpan<double> reference, ReadOnlySpan<double> current, double? threshold = null)
    {
        var distinct = new HashSet<double>();
        foreach (var v in reference)
        {
            distinct.Add(v);
        }
        foreach (var v in current)
        {
            distinct.Add(v);
        }
        var choice = ChooseEvidentlyDefault(reference.Length, isNumeric: true, distinct.Count);
        return RunNumeric(choice.WithThreshold(threshold ?? choice.Threshold), reference, current);
    }

    /// <summary>Runs Evidently's default test for a categorical column given as counts per category.</summary>
    /// <typeparam name="TKey">The category type.</typeparam>
    /// <param name="reference">The reference counts.</param>
    /// <param name="current">The current counts.</param>
    /// <param name="threshold">A threshold overriding the test's default, or null.</param>
    /// <returns>The test's outcome.</returns>
    /// <exception cref="ArgumentException">A side totals zero or has a negative count.</exception>
    public static DriftTestResult EvaluateCategorical<TKey>(IReadOnlyDictionary<TKey, long> reference, IReadOnlyDictionary<TKey, long> current, double? threshold = null)
        where TKey : notnull
    {
        var shares = HistogramBins.ValueShares(reference, current);
        var choice = ChooseEvidentlyDefault(shares.ReferenceCounts.Sum(), isNumeric: false, shares.Keys.Length);
        return RunCategorical(choice.WithThreshold(threshold ?? choice.Threshold), reference, current);
    }

    /// <summary>Runs a chosen test on a numeric column (<c>ks</c>, <c>chisquare</c>, <c>z</c>, <c>wasserstein</c>, <c>jensenshannon</c> or <c>psi</c>).</summary>
    /// <param name="choice">The test, threshold and direction.</param>
    /// <param name="reference">The reference values, any order.</param>
    /// <param name="current">The current values, any order.</param>
    /// <returns>The test's outcome.</returns>
    /// <exception cref="ArgumentException">A side is empty or has a NaN value, or the method is unknown.</exception>
    /// <remarks>
    /// <c>jensenshannon</c> and <c>psi</c> bin as Evidently's <c>get_binned_data</c> does: Sturges edges over both sides
    /// when the reference has more than 20 distinct values, else per-value shares; only <c>psi</c> replaces empty bins.
    /// </remarks>
    public static DriftTestResult RunNumeric(DriftTestChoice choice, ReadOnlySpan<double> reference, ReadOnlySpan<double> current)
    {
        ArgumentNullException.ThrowIfNull(choice);
        double[] sortedReference = reference.ToArray(), sortedCurrent = current.ToArray();
        Array.Sort(sortedReference);
        Array.Sort(sortedCurrent);
        switch (choice.Method)
        {
            case KolmogorovSmirnov:
                var ks = KolmogorovSmirnovTest.TwoSample(sortedReference, sortedCurrent);
                return PValueResult(choice, ks.Statistic, ks.PValue);
            case Wasserstein:
                return DistanceResult(choice, NumericDistance.WassersteinNormed(sortedReference, sortedCurrent));
            case JensenShannonName or Psi:
                var (referenceCounts, currentCounts) = EvidentlyBins(sortedReference, sortedCurrent);
                return DistanceResult(choice, choice.Method == Psi
                    ? PopulationStabilityIndex.Evidently(referenceCounts, currentCounts).Value
                    : JensenShannon.Distance(referenceCounts.Select(c => (double)c).ToArray(), currentCounts.Select(c => (double)c).ToArray()));
            default:
                return RunCategorical(choice, ValueCounts(sortedReference), ValueCounts(sortedCurrent));
        }
    }

    /// <summary>Runs a chosen test on a categorical column (<c>chisquare</c>, <c>z</c>, <c>jensenshannon</c> or <c>psi</c>).</summary>
    /// <typeparam name="TKey">The category type.</typeparam>
    /// <param name="choice">The test, threshold and direction.</param>
    /// <param name="reference">The reference counts.</param>
    /// <param name="current">The current counts.</param>
    /// <returns>The test's outcome.</returns>
    /// <exception cref="ArgumentException">A side totals zero or has a negative count, or the method does not apply to categories.</exception>
    public static DriftTestResult RunCategorical<TKey>(DriftTestChoice choice, IReadOnlyDictionary<TKey, long> reference, IReadOnlyDictionary<TKey, long> current)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(choice);
        switch (choice.Method)
        {
            case ChiSquare:
                var chi = CategoricalDistance.EvidentlyChiSquare(reference, current);
                return PValueResult(choice, chi.Statistic, chi.PValue);
            case ZTest:
                var z = CategoricalDistance.EvidentlyZTest(reference, current);
                return PValueResult(choice, z.Z, z.PValue);
            case JensenShannonName:
                return DistanceResult(choice, CategoricalDistance.JensenShannonDistance(reference, current));
            case Psi:
                var shares = HistogramBins.ValueShares(reference, current);
                return DistanceResult(choice, PopulationStabilityIndex.Evidently(shares.ReferenceCounts, shares.CurrentCounts).Value);
            default:
                SampleChecks.Throw($"The drift method '{choice.Method}' does not apply to categorical counts. Use {ChiSquare}, {ZTest}, {JensenShannonName} or {Psi}.", nameof(choice));
                return null!;
        }
    }

    private static (long[] Reference, long[] Current) EvidentlyBins(double[] sortedReference, double[] sortedCurrent)
    {
        if (sortedReference.Distinct().Count() > HistogramBins.EvidentlySturgesMinimumDistinct)
        {
            var edges = HistogramBins.Sturges(sortedReference, sortedCurrent);
            return (HistogramBins.Counts(sortedReference, edges), HistogramBins.Counts(sortedCurrent, edges));
        }
        var shares = HistogramBins.ValueShares(ValueCounts(sortedReference), ValueCounts(sortedCurrent));
        return (shares.ReferenceCounts, shares.CurrentCounts);
    }

    private static Dictionary<double, long> ValueCounts(double[] values)
    {
        SampleChecks.RequireSorted(values, nameof(values));
        var counts = new Dictionary<double, long>();
        foreach (var v in values)
        {
            counts[v] = counts.GetValueOrDefault(v) + 1;
        }
        return counts;
    }

    private static DriftTestResult PValueResult(DriftTestChoice choice, double statistic, double pValue) =>
        new(choice.Method, statistic, pValue, choice.Threshold, choice.IsDrift(pValue));

    private static DriftTestResult DistanceResult(DriftTestChoice choice, double distance) =>
        new(choice.Method, distance, null, choice.Threshold, choice.IsDrift(distance));
}
