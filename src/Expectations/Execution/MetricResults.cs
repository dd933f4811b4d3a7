using Dq.Expectations.Columns;
using Dq.Expectations.Conditions;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Execution;

/// <summary>
/// The computed metrics of a run, by key, plus the keys that could not be computed and why. This is all an
/// expectation sees when it judges.
/// </summary>
/// <remarks>
/// An expectation with a row condition judges through <see cref="Scoped"/>: it names its keys without the filter,
/// and the scoped view adds it, so no expectation has to thread its filter through every key.
/// </remarks>
internal sealed class MetricResults
{
    private readonly IReadOnlyDictionary<MetricKey, MetricState> _states;
    private readonly IReadOnlyDictionary<MetricKey, string> _failures;
    private readonly RowFilter? _filter;

    /// <summary>Value counts already sorted: several expectations on one column judge from the same sorted list.</summary>
    private readonly Dictionary<MetricKey, IReadOnlyList<(object Value, long Count)>> _sortedCounts;

    public MetricResults(IReadOnlyDictionary<MetricKey, MetricState> states, IReadOnlyDictionary<MetricKey, string> failures, ExecutionStatistics statistics)
        : this(states, failures, statistics, null, [])
    {
    }

    private MetricResults(IReadOnlyDictionary<MetricKey, MetricState> states, IReadOnlyDictionary<MetricKey, string> failures, ExecutionStatistics statistics, RowFilter? filter,
        Dictionary<MetricKey, IReadOnlyList<(object Value, long Count)>> sortedCounts)
    {
        _states = states;
        _failures = failures;
        Statistics = statistics;
        _filter = filter;
        _sortedCounts = sortedCounts;
    }

    public ExecutionStatistics Statistics { get; }

    /// <summary>The results of two passes over the same data: the second's metrics added to the first's.</summary>
    public MetricResults Union(MetricResults second)
    {
        var states = new Dictionary<MetricKey, MetricState>(_states);
        foreach (var (key, state) in second._states)
        {
            states[key] = state;
        }
        var failures = new Dictionary<MetricKey, string>(_failures);
        foreach (var (key, failure) in second._failures)
        {
            failures[key] = failure;
        }
        var statistics = Statistics with
        {
            ColumnScans = Statistics.ColumnScans + second.Statistics.ColumnScans,
            Duration = Statistics.Duration + second.Statistics.Duration,
        };
        return new MetricResults(states, failures, statistics, _filter, []);
    }

    /// <summary>The same results, seen by an expectation whose keys carry <paramref name="filter"/>.</summary>
    public MetricResults Scoped(RowFilter? filter) => filter is null ? this : new MetricResults(_states, _failures, Statistics, filter, _sortedCounts);

    /// <summary>The rows considered: all rows read, or those the scope's row condition selects.</summary>
    public long RowCount => _states.TryGetValue(Scope(new RowCountKey()), out var state)
        ? ((RowCountState)state).Rows
        : _filter is null ? Statistics.Rows : throw new InvalidOperationException("A filtered row count was used without being requested.");

    /// <summary>Why the metric could not be computed, or null when it was.</summary>
    public string? FailureOf(MetricKey key) => _failures.GetValueOrDefault(Scope(key));

    /// <summary>The unexpected rows of a row-level check.</summary>
    public UnexpectedRowsState UnexpectedRows(MetricKey key) => ((IUnexpectedRowsSource)_states[Scope(key)]).ToUnexpectedRows();

    /// <summary>The aggregates of a column.</summary>
    public Kernels.Summary.ColumnSummaryState Summary(string column) => State<Kernels.Summary.ColumnSummaryState>(new ColumnSummaryKey(column));

    /// <summary>The distinct non-null values of a column with their counts, in value order.</summary>
    public IReadOnlyList<(object Value, long Count)> ValueCounts(string column)
    {
        var key = Scope(new ValueCountsKey(column));
        if (!_sortedCounts.TryGetValue(key, out var sorted))
        {
            var source = (IValueCountsSource)_states[key];
            _sortedCounts[key] = sorted = source is Kernels.Duplicates.IntegerDuplicateState integers
                ? integers.SortedCounts()
                : [.. source.Counts.Select(c => (c.Value!, c.Count)).OrderBy(c => c.Item1, ValueComparer.Instance)];
        }
        return sorted;
    }

    /// <summary>The number of distinct non-null values of a column, and of its non-null values, without sorting them.</summary>
    public (long Distinct, long Values) DistinctCount(string column)
    {
        var key = Scope(new ValueCountsKey(column));
        if (_sortedCounts.TryGetValue(key, out var sorted))
        {
            return (sorted.Count, sorted.Sum(c => c.Count));
        }
        var counts = (IValueCountsSource)_states[key];
        return (counts.DistinctCount, counts.ValueTotal);
    }

    /// <summary>The state of any other metric, by its type.</summary>
    public TState State<TState>(MetricKey key)
        where TState : MetricState => (TState)_states[Scope(key)];

    private MetricKey Scope(MetricKey key) => _filter is null || key.Filter is not null ? key : key with { Filter = _filter };
}
