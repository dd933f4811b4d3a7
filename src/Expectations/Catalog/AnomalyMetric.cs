using System.Globalization;
using Dq.Expectations.Execution;
using Dq.Expectations.Kernels;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Catalog;

/// <summary>
/// The metrics <c>expect_metric_to_not_be_anomalous</c> can watch, each read from metrics the engine already computes
/// (the row count, null rows, the column summary, value counts).
/// </summary>
/// <param name="Name">The <c>metric</c> kwarg.</param>
/// <param name="Words">What it is, in the expectation's sentence (<c>the mean of {column}</c>).</param>
internal sealed record AnomalyMetric(string Name, string Words)
{
    public static readonly IReadOnlyList<AnomalyMetric> All =
    [
        new("row_count", "the row count"),
        new("column_null_fraction", "the fraction of nulls in {column}"),
        new("column_mean", "the mean of {column}"),
        new("column_sum", "the sum of {column}"),
        new("column_min", "the minimum of {column}"),
        new("column_max", "the maximum of {column}"),
        new("column_stdev", "the standard deviation of {column}"),
        new("column_distinct_count", "the number of distinct values in {column}"),
    ];

    /// <summary>Whether the metric measures a column (all but the row count).</summary>
    public bool HasColumn => Name != "row_count";

    public static AnomalyMetric? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>The engine metrics it reads.</summary>
    public IEnumerable<MetricKey> Keys(string? column) => Name switch
    {
        "row_count" => [new RowCountKey()],
        "column_null_fraction" => [new RowCountKey(), new NullRowsKey(column!)],
        "column_distinct_count" => [new ValueCountsKey(column!)],
        _ => [new ColumnSummaryKey(column!)],
    };

    /// <summary>Today's value: a long for counts (and integer sums, minima and maxima), a double otherwise; null when there is nothing to measure.</summary>
    /// <exception cref="MetricPreconditionException">The metric needs numbers and the column holds none.</exception>
    public object? Observe(MetricResults metrics, string? column)
    {
        switch (Name)
        {
            case "row_count":
                return metrics.RowCount;
            case "column_null_fraction":
                var rows = metrics.RowCount;
                return rows == 0 ? null : (double)metrics.UnexpectedRows(new NullRowsKey(column!)).Count / rows;
            case "column_distinct_count":
                return metrics.DistinctCount(column!).Distinct;
        }
        var summary = metrics.Summary(column!);
        if (!summary.IsNumeric && summary.Count > 0)
        {
            throw new MetricPreconditionException(
                $"column `{column}` does not hold numbers, so `{Name}` cannot be watched for anomalies; choose a numeric column, or `column_distinct_count` or `column_null_fraction`.");
        }
        return Name switch
        {
            _ when summary.Count == 0 => null,
            "column_mean" => summary.Mean,
            "column_sum" => summary.IsInteger && summary.IntegerSum >= long.MinValue && summary.IntegerSum <= long.MaxValue ? (object)(long)summary.IntegerSum : summary.Sum,
            "column_min" => Number(summary.Min),
            "column_max" => Number(summary.Max),
            _ => summary.Count > 1 ? summary.SampleStandardDeviation : null,
        };
    }

    /// <summary>An extreme as a number the strategies can use: integers stay long, booleans become 0 or 1.</summary>
    private static object? Number(object? value) => value switch
    {
        null => null,
        long or double => value,
        bool b => b ? 1L : 0L,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };
}
