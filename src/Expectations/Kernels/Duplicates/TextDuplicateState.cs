using System.Runtime.InteropServices;
using System.Text;
using Dq.Expectations.Kernels.Sets;

namespace Dq.Expectations.Kernels.Duplicates;

/// <summary>Duplicate tracking for text (and binary), keyed by the bytes probed straight from the Arrow buffer.</summary>
internal sealed class TextDuplicateState : DuplicateState<byte[]>
{
    private readonly Dictionary<byte[], Group>.AlternateLookup<ReadOnlySpan<byte>> _lookup;

    /// <param name="sampleLimit">How many duplicated rows to keep with their values.</param>
    /// <param name="trackRows">False for value counts: no repeat rows are kept.</param>
    /// <param name="binary">Whether the values are binary, reported as bytes rather than text.</param>
    public TextDuplicateState(int sampleLimit, bool trackRows = true, bool binary = false)
        : base(Utf8Comparer.Instance, binary ? static bytes => bytes.Clone() : static bytes => Encoding.UTF8.GetString(bytes), sampleLimit, trackRows) =>
        _lookup = Groups.GetAlternateLookup<ReadOnlySpan<byte>>();

    /// <summary>Counts a value; its bytes are copied only the first time the value is seen.</summary>
    public void Add(ReadOnlySpan<byte> utf8, long rowIndex)
    {
        ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(_lookup, utf8, out var exists);
        Count(ref group, exists, exists ? group.Key : utf8.ToArray(), rowIndex);
    }

    /// <summary>
    /// Counts <paramref name="count"/> rows of one value at once, for value counts only (no rows tracked):
    /// <paramref name="firstRow"/> need only be a row of the block they came from.
    /// </summary>
    public void AddCount(ReadOnlySpan<byte> utf8, long count, long firstRow)
    {
        ref var group = ref CollectionsMarshal.GetValueRefOrAddDefault(_lookup, utf8, out var exists);
        if (exists)
        {
            group.Count += count;
            Join(ref group, group.Key, firstRow);
        }
        else
        {
            group = new Group(utf8.ToArray(), firstRow, count);
        }
    }
}
