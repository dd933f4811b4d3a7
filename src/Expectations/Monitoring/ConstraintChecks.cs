using System.Globalization;
using Dq.Expectations.Baselines;
using Dq.Expectations.Profiling;
using Dq.Expectations.Statistics;

namespace Dq.Expectations.Monitoring;

/// <summary>
/// SageMaker's per-feature constraint checks, each a pure function of the baseline's feature and the batch's column
/// profile. Descriptions follow SageMaker's wording and always give the observed and the expected numbers.
/// </summary>
internal static class ConstraintChecks
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    /// <summary>
    /// <c>data_type_check</c>: the share of values of the baseline's type is below 1 − datatype_check_threshold. Text
    /// columns are typed by Deequ's rules value by value; typed columns match or not as a whole (an integer column
    /// matches a Fractional baseline, since integers are real numbers). String baselines accept anything.
    /// </summary>
    public static ConstraintViolation? DataType(FeatureConstraints feature, ColumnProfile column, MonitoringConfig config)
    {
        var expected = feature.InferredType;
        if (expected is not (FeatureType.Integral or FeatureType.Fractional) || column.Present == 0)
        {
            return null;
        }
        var matching = column.TypeCounts is { } counts
            ? counts.Matching(expected)
            : TypedMatch(column.Type, expected) ? column.Present : 0;
        var share = (double)matching / column.Present;
        var required = 1 - config.DatatypeCheckThreshold;
        if (share >= required)
        {
            return null;
        }
        return new ConstraintViolation(feature.Name, ConstraintCheckTypes.DataType,
            $"Data type match requirement is not met. Expected data type: {expected}, Expected match: {Percent(required)}. "
            + $"Observed: Only {Percent(share)} of data is {expected} ({Count(matching)} of {Count(column.Present)} values; the data's type is {SageMakerTypes.Name(column.Type)}).");
    }

    private static bool TypedMatch(FeatureType actual, FeatureType expected) => expected switch
    {
        FeatureType.Integral => actual == FeatureType.Integral,
        FeatureType.Fractional => actual is FeatureType.Integral or FeatureType.Fractional,
        _ => true,
    };

    /// <summary>
    /// <c>completeness_check</c>: completeness fell below the baseline's by more than <c>margin</c> (a share) and by more
    /// than sampling noise explains: a one-sided two-proportion z-test (pooled) at level <c>alpha</c>. SageMaker compares
    /// the two shares plainly, which flags a 98.0% baseline against 97.9% today; both conditions together never fire on
    /// a same-distribution batch of tens of thousands of rows, and always fire on a drop from 98% to 70%.
    /// </summary>
    public static ConstraintViolation? Completeness(FeatureConstraints feature, long baselineRows, ColumnProfile column, MonitorSettings settings)
    {
        if (feature.Completeness is not { } expected)
        {
            return null;
        }
        var rows = column.Present + column.Missing;
        if (rows == 0)
        {
            return null;
        }
        var observed = column.Completeness;
        var margin = settings.CompletenessMargin ?? MonitorOptions.DefaultCompletenessMargin;
        var alpha = settings.CompletenessAlpha ?? MonitorOptions.DefaultCompletenessAlpha;
        var drop = expected - observed;
        if (drop <= margin)
        {
            return null;
        }
        var p = OneSidedDropPValue(expected, baselineRows, observed, rows);
        if (p >= alpha)
        {
            return null;
        }
        return new ConstraintViolation(feature.Name, ConstraintCheckTypes.Completeness,
            $"Data completeness requirement is not met. Expected completeness: {Percent(expected)}, Observed: {Percent(observed)} "
            + $"({Count(column.Missing)} of {Count(rows)} values missing; the drop of {Points(drop)} points exceeds the margin of {Points(margin)} points, "
            + $"and a one-sided two-proportion z-test gives p = {p.ToString("G3", s_invariant)} < {alpha.ToString(s_invariant)}).");
    }

    /// <summary>
    /// The p-value of "the batch's completeness is lower than the baseline's": a pooled two-proportion z-test, or a
    /// one-sample test against the baseline's share when the baseline's size is unknown.
    /// </summary>
    internal static double OneSidedDropPValue(double expected, long baselineRows, double observed, long rows)
    {
        double standardError;
        if (baselineRows > 0)
        {
            var pooled = ((expected * baselineRows) + (observed * rows)) / (baselineRows + rows);
            standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / baselineRows) + (1.0 / rows)));
        }
        else
        {
            standardError = Math.Sqrt(expected * (1 - expected) / rows);
        }
        var drop = expected - observed;
        if (standardError == 0)
        {
            return drop > 0 ? 0 : 1;
        }
        return SpecialFunctions.NormalSurvival(drop / standardError);
    }

    /// <summary><c>categorical_values_check</c>: the share of values outside the baseline's domain exceeds domain_content_threshold.</summary>
    public static ConstraintViolation? CategoricalValues(FeatureConstraints feature, ColumnProfile column, DomainCount? counted, MonitoringConfig config)
    {
        if (feature.Domains is not { Count: > 0 } domain || column.Present == 0)
        {
            return null;
        }
        var outside = counted ?? CountFromCategories(domain, column);
        if (outside is null)
        {
            return null;
        }
        var share = (double)outside.Outside / column.Present;
        if (share <= config.DomainContentThreshold)
        {
            return null;
        }
        var examples = outside.Examples.Count == 0 ? "" : $" Values outside it include {string.Join(", ", outside.Examples.Select(v => $"'{v}'"))}.";
        return new ConstraintViolation(feature.Name, ConstraintCheckTypes.CategoricalValues,
            $"Categorical values requirement is not met. Expected: at most {Percent(config.DomainContentThreshold)} of values outside the baseline's domain of {Count(domain.Count)} values, "
            + $"Observed: {Percent(share)} ({Count(outside.Outside)} of {Count(column.Present)} values).{examples}");
    }

    private static DomainCount? CountFromCategories(IReadOnlyList<string> domain, ColumnProfile column)
    {
        if (column.Categories is not { } categories)
        {
            return null;
        }
        var members = domain.ToHashSet(StringComparer.Ordinal);
        var outsiders = categories.Where(c => !members.Contains(BaselineStatistics.CategoryText(c.Value))).ToList();
        return new DomainCount(outsiders.Sum(c => c.Count), [.. outsiders.Take(DomainCount.ExampleLimit).Select(c => BaselineStatistics.CategoryText(c.Value))]);
    }

    /// <summary>A <c>baseline_drift_check</c> violation from a numeric distance.</summary>
    public static ConstraintViolation NumericDrift(string feature, double distance, double threshold, string method, long baselineCount, long currentCount) =>
        new(feature, ConstraintCheckTypes.BaselineDrift,
            $"Numerical distance: {Number(distance)} exceeds numerical threshold: {Number(threshold)} ({method} over {Count(baselineCount)} baseline and {Count(currentCount)} current values).");

    /// <summary>A <c>baseline_drift_check</c> violation from a categorical distance.</summary>
    public static ConstraintViolation CategoricalDrift(string feature, double distance, double threshold, string method) =>
        new(feature, ConstraintCheckTypes.BaselineDrift,
            $"Categorical distance: {Number(distance)} exceeds categorical threshold: {Number(threshold)} ({method}).");

    /// <summary>A <c>baseline_drift_check</c> violation from Deequ's chi-squared test.</summary>
    public static ConstraintViolation ChiSquaredDrift(string feature, ChiSquaredResult test, double threshold) =>
        new(feature, ConstraintCheckTypes.BaselineDrift,
            $"Categorical chi-squared p-value: {Number(test.PValue)} is below categorical threshold: {Number(threshold)} "
            + $"(chi-squared {Number(test.Statistic)} with {test.DegreesOfFreedom} degrees of freedom over {test.Categories} categories after regrouping).");

    public static ConstraintViolation MissingColumn(string feature, int baselineColumns, int dataColumns) =>
        new(feature, ConstraintCheckTypes.MissingColumn,
            $"There are missing columns in the current dataset: `{feature}` is in the baseline but not in the data (baseline constraints: {baselineColumns} columns, current dataset: {dataColumns} columns).");

    public static ConstraintViolation ExtraColumn(string feature, int baselineColumns, int dataColumns) =>
        new(feature, ConstraintCheckTypes.ExtraColumn,
            $"There are extra columns in the current dataset: `{feature}` is in the data but not in the baseline (baseline constraints: {baselineColumns} columns, current dataset: {dataColumns} columns).");

    internal static string Number(double value) => value.ToString("R", s_invariant);

    private static string Percent(double share) => (share * 100).ToString("0.0", s_invariant) + "%";

    private static string Points(double share) => (share * 100).ToString("0.0", s_invariant);

    private static string Count(long count) => count.ToString("N0", s_invariant);
}

/// <summary>How many of a column's values fall outside a baseline domain, with a few of them.</summary>
internal sealed record DomainCount(long Outside, IReadOnlyList<string> Examples)
{
    public const int ExampleLimit = 5;
}
