using Dq.Expectations.Statistics;

namespace Dq.Expectations.Monitoring;

/// <summary>
/// Runs one drift test on a baseline's and a batch's summaries: sketches for numbers, exact counts for categories.
/// Every test is a pure function of the two summaries, so a monitor never needs the baseline's rows.
/// </summary>
internal static class DriftTestRunner
{
    /// <summary>Numeric columns with at most this many distinct values (both sketches exact) are compared per value, as Evidently does below its Sturges threshold.</summary>
    private const int PerValueLimit = HistogramBins.EvidentlySturgesMinimumDistinct;

    public static DriftTestResult Numeric(DriftTestChoice choice, NumericDistribution reference, NumericDistribution current, PsiSettings psi)
    {
        switch (choice.Method)
        {
            case DriftMethods.LInfinitySimple:
                return Decide(choice, LInfinity(reference, current), null);
            case DriftMethods.LInfinityRobust:
                return Decide(choice, NumericDistance.LInfinityRobust(LInfinity(reference, current), reference.Count, current.Count), null);
            case DriftMethods.KolmogorovSmirnov:
                {
                    var d = LInfinity(reference, current);
                    var p = KolmogorovSmirnovTest.PValue(d, Size(reference.Count), Size(current.Count)).PValue;
                    return DecideByP(choice, d, p);
                }
            case DriftMethods.WassersteinNormed:
                {
                    var distance = NumericDistance.Wasserstein(reference.Steps, current.Steps);
                    return Decide(choice, distance / Math.Max(reference.StandardDeviation, 0.001), null);
                }
            case DriftMethods.Psi:
                {
                    var edges = QuantileEdges(reference, psi.Bins);
                    var result = PopulationStabilityIndex.FromCounts(reference.BinCounts(edges), current.BinCounts(edges), psi.Epsilon);
                    return Decide(choice, result.Value, null);
                }
            case DriftMethods.JensenShannon:
                {
                    var (referenceCounts, currentCounts) = ValueOrBinCounts(reference, current);
                    return Decide(choice, CategoricalDistance.JensenShannonDistance(referenceCounts, currentCounts), null);
                }
            case DriftMethods.ChiSquared:
                {
                    var (referenceCounts, currentCounts) = ValueOrBinCounts(reference, current);
                    var test = CategoricalDistance.EvidentlyChiSquare(referenceCounts, currentCounts);
                    return DecideByP(choice, test.Statistic, test.PValue);
                }
            case DriftMethods.ZTest:
                {
                    var (referenceCounts, currentCounts) = ValueOrBinCounts(reference, current);
                    var test = CategoricalDistance.EvidentlyZTest(referenceCounts, currentCounts);
                    return DecideByP(choice, test.Z, test.PValue);
                }
            default:
                throw new ConfigurationException($"`{choice.Method}` compares categories, not numbers; for a numeric column use one of {string.Join(", ", DriftMethods.Numeric)}, {DriftMethods.ChiSquared} or {DriftMethods.ZTest}.");
        }
    }

    public static DriftTestResult Categorical<TKey>(DriftTestChoice choice, IReadOnlyDictionary<TKey, long> reference, IReadOnlyDictionary<TKey, long> current)
        where TKey : notnull
    {
        switch (choice.Method)
        {
            case DriftMethods.LInfinityCategorical:
                return Decide(choice, CategoricalDistance.LInfinity(reference, current), null);
            case DriftMethods.JensenShannon:
                return Decide(choice, CategoricalDistance.JensenShannonDistance(reference, current), null);
            case DriftMethods.ChiSquared:
                {
                    var test = CategoricalDistance.EvidentlyChiSquare(reference, current);
                    return DecideByP(choice, test.Statistic, test.PValue);
                }
            case DriftMethods.ZTest:
                {
                    var test = CategoricalDistance.EvidentlyZTest(reference, current);
                    return DecideByP(choice, test.Z, test.PValue);
                }
            default:
                throw new ConfigurationException($"`{choice.Method}` compares numeric distributions, not categories; for a categorical column use one of {string.Join(", ", DriftMethods.Categorical)} or {DriftMethods.ZTest}.");
        }
    }

