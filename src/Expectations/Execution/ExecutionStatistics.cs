namespace Dq.Expectations.Execution;

/// <summary>What a run did: rows and batches read, and column scans made (one per planned column per batch).</summary>
internal sealed record ExecutionStatistics(long Rows, long Batches, long ColumnScans, TimeSpan Duration);
