using Apache.Arrow;
using Dq.Expectations.Columns;

namespace Dq.Expectations.Kernels;

/// <summary>
/// A run of rows of one column that every kernel of a scan reads in turn while it is in cache:
/// array rows <see cref="Start"/> .. <see cref="Start"/> + <see cref="Length"/> - 1.
/// </summary>
internal readonly struct ColumnBlock
{
    public ColumnBlock(IArrowArray array, int start, int length, long firstRowIndex)
    {
        Array = array;
        Start = start;
        Length = length;
        FirstRowIndex = firstRowIndex;
    }

    /// <summary>The whole column of the batch.</summary>
    public IArrowArray Array { get; }

    public int Start { get; }

    public int Length { get; }

    /// <summary>The table row index of array row 0, so that sampled rows carry table-wide indexes.</summary>
    public long FirstRowIndex { get; }

    public ValidityBits Validity => new(Array.NullCount == 0 ? default : Array.Data.Buffers[0].Span, Array.Offset);

    /// <summary>Whether the array has no nulls at all: the fast path that skips the bitmap.</summary>
    public bool HasNoNulls => Array.NullCount == 0;
}