    /// <summary>The number of distinct values in both distributions together (Evidently's <c>n_values</c> for its choice).</summary>
    public static long DistinctValues(NumericDistribution reference, NumericDistribution current) =>
        reference.Steps.Select(s => s.Value).Union(current.Steps.Select(s => s.Value)).LongCount();

    public static double LInfinity(NumericDistribution reference, NumericDistribution current) =>
        NumericDistance.LInfinitySimple(reference.Steps, current.Steps);

    /// <summary>Bin edges at the baseline's quantiles 1/b … (b−1)/b, outer edges at ±∞; equal quantiles merge, so discrete data gives fewer bins.</summary>
    public static double[] QuantileEdges(NumericDistribution reference, int bins)
    {
        var edges = new List<double> { double.NegativeInfinity };
        for (var i = 1; i < bins; i++)
        {
            var q = reference.Quantile((double)i / bins);
            // A bin is [edge, next edge): the step at the quantile belongs to the bin above it, so move the edge just past it.
            var edge = Math.BitIncrement(q);
            if (edge > edges[^1] && edge <= reference.Max)
            {
                edges.Add(edge);
            }
        }
        edges.Add(double.PositiveInfinity);
        return [.. edges];
    }

    /// <summary>numpy's Sturges edges over both distributions' range: ⌈log2(n + m)⌉ + 1 equal-width bins.</summary>
    public static double[] SturgesEdges(NumericDistribution reference, NumericDistribution current)
    {
        var low = Math.Min(reference.Min, current.Min);
        var high = Math.Max(reference.Max, current.Max);
        if (low == high)
        {
            (low, high) = (low - 0.5, high + 0.5); // numpy's range for a single value
        }
        var bins = (int)Math.Ceiling(Math.Log2(reference.Count + current.Count)) + 1;
        var edges = new double[bins + 1];
        for (var i = 0; i <= bins; i++)
        {
            edges[i] = i == bins ? high : low + ((high - low) * i / bins);
        }
        return edges;
    }

    /// <summary>
    /// Per-value counts while both sketches are exact and the values few (Evidently's rule), else counts over Sturges
    /// bins keyed by bin index: the inputs of the categorical tests that numeric columns also take.
    /// </summary>
    private static (Dictionary<double, long> Reference, Dictionary<double, long> Current) ValueOrBinCounts(NumericDistribution reference, NumericDistribution current)
    {
        if (reference.IsExact && current.IsExact && reference.Steps.Length <= PerValueLimit)
        {
            return (reference.ValueCounts(), current.ValueCounts());
        }
        var edges = SturgesEdges(reference, current);
        return (Indexed(reference.BinCounts(edges)), Indexed(current.BinCounts(edges)));
    }

    private static Dictionary<double, long> Indexed(long[] counts) =>
        counts.Select((count, bin) => (count, bin)).Where(x => x.count > 0).ToDictionary(x => (double)x.bin, x => x.count);

    private static int Size(long count) => (int)Math.Min(count, int.MaxValue);

    private static DriftTestResult Decide(DriftTestChoice choice, double statistic, double? pValue) =>
        new(choice.Method, statistic, pValue, choice.Threshold, choice.IsDrift(statistic));

    private static DriftTestResult DecideByP(DriftTestChoice choice, double statistic, double pValue) =>
        new(choice.Method, statistic, pValue, choice.Threshold, choice.IsDrift(pValue));
}

/// <summary>The population stability index's binning: how many bins at the baseline's quantiles, and ε for empty bins.</summary>
/// <param name="Bins">The number of quantile bins (10: deciles).</param>
/// <param name="Epsilon">The share given to an empty bin (Evidently's 1e-4).</param>
public sealed record PsiSettings(int Bins = 10, double Epsilon = 1e-4);
