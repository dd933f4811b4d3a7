using Apache.Arrow;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels;

/// <summary>
/// A row-level check on the UTF-8 bytes of a string column. Dictionary-encoded columns are judged once per
/// distinct dictionary entry, then each row looks its verdict up by index.
/// </summary>
internal abstract class TextRowCheckKernel : RowCheckKernel
{
    protected TextRowCheckKernel(int sampleLimit) : base(sampleLimit) { }

    /// <summary>Whether a non-null value is unexpected. Must not allocate: it runs once per row.</summary>
    protected abstract bool IsUnexpected(ReadOnlySpan<byte> utf8);

    protected sealed override void Accumulate(in ColumnBlock block, UnexpectedRowsState state)
    {
        switch (block.Array)
        {
            case StringArray strings:
                AccumulateStrings(block, strings, state);
                break;
            case DictionaryArray dictionary:
                AccumulateDictionary(block, dictionary, state);
                break;
            default:
                throw new InvalidOperationException($"The planner gave a text kernel a {block.Array.Data.DataType.Name} column.");
        }
    }

    private void AccumulateStrings(in ColumnBlock block, StringArray strings, UnexpectedRowsState state)
    {
        var validity = block.Validity;
        var end = block.Start + block.Length;
        for (var row = block.Start; row < end; row += 64)
        {
            var count = Math.Min(64, end - row);
            var valid = validity.Word(row, count);
            ulong unexpected = 0;
            for (var i = 0; i < count; i++)
            {
                if ((valid & (1UL << i)) != 0 && IsUnexpected(strings.GetBytes(row + i)))
                {
                    unexpected |= 1UL << i;
                }
            }
            state.AddWord(unexpected, block.Array, row, block.FirstRowIndex);
        }
    }

    private void AccumulateDictionary(in ColumnBlock block, DictionaryArray dictionary, UnexpectedRowsState state)
    {
        var verdicts = EntryVerdicts(dictionary, state);
        var indices = dictionary.Indices;
        var validity = block.Validity;
        var end = block.Start + block.Length;
        for (var row = block.Start; row < end; row += 64)
        {
            var count = Math.Min(64, end - row);
            var valid = validity.Word(row, count);
            ulong unexpected = 0;
            for (var i = 0; i < count; i++)
            {
                if ((valid & (1UL << i)) != 0 && verdicts[Columns.ArrowValues.DictionaryIndex(indices, row + i)])
                {
                    unexpected |= 1UL << i;
                }
            }
            state.AddWord(unexpected, block.Array, row, block.FirstRowIndex);
        }
    }

    private bool[] EntryVerdicts(DictionaryArray dictionary, UnexpectedRowsState state)
    {
        if (state.KernelScratch is DictionaryVerdicts cached && ReferenceEquals(cached.Dictionary, dictionary.Dictionary))
        {
            return cached.Unexpected;
        }
        var entries = (StringArray)dictionary.Dictionary;
        var verdicts = new bool[entries.Length];
        for (var i = 0; i < verdicts.Length; i++)
        {
            verdicts[i] = entries.IsValid(i) && IsUnexpected(entries.GetBytes(i));
        }
        state.KernelScratch = new DictionaryVerdicts(dictionary.Dictionary, verdicts);
        return verdicts;
    }

    private sealed record DictionaryVerdicts(IArrowArray Dictionary, bool[] Unexpected);
}
