using Dq.Expectations.Kernels;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Planning;

/// <summary>One planned metric: its key, the kernel that computes it and its slot in a worker's state array.</summary>
internal sealed record PlannedMetric(MetricKey Key, ColumnKernel Kernel, int Slot);

/// <summary>One pass over one column per batch, serving every metric planned on that column.</summary>
/// <param name="Column">The column's name.</param>
/// <param name="FieldIndex">Its position in the source schema.</param>
/// <param name="Metrics">The metrics the scan serves.</param>
/// <param name="Decode">Whether the column is dictionary-encoded numbers or dates, decoded once per batch before the scan.</param>
internal sealed record ColumnScan(string Column, int FieldIndex, IReadOnlyList<PlannedMetric> Metrics, bool Decode);

/// <summary>
/// What a run computes: the column scans, whether the row count is needed, and the keys that failed their
/// preconditions (missing column, wrong type) with the reason, which are never scanned.
/// </summary>
internal sealed class ExecutionPlan
{
    public ExecutionPlan(IReadOnlyList<ColumnScan> scans, IReadOnlyDictionary<MetricKey, string> failures, int slotCount)
    {
        Scans = scans;
        Failures = failures;
        SlotCount = slotCount;
    }

    public IReadOnlyList<ColumnScan> Scans { get; }

    public IReadOnlyDictionary<MetricKey, string> Failures { get; }

    /// <summary>The number of metric states each worker keeps (one per planned metric).</summary>
    public int SlotCount { get; }

    public IEnumerable<PlannedMetric> Metrics => Scans.SelectMany(s => s.Metrics);

    /// <summary>The columns the scans read: what a reader needs to decode.</summary>
    public IReadOnlyCollection<string> Columns => [.. Scans.Select(s => s.Column)];
}
