using System.Numerics;
using Dq.Expectations.Columns;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.MultiColumn;

/// <summary>Judges one considered row of a multi-column check.</summary>
/// <remarks>A struct, so <see cref="MultiColumnScan.Run"/> is specialized per check and the call inlines.</remarks>
internal interface IRowCheck
{
    bool IsUnexpected(int row);
}

/// <summary>
/// The loop multi-column kernels share: 64 rows a word, rows outside the row condition and rows skipped by
/// <c>ignore_row_if</c> masked out with bit operations, the rest judged one by one.
/// </summary>
internal static class MultiColumnScan
{
    /// <summary>
    /// The rows among <paramref name="row"/> .. +<paramref name="count"/> that the check judges: selected by the row
    /// condition and not skipped. <paramref name="skipped"/> gets the selected rows that were skipped.
    /// </summary>
    public static ulong Considered(in ColumnBlock block, CellReader[] readers, IgnoreRowIf ignore, int row, int count, out ulong skipped)
    {
        var selected = block.Selected(row, count);
        if (ignore == IgnoreRowIf.Never)
        {
            skipped = 0;
            return selected;
        }
        var all = ValidityBits.LowBits(count);
        var anyMissing = 0UL;
        var allMissing = all;
        foreach (var reader in readers)
        {
            var missing = ~reader.Present(row, count) & all;
            anyMissing |= missing;
            allMissing &= missing;
        }
        skipped = selected & (ignore == IgnoreRowIf.AnyValueMissing ? anyMissing : allMissing);
        return selected & ~skipped;
    }

    public static void Run<TCheck>(in ColumnBlock block, CellReader[] readers, IgnoreRowIf ignore, scoped ref TCheck check, UnexpectedRowsState state, Func<int, object?> valueAt)
        where TCheck : struct, IRowCheck
    {
        var end = block.Start + block.Length;
        for (var row = block.Start; row < end; row += 64)
        {
            var count = Math.Min(64, end - row);
            var considered = Considered(block, readers, ignore, row, count, out var skipped);
            state.Skipped += BitOperations.PopCount(skipped);
            var unexpected = 0UL;
            for (var bits = considered; bits != 0; bits &= bits - 1)
            {
                var i = BitOperations.TrailingZeroCount(bits);
                if (check.IsUnexpected(row + i))
                {
                    unexpected |= 1UL << i;
                }
            }
            state.AddWord(unexpected, valueAt, row, block.FirstRowIndex);
        }
    }

    /// <summary>Readers for the block's columns, in the key's order.</summary>
    public static CellReader[] Readers(in ColumnBlock block) => [.. block.Arrays.Select(a => new CellReader(a))];
}
