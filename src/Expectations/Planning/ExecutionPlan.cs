using Dq.Expectations.Conditions;
using Dq.Expectations.Kernels;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Planning;

/// <summary>One planned metric: its key, the kernel that computes it and its slot in a worker's state array.</summary>
internal sealed record PlannedMetric(MetricKey Key, ColumnKernel Kernel, int Slot);

/// <summary>
/// One pass per batch over one column (or over the columns of a multi-column check), serving every metric planned
/// on those columns and filter.
/// </summary>
/// <param name="Columns">The columns read, in the order the kernels expect them.</param>
/// <param name="Metrics">The metrics the scan serves.</param>
/// <param name="Decode">Whether dictionary-encoded numbers or dates are decoded once per batch before the scan.</param>
/// <param name="Filter">The row condition of every metric of the scan, or null.</param>
internal sealed record ColumnScan(IReadOnlyList<string> Columns, IReadOnlyList<PlannedMetric> Metrics, bool Decode, RowFilter? Filter);

/// <summary>A row count to keep (of all rows, or of the rows a filter selects), in its slot.</summary>
internal sealed record PlannedRowCount(RowCountKey Key, int Slot);

/// <summary>
/// What a run computes: the column scans, the row counts, and the keys that failed their preconditions (missing
/// column, wrong type) with the reason, which are never scanned.
/// </summary>
internal sealed class ExecutionPlan
{
    public ExecutionPlan(IReadOnlyList<ColumnScan> scans, IReadOnlyList<PlannedRowCount> rowCounts, IReadOnlyDictionary<MetricKey, string> failures, int slotCount)
    {
        Scans = scans;
        RowCounts = rowCounts;
        Failures = failures;
        SlotCount = slotCount;
    }

    public IReadOnlyList<ColumnScan> Scans { get; }

    public IReadOnlyList<PlannedRowCount> RowCounts { get; }

    public IReadOnlyDictionary<MetricKey, string> Failures { get; }

    /// <summary>The number of metric states each worker keeps (one per planned metric and row count).</summary>
    public int SlotCount { get; }

    public IEnumerable<PlannedMetric> Metrics => Scans.SelectMany(s => s.Metrics);

    /// <summary>The columns the scans and filters read: what a reader needs to decode.</summary>
    public IReadOnlyCollection<string> Columns =>
    [
        .. Scans.SelectMany(s => s.Columns)
            .Concat(Scans.SelectMany(s => s.Filter?.Columns ?? []))
            .Concat(RowCounts.SelectMany(r => r.Key.Filter?.Columns ?? []))
            .Distinct(StringComparer.Ordinal),
    ];
}
