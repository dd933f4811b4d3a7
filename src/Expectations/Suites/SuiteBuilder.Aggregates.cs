using Dq.Expectations.Catalog;

namespace Dq.Expectations.Suites;

/// <content>Column aggregates: min, max, mean, median, sum, standard deviation, quantiles and unique-value counts.</content>
public sealed partial class SuiteBuilder
{
    /// <summary><c>expect_column_min_to_be_between</c>: the column's minimum lies within the bounds (numbers, text or dates; null is open).</summary>
    public SuiteBuilder ExpectColumnMinToBeBetween(string column, object? min = null, object? max = null, bool strictMin = false, bool strictMax = false) =>
        AddBetween(Catalog.ExpectColumnMinToBeBetween.TypeName, column, min, max, strictMin, strictMax);

    /// <summary><c>expect_column_max_to_be_between</c>: the column's maximum lies within the bounds (numbers, text or dates; null is open).</summary>
    public SuiteBuilder ExpectColumnMaxToBeBetween(string column, object? min = null, object? max = null, bool strictMin = false, bool strictMax = false) =>
        AddBetween(Catalog.ExpectColumnMaxToBeBetween.TypeName, column, min, max, strictMin, strictMax);

    /// <summary><c>expect_column_mean_to_be_between</c>: the mean of the non-null values lies within the bounds.</summary>
    public SuiteBuilder ExpectColumnMeanToBeBetween(string column, double? min = null, double? max = null, bool strictMin = false, bool strictMax = false) =>
        AddBetween(Catalog.ExpectColumnMeanToBeBetween.TypeName, column, min, max, strictMin, strictMax);

    /// <summary><c>expect_column_median_to_be_between</c>: the median of the non-null values lies within the bounds.</summary>
    public SuiteBuilder ExpectColumnMedianToBeBetween(string column, double? min = null, double? max = null, bool strictMin = false, bool strictMax = false) =>
        AddBetween(Catalog.ExpectColumnMedianToBeBetween.TypeName, column, min, max, strictMin, strictMax);

    /// <summary><c>expect_column_sum_to_be_between</c>: the sum of the non-null values lies within the bounds.</summary>
    public SuiteBuilder ExpectColumnSumToBeBetween(string column, double? min = null, double? max = null, bool strictMin = false, bool strictMax = false) =>
        AddBetween(Catalog.ExpectColumnSumToBeBetween.TypeName, column, min, max, strictMin, strictMax);

    /// <summary><c>expect_column_stdev_to_be_between</c>: the sample standard deviation of the non-null values lies within the bounds.</summary>
    public SuiteBuilder ExpectColumnStdevToBeBetween(string column, double? min = null, double? max = null, bool strictMin = false, bool strictMax = false) =>
        AddBetween(Catalog.ExpectColumnStdevToBeBetween.TypeName, column, min, max, strictMin, strictMax);

    /// <summary><c>expect_column_unique_value_count_to_be_between</c>: the number of distinct non-null values lies within the bounds.</summary>
    public SuiteBuilder ExpectColumnUniqueValueCountToBeBetween(string column, long? min = null, long? max = null, bool strictMin = false, bool strictMax = false) =>
        AddBetween(Catalog.ExpectColumnUniqueValueCountToBeBetween.TypeName, column, min, max, strictMin, strictMax);

    /// <summary><c>expect_column_proportion_of_unique_values_to_be_between</c>: distinct non-null values ÷ non-null values lies within the bounds.</summary>
    public SuiteBuilder ExpectColumnProportionOfUniqueValuesToBeBetween(string column, double? min = null, double? max = null, bool strictMin = false, bool strictMax = false) =>
        AddBetween(Catalog.ExpectColumnProportionOfUniqueValuesToBeBetween.TypeName, column, min, max, strictMin, strictMax);

    /// <summary>
    /// <c>expect_column_quantile_values_to_be_between</c>: each quantile of the non-null values lies within its range; a
    /// null end of a range is open.
    /// </summary>
    /// <param name="column">The column.</param>
    /// <param name="ranges">Pairs of a quantile in [0, 1] and its allowed (min, max) values.</param>
    public SuiteBuilder ExpectColumnQuantileValuesToBeBetween(string column, IEnumerable<(double Quantile, double? Min, double? Max)> ranges)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var list = ranges.ToList();
        var quantileRanges = new Dictionary<string, object?>
        {
            ["quantiles"] = list.Select(r => (object?)r.Quantile).ToList(),
            ["value_ranges"] = list.Select(r => (object?)new List<object?> { r.Min, r.Max }).ToList(),
        };
        return Add(Catalog.ExpectColumnQuantileValuesToBeBetween.TypeName, ("column", column), ("quantile_ranges", quantileRanges));
    }

    private SuiteBuilder AddBetween(string type, string column, object? min, object? max, bool strictMin, bool strictMax) =>
        Add(type, ("column", column), ("min_value", min), ("max_value", max),
            ("strict_min", strictMin ? true : (object?)null), ("strict_max", strictMax ? true : (object?)null));
}
