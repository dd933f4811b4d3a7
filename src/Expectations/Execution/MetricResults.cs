using Dq.Expectations.Metrics;

namespace Dq.Expectations.Execution;

/// <summary>
/// The computed metrics of a run, by key, plus the keys that could not be computed and why. This is all an
/// expectation sees when it judges.
/// </summary>
internal sealed class MetricResults
{
    private readonly IReadOnlyDictionary<MetricKey, MetricState> _states;
    private readonly IReadOnlyDictionary<MetricKey, string> _failures;

    public MetricResults(IReadOnlyDictionary<MetricKey, MetricState> states, IReadOnlyDictionary<MetricKey, string> failures, ExecutionStatistics statistics)
    {
        _states = states;
        _failures = failures;
        Statistics = statistics;
    }

    public ExecutionStatistics Statistics { get; }

    public long RowCount => Statistics.Rows;

    /// <summary>Why the metric could not be computed, or null when it was.</summary>
    public string? FailureOf(MetricKey key) => _failures.GetValueOrDefault(key);

    /// <summary>The unexpected rows of a row-level check.</summary>
    public UnexpectedRowsState UnexpectedRows(MetricKey key) => ((IUnexpectedRowsSource)_states[key]).ToUnexpectedRows();
}
