using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels;

/// <summary>
/// Finds the unexpected rows among up to 64 consecutive rows, as a mask (bit i = row + i).
/// </summary>
/// <remarks>
/// Implementations are (ref) structs so that <see cref="WordScan.Run"/> is specialized per check and the
/// per-word call inlines: no virtual call and no delegate per word.
/// </remarks>
internal interface IWordCheck
{
    /// <param name="row">The array row of bit 0.</param>
    /// <param name="count">How many rows (1 to 64).</param>
    /// <param name="valid">Which of those rows hold a value and are selected; a check may skip the others (their bits are cleared anyway).</param>
    ulong Unexpected(int row, int count, ulong valid);
}

/// <summary>The loop every row-level kernel shares: 64 rows a word, nulls masked out, counts and samples added.</summary>
internal static class WordScan
{
    public static void Run<TCheck>(in ColumnBlock block, scoped ref TCheck check, UnexpectedRowsState state)
        where TCheck : IWordCheck, allows ref struct
    {
        var validity = block.Validity;
        var end = block.Start + block.Length;
        for (var row = block.Start; row < end; row += 64)
        {
            var count = Math.Min(64, end - row);
            var valid = validity.Word(row, count) & block.Selected(row, count);
            var unexpected = check.Unexpected(row, count, valid) & valid;
            if (unexpected != 0)
            {
                Add(state, unexpected, block, row);
            }
        }
    }

    /// <summary>
    /// Adds a word's unexpected rows. AddWord allocates a value-reader closure on every call, so once the sample is
    /// full (a later row is never wanted: rows only grow) only the count is added: no allocation in steady state.
    /// </summary>
    public static void Add(UnexpectedRowsState state, ulong unexpected, in ColumnBlock block, int row)
    {
        if (state.Sample.Wants(block.FirstRowIndex + row))
        {
            state.AddWord(unexpected, block.Array, row, block.FirstRowIndex);
        }
        else
        {
            state.Count += System.Numerics.BitOperations.PopCount(unexpected);
        }
    }
}
