using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels;

/// <summary>
/// Computes one metric over column blocks. A kernel is created once per run by the planner, already
/// specialized for the column's Arrow type and the key's parameters; it keeps no per-batch state of its own,
/// so workers share it and each owns its <see cref="MetricState"/>.
/// </summary>
internal abstract class ColumnKernel
{
    public abstract MetricState CreateState();

    /// <summary>
    /// The states of one run, one per worker. By default each is independent; a kernel may return states that share
    /// one structure (such as a partitioned hash table that workers fill under per-partition locks), as long as
    /// merging them still gives the result of one state over all rows.
    /// </summary>
    /// <param name="workers">How many states.</param>
    /// <param name="expectedRows">
    /// How many rows the run will scan, when the source knows before reading (0 if not): a hint to size tables
    /// by, which must never change a result.
    /// </param>
    public virtual MetricState[] CreateStates(int workers, long expectedRows = 0)
    {
        var states = new MetricState[workers];
        for (var i = 0; i < workers; i++)
        {
            states[i] = CreateState();
        }
        return states;
    }

    public abstract void Accumulate(in ColumnBlock block, MetricState state);
}

/// <summary>A kernel whose state is the unexpected rows of a row-level check.</summary>
internal abstract class RowCheckKernel : ColumnKernel
{
    protected RowCheckKernel(int sampleLimit) => SampleLimit = sampleLimit;

    /// <summary>How many unexpected rows to keep with their values (int.MaxValue: all).</summary>
    public int SampleLimit { get; }

    public sealed override MetricState CreateState() => new UnexpectedRowsState(SampleLimit);

    public sealed override void Accumulate(in ColumnBlock block, MetricState state) =>
        Accumulate(block, (UnexpectedRowsState)state);

    protected abstract void Accumulate(in ColumnBlock block, UnexpectedRowsState state);
}
