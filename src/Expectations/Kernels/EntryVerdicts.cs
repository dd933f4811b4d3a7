using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels;

/// <summary>A check of one text value, judged on its UTF-8 bytes.</summary>
internal interface IUtf8Check
{
    /// <summary>Whether a non-null value is unexpected.</summary>
    bool IsUnexpected(ReadOnlySpan<byte> utf8);
}

/// <summary>
/// A text kernel's verdicts on the entries of the dictionary being scanned, so that each distinct value is judged
/// once however many rows hold it. An entry is judged the first time a row uses it, never before: a batch's
/// dictionary may have as many entries as the batch has rows (most of them unused by a block, a slice or a row
/// condition), and judging them all up front could cost more than judging the rows.
/// </summary>
/// <remarks>
/// Made per block; the verdicts live on between the blocks of a batch in the state's
/// <see cref="MetricState.KernelScratch"/>. Every batch brings its own dictionary object, even when its values
/// repeat the previous batch's, so the verdicts start over when the object changes (the buffer is reused). The
/// scratch holds the dictionary only weakly: kernels keep nothing that points into a batch once it is scanned, so
/// that a source may free it.
/// </remarks>
internal readonly struct EntryVerdicts
{
    private const sbyte Unknown = 0;
    private const sbyte Expected = 1;
    private const sbyte Unexpected = 2;

    private readonly StringArray _entries;
    private readonly sbyte[] _verdicts;

    private EntryVerdicts(StringArray entries, sbyte[] verdicts)
    {
        _entries = entries;
        _verdicts = verdicts;
    }

    /// <summary>The verdicts on the entries of <paramref name="array"/>'s dictionary, kept in <paramref name="state"/>.</summary>
    public static EntryVerdicts For(MetricState state, DictionaryArray array)
    {
        var entries = array.Dictionary as StringArray
            ?? throw new InvalidOperationException($"The planner gave a text kernel a dictionary of {array.Dictionary.Data.DataType.Name}.");
        if (state.KernelScratch is not Scratch scratch)
        {
            state.KernelScratch = scratch = new Scratch();
        }
        return new EntryVerdicts(entries, scratch.VerdictsFor(entries));
    }

    /// <summary>
    /// Whether the value at <paramref name="entry"/> is unexpected, judged by <paramref name="check"/> the first time
    /// (a null entry never is: rows pointing at it are null rows, see <see cref="Columns.DictionaryNulls"/>).
    /// </summary>
    /// <exception cref="DataReadException">The entry is outside the dictionary.</exception>
    public bool IsUnexpected(int entry, IUtf8Check check)
    {
        if ((uint)entry >= (uint)_entries.Length)
        {
            throw DictionaryIndices.OutsideDictionary(entry, _entries.Length);
        }
        var verdict = _verdicts[entry];
        if (verdict == Unknown)
        {
            verdict = _entries.IsValid(entry) && check.IsUnexpected(_entries.GetBytes(entry)) ? Unexpected : Expected;
            _verdicts[entry] = verdict;
        }
        return verdict == Unexpected;
    }

    /// <summary>The verdict buffer of one state, and which dictionary it holds verdicts on.</summary>
    private sealed class Scratch
    {
        private readonly WeakReference<IArrowArray?> _judged = new(null);
        private sbyte[] _verdicts = [];

        public sbyte[] VerdictsFor(IArrowArray dictionary)
        {
            if (_judged.TryGetTarget(out var judged) && ReferenceEquals(judged, dictionary))
            {
                return _verdicts;
            }
            _judged.SetTarget(dictionary);
            if (_verdicts.Length < dictionary.Length)
            {
                _verdicts = new sbyte[dictionary.Length];
            }
            else
            {
                System.Array.Clear(_verdicts, 0, dictionary.Length);
            }
            return _verdicts;
        }
    }
}
