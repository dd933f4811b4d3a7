using Apache.Arrow;
using Dq.Expectations.Columns;

namespace Dq.Expectations.Kernels;

/// <summary>
/// A run of rows of one column that every kernel of a scan reads in turn while it is in cache:
/// array rows <see cref="Start"/> .. <see cref="Start"/> + <see cref="Length"/> - 1.
/// </summary>
internal readonly struct ColumnBlock
{
    public ColumnBlock(IArrowArray array, int start, int length, long firstRowIndex, ulong[]? selection = null)
        : this([array], start, length, firstRowIndex, selection)
    {
    }

    /// <summary>A block of several columns, for checks that read a row across columns.</summary>
    public ColumnBlock(IReadOnlyList<IArrowArray> arrays, int start, int length, long firstRowIndex, ulong[]? selection = null)
    {
        System.Diagnostics.Debug.Assert(start % 64 == 0, "Blocks start on a 64-row word so selection words stay aligned.");
        Arrays = arrays;
        Array = arrays[0];
        Start = start;
        Length = length;
        FirstRowIndex = firstRowIndex;
        Selection = selection;
    }

    /// <summary>The whole column of the batch (the first, for a multi-column check).</summary>
    public IArrowArray Array { get; }

    /// <summary>Every column the scan reads, in the order its key names them.</summary>
    public IReadOnlyList<IArrowArray> Arrays { get; }

    public int Start { get; }

    public int Length { get; }

    /// <summary>The table row index of array row 0, so that sampled rows carry table-wide indexes.</summary>
    public long FirstRowIndex { get; }

    public ValidityBits Validity => new(Array.NullCount == 0 ? default : Array.Data.Buffers[0].Span, Array.Offset);

    /// <summary>Whether the array has no nulls at all: the fast path that skips the bitmap.</summary>
    public bool HasNoNulls => Array.NullCount == 0;

    /// <summary>
    /// The rows a row condition selected, one bit per array row (word w holds rows 64w..64w+63); null when every
    /// row is selected.
    /// </summary>
    public ulong[]? Selection { get; }

    /// <summary>The selected rows among <paramref name="row"/> .. +<paramref name="count"/> (row is a multiple of 64).</summary>
    public ulong Selected(int row, int count) =>
        Selection is null ? ValidityBits.LowBits(count) : Selection[row >> 6] & ValidityBits.LowBits(count);

    /// <summary>Whether one row is selected.</summary>
    public bool IsSelected(int row) => Selection is null || (Selection[row >> 6] & (1UL << (row & 63))) != 0;

    /// <summary>The rows a check considers: selected and not null.</summary>
    public ulong Considered(int row, int count) => Validity.Word(row, count) & Selected(row, count);
}
