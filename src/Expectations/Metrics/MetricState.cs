namespace Dq.Expectations.Metrics;

/// <summary>
/// The accumulator of one metric over the batches one worker has seen. States of the same key merge
/// associatively and commutatively, so how the rows were split into batches and threads never changes a result.
/// </summary>
internal abstract class MetricState
{
    /// <summary>Folds <paramref name="other"/> (a state of the same key, over other rows) into this one.</summary>
    public abstract void Merge(MetricState other);

    /// <summary>
    /// Per-worker scratch a kernel may keep between blocks, such as its verdicts on the entries of the dictionary
    /// of the batch being scanned. Never merged.
    /// </summary>
    public object? KernelScratch { get; set; }
}

/// <summary>The number of rows seen.</summary>
internal sealed class RowCountState : MetricState
{
    public long Rows { get; set; }

    public override void Merge(MetricState other) => Rows += ((RowCountState)other).Rows;
}
