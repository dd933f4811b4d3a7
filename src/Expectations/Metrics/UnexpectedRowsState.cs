using System.Numerics;
using Apache.Arrow;
using Dq.Expectations.Columns;

namespace Dq.Expectations.Metrics;

/// <summary>
/// The state of a row-level check: how many rows were unexpected, and a sample of them in row order.
/// </summary>
internal sealed class UnexpectedRowsState : MetricState, IUnexpectedRowsSource
{
    public UnexpectedRowsState ToUnexpectedRows() => this;

    public UnexpectedRowsState(int sampleLimit) => Sample = new UnexpectedSample(sampleLimit);

    public long Count { get; set; }

    /// <summary>Rows a multi-column check skipped (GX's <c>ignore_row_if</c>), reported as missing.</summary>
    public long Skipped { get; set; }

    public UnexpectedSample Sample { get; }

    /// <summary>
    /// Adds one 64-row word of results: bit i of <paramref name="unexpected"/> set means array row
    /// <paramref name="arrayRow"/> + i is unexpected.
    /// </summary>
    /// <param name="unexpected">The unexpected rows of the word, already masked by validity where nulls are skipped.</param>
    /// <param name="array">The column, read only for sampled values.</param>
    /// <param name="arrayRow">The array row of bit 0.</param>
    /// <param name="firstRowIndex">The table row index of array row 0.</param>
    public void AddWord(ulong unexpected, IArrowArray array, int arrayRow, long firstRowIndex)
    {
        // The value reader (a closure) is made only when the sample still wants a row of this word: once the sample
        // is full, a word costs a popcount and one comparison, and allocates nothing.
        if (unexpected != 0 && !Sample.Wants(firstRowIndex + arrayRow + BitOperations.TrailingZeroCount(unexpected)))
        {
            Count += BitOperations.PopCount(unexpected);
            return;
        }
        AddWord(unexpected, row => ArrowValues.Get(array, row), arrayRow, firstRowIndex);
    }

    /// <summary>As above, with the sampled value of a row read by <paramref name="valueAt"/> (a pair, a row of several columns).</summary>
    public void AddWord(ulong unexpected, Func<int, object?> valueAt, int arrayRow, long firstRowIndex)
    {
        if (unexpected == 0)
        {
            return;
        }
        Count += BitOperations.PopCount(unexpected);
        while (unexpected != 0)
        {
            var row = arrayRow + BitOperations.TrailingZeroCount(unexpected);
            var rowIndex = firstRowIndex + row;
            if (!Sample.Wants(rowIndex))
            {
                return; // rows only grow within a word, so no later bit is wanted either
            }
            Sample.Add(rowIndex, valueAt(row));
            unexpected &= unexpected - 1;
        }
    }

    public override void Merge(MetricState other)
    {
        var that = (UnexpectedRowsState)other;
        Count += that.Count;
        Skipped += that.Skipped;
        Sample.Merge(that.Sample);
    }
}
