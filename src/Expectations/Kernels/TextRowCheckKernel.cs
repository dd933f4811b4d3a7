using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels;

/// <summary>
/// A row-level check on the UTF-8 bytes of a string column. Dictionary-encoded columns are judged once per
/// dictionary entry that a row uses (<see cref="EntryVerdicts"/>), then each row looks its verdict up by index.
/// </summary>
internal abstract class TextRowCheckKernel : RowCheckKernel, IUtf8Check
{
    protected TextRowCheckKernel(int sampleLimit) : base(sampleLimit) { }

    /// <summary>Whether a non-null value is unexpected. Must not allocate: it runs once per row.</summary>
    protected abstract bool IsUnexpected(ReadOnlySpan<byte> utf8);

    bool IUtf8Check.IsUnexpected(ReadOnlySpan<byte> utf8) => IsUnexpected(utf8);

    protected sealed override void Accumulate(in ColumnBlock block, UnexpectedRowsState state)
    {
        switch (block.Array)
        {
            case StringArray strings:
                using (var pinned = Utf8Rows.Pin(strings))
                {
                    var stringCheck = new StringsCheck(pinned.Rows, this);
                    WordScan.Run(block, ref stringCheck, state);
                }
                break;
            case DictionaryArray dictionary:
                var dictionaryCheck = new DictionaryCheck(dictionary.Indices, EntryVerdicts.For(state, dictionary), this);
                WordScan.Run(block, ref dictionaryCheck, state);
                break;
            default:
                throw new InvalidOperationException($"The planner gave a text kernel a {block.Array.Data.DataType.Name} column.");
        }
    }

    private readonly struct StringsCheck(Utf8Rows rows, TextRowCheckKernel kernel) : IWordCheck
    {
        public ulong Unexpected(int row, int count, ulong valid)
        {
            ulong unexpected = 0;
            for (var bits = valid; bits != 0; bits &= bits - 1)
            {
                var i = System.Numerics.BitOperations.TrailingZeroCount(bits);
                if (kernel.IsUnexpected(rows[row + i]))
                {
                    unexpected |= 1UL << i;
                }
            }
            return unexpected;
        }
    }

    /// <summary>
    /// Rows look their entry's verdict up, the word's indices read in one go; null rows are skipped, since their
    /// index may be anything.
    /// </summary>
    private readonly struct DictionaryCheck(IArrowArray indices, EntryVerdicts verdicts, IUtf8Check check) : IWordCheck
    {
        public ulong Unexpected(int row, int count, ulong valid)
        {
            Span<int> entries = stackalloc int[64];
            DictionaryIndices.Read(indices, row, entries[..count]);
            ulong unexpected = 0;
            for (var bits = valid; bits != 0; bits &= bits - 1)
            {
                var i = System.Numerics.BitOperations.TrailingZeroCount(bits);
                if (verdicts.IsUnexpected(entries[i], check))
                {
                    unexpected |= 1UL << i;
                }
            }
            return unexpected;
        }
    }
}
