namespace Dq.Expectations;

/// <summary>
/// The earlier values of a metric, for expectations that judge today's value against its history
/// (<c>expect_metric_to_not_be_anomalous</c>). The engine keeps no history itself: the caller supplies it through
/// <see cref="ValidationOptions.MetricHistory"/>, for example from a store of earlier validation runs.
/// </summary>
/// <remarks>
/// The dq tool implements it over its validation store: the same suite on the same data asset, the newest
/// <see cref="MetricHistoryQuery.Window"/> runs. An implementation is called while the run is judged, once per
/// anomaly expectation, from the validating thread.
/// </remarks>
public interface IMetricHistory
{
    /// <summary>The metric's earlier values, <b>oldest first</b>, at most <see cref="MetricHistoryQuery.Window"/> of them (the newest ones).</summary>
    /// <param name="query">Which metric, of which suite and data asset.</param>
    /// <returns>The values; empty when there is no history yet.</returns>
    IReadOnlyList<double> Values(MetricHistoryQuery query);
}
