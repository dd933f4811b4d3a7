using Dq.Expectations.Metrics;

namespace Dq.Sql.Pushdown;

/// <summary>A column's distinct non-null values with their counts, as <c>GROUP BY</c> returned them.</summary>
internal sealed class SqlValueCounts(IReadOnlyList<(object? Value, long Count)> counts) : MetricState, IValueCountsSource
{
    public IEnumerable<(object? Value, long Count)> Counts => counts;

    public long DistinctCount => counts.Count;

    public long ValueTotal => counts.Sum(c => c.Count);

    public override void Merge(MetricState other) => throw new InvalidOperationException("Value counts from the database are complete; nothing merges into them.");
}
