using System.Text;
using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Text;

/// <summary>How a text check treats a column that does not hold text.</summary>
internal enum NonTextValues
{
    /// <summary>The check does not apply: the planner records a failure (GX raises).</summary>
    Reject,

    /// <summary>Every non-null value is unexpected (GX's <c>json.loads</c> rejects numbers).</summary>
    Unexpected,

    /// <summary>Each value is judged on its Python <c>str()</c> text (GX's regex checks).</summary>
    PythonText,
}

/// <summary>
/// A row-level check on the UTF-8 text of a column, for checks that may give up on a value (see
/// <see cref="TextCheckState"/>). Dictionary-encoded text is judged once per dictionary entry, lazily, so the row
/// of any give-up is known; non-text columns follow the check's <see cref="NonTextValues"/> policy.
/// </summary>
internal abstract class TextCheckKernel : ColumnKernel, IUtf8Check
{
    private readonly int _sampleLimit;
    private readonly NonTextValues _nonText;

    protected TextCheckKernel(int sampleLimit, NonTextValues nonText)
    {
        _sampleLimit = sampleLimit;
        _nonText = nonText;
    }

    /// <summary>Whether a non-null value is unexpected; may throw <see cref="TextCheckAbortedException"/>.</summary>
    protected abstract bool IsUnexpected(ReadOnlySpan<byte> utf8);

    bool IUtf8Check.IsUnexpected(ReadOnlySpan<byte> utf8) => IsUnexpected(utf8);

    /// <summary>Throws the planner's precondition failure when the column is not text and the policy rejects it.</summary>
    protected static void RequireText(Field field, NonTextValues policy, string why)
    {
        if (policy == NonTextValues.Reject && !ColumnFacts.IsText(field.DataType))
        {
            throw new MetricPreconditionException($"column `{field.Name}` has type {field.DataType.Name}, but {why}; read the column as text.");
        }
    }

    public sealed override MetricState CreateState() => new TextCheckState(_sampleLimit);

    public sealed override void Accumulate(in ColumnBlock block, MetricState state)
    {
        var text = (TextCheckState)state;
        if (text.Abort is not null)
        {
            return; // a check that gave up spends no more time on this column
        }
        switch (block.Array)
        {
            case StringArray strings:
                using (var pinned = Utf8Rows.Pin(strings))
                {
                    var stringCheck = new Check<StringValues>(new StringValues(pinned.Rows), this, text, block.FirstRowIndex);
                    WordScan.Run(block, ref stringCheck, text.Rows);
                }
                break;
            case DictionaryArray { Dictionary: StringArray } dictionary:
                var dictionaryCheck = new Check<DictionaryValues>(new DictionaryValues(dictionary.Indices, EntryVerdicts.For(text, dictionary)), this, text, block.FirstRowIndex);
                WordScan.Run(block, ref dictionaryCheck, text.Rows);
                break;
            case IArrowArray when _nonText == NonTextValues.Unexpected:
                var all = new Check<NoValues>(default, this, text, block.FirstRowIndex);
                WordScan.Run(block, ref all, text.Rows);
                break;
            default:
                var boxed = new Check<PythonTextValues>(new PythonTextValues(block.Array), this, text, block.FirstRowIndex);
                WordScan.Run(block, ref boxed, text.Rows);
                break;
        }
    }

    /// <summary>Reads the verdict of one row; -1 when every value is unexpected without looking at it.</summary>
    private interface IValues
    {
        /// <summary>1 when unexpected, 0 when not; may throw <see cref="TextCheckAbortedException"/>.</summary>
        int Verdict(TextCheckKernel kernel, int row);
    }

    private readonly struct StringValues(Utf8Rows rows) : IValues
    {
        public int Verdict(TextCheckKernel kernel, int row) => kernel.IsUnexpected(rows[row]) ? 1 : 0;
    }

    private readonly struct NoValues : IValues
    {
        public int Verdict(TextCheckKernel kernel, int row) => 1;
    }

    /// <summary>
    /// Each dictionary entry is judged the first time a row uses it (<see cref="EntryVerdicts"/>); a give-up leaves the
    /// entry unjudged, and the row it happened on is the one reported.
    /// </summary>
    private readonly struct DictionaryValues(IArrowArray indices, EntryVerdicts verdicts) : IValues
    {
        public int Verdict(TextCheckKernel kernel, int row) =>
            verdicts.IsUnexpected(ArrowValues.DictionaryIndex(indices, row), kernel) ? 1 : 0;
    }

    /// <summary>Numbers, dates and other values, judged on the text Python's <c>str()</c> gives them (slow path).</summary>
    private readonly struct PythonTextValues(IArrowArray array) : IValues
    {
        public int Verdict(TextCheckKernel kernel, int row) =>
            kernel.IsUnexpected(Encoding.UTF8.GetBytes(PythonText.Of(ArrowValues.Get(array, row)!))) ? 1 : 0;
    }

    private readonly struct Check<TValues>(TValues values, TextCheckKernel kernel, TextCheckState state, long firstRowIndex) : IWordCheck
        where TValues : struct, IValues
    {
        public ulong Unexpected(int row, int count, ulong valid)
        {
            if (state.Abort is not null)
            {
                return 0;
            }
            ulong unexpected = 0;
            for (var bits = valid; bits != 0; bits &= bits - 1)
            {
                var i = System.Numerics.BitOperations.TrailingZeroCount(bits);
                try
                {
                    unexpected |= (ulong)values.Verdict(kernel, row + i) << i;
                }
                catch (TextCheckAbortedException e)
                {
                    state.RecordAbort(firstRowIndex + row + i, e.Message);
                    return unexpected;
                }
            }
            return unexpected;
        }
    }
}
