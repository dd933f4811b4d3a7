namespace Dq.Expectations;

/// <summary>A request for a metric's earlier values: which suite, data asset and metric, and how many values at most.</summary>
/// <param name="Suite">The suite's name.</param>
/// <param name="DataAsset">The data asset validated, as the run names it (<see cref="Results.ValidationRunInfo.DataAsset"/>).</param>
/// <param name="Metric">The metric's name, such as <c>row_count</c> or <c>column_mean</c>.</param>
/// <param name="Column">The column measured, or null for a table metric.</param>
/// <param name="RowCondition">The expectation's <c>row_condition</c>, or null when it measures every row.</param>
/// <param name="Window">How many of the newest earlier values to return at most.</param>
public sealed record MetricHistoryQuery(string Suite, string DataAsset, string Metric, string? Column, string? RowCondition, int Window)
{
    /// <summary>
    /// The metric's identity within a suite and data asset: <c>metric</c>, <c>metric(column)</c>, and <c> where
    /// condition</c> after either when the rows are filtered. Two expectations on the same metric share their history
    /// whatever their strategies.
    /// </summary>
    public string Key => KeyOf(Metric, Column, RowCondition);

    /// <summary>The key of a metric, column and row condition (see <see cref="Key"/>).</summary>
    public static string KeyOf(string metric, string? column, string? rowCondition)
    {
        ArgumentException.ThrowIfNullOrEmpty(metric);
        var key = column is null ? metric : $"{metric}({column})";
        return string.IsNullOrEmpty(rowCondition) ? key : $"{key} where {rowCondition}";
    }
}
