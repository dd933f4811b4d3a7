using Dq.Expectations.Anomalies;

namespace Dq.Expectations.Suites;

/// <content>Expectations judged against the metric's earlier runs.</content>
public sealed partial class SuiteBuilder
{
    /// <summary>
    /// <c>expect_metric_to_not_be_anomalous</c>: today's value of <paramref name="metric"/> must not be an anomaly, by
    /// <paramref name="strategy"/>, given its values in earlier runs (from <see cref="ValidationOptions.MetricHistory"/>).
    /// </summary>
    /// <param name="metric"><c>row_count</c>, or a column metric: <c>column_null_fraction</c>, <c>column_mean</c>,
    /// <c>column_sum</c>, <c>column_min</c>, <c>column_max</c>, <c>column_stdev</c>, <c>column_distinct_count</c>.</param>
    /// <param name="strategy">The strategy and its parameters, such as <c>new OnlineNormalStrategy()</c>.</param>
    /// <param name="column">The column, for the column metrics.</param>
    /// <param name="window">How many earlier runs to use at most (default 100).</param>
    public SuiteBuilder ExpectMetricToNotBeAnomalous(string metric, AnomalyStrategy strategy, string? column = null, int? window = null)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        var json = new Dictionary<string, object?>(strategy.Parameters.Prepend(new("name", strategy.Name)));
        return Add(Catalog.ExpectMetricToNotBeAnomalous.TypeName, ("metric", metric), ("column", column), ("strategy", json), ("window", window));
    }
}
