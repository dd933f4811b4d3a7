using System.Buffers;
using Apache.Arrow;
using Dq.Expectations.Columns;

namespace Dq.Expectations.Kernels.Profile;

/// <summary>Receives the distinct texts of a block with how many considered rows hold each.</summary>
internal interface ITextVisitor
{
    void Visit(ReadOnlySpan<byte> utf8, long rows);
}

/// <summary>
/// Walks the considered (valid, selected) text values of a block as UTF-8 bytes. A plain string column gives each row
/// once; a dictionary-encoded one is counted per entry first and each used entry is visited once with its row count,
/// so profiling a low-cardinality column costs one pass over its indices.
/// </summary>
internal static class TextBlockValues
{
    public static void Visit<TVisitor>(in ColumnBlock block, ref TVisitor visitor)
        where TVisitor : struct, ITextVisitor
    {
        switch (block.Array)
        {
            case StringArray strings:
                VisitPlain(block, strings, ref visitor);
                break;
            case DictionaryArray { Dictionary: StringArray entries } dictionary:
                VisitDictionary(block, dictionary.Indices, entries, ref visitor);
                break;
            default:
                throw new InvalidOperationException($"A text profile was planned for a column of type {block.Array.Data.DataType.Name}.");
        }
    }

    private static void VisitPlain<TVisitor>(in ColumnBlock block, StringArray strings, ref TVisitor visitor)
        where TVisitor : struct, ITextVisitor
    {
        using var pinned = Utf8Rows.Pin(strings);
        var rows = pinned.Rows;
        for (var row = block.Start; row < block.Start + block.Length; row += 64)
        {
            var n = Math.Min(64, block.Start + block.Length - row);
            for (var bits = block.Considered(row, n); bits != 0; bits &= bits - 1)
            {
                visitor.Visit(rows[row + System.Numerics.BitOperations.TrailingZeroCount(bits)], 1);
            }
        }
    }

    private static void VisitDictionary<TVisitor>(in ColumnBlock block, IArrowArray indices, StringArray entries, ref TVisitor visitor)
        where TVisitor : struct, ITextVisitor
    {
        var counts = ArrayPool<long>.Shared.Rent(entries.Length);
        Span<int> positions = stackalloc int[64];
        try
        {
            System.Array.Clear(counts, 0, entries.Length);
            for (var row = block.Start; row < block.Start + block.Length; row += 64)
            {
                var n = Math.Min(64, block.Start + block.Length - row);
                var considered = block.Considered(row, n);
                if (considered == 0)
                {
                    continue;
                }
                DictionaryIndices.Read(indices, row, positions[..n]);
                for (var bits = considered; bits != 0; bits &= bits - 1)
                {
                    var entry = positions[System.Numerics.BitOperations.TrailingZeroCount(bits)];
                    if ((uint)entry >= (uint)entries.Length)
                    {
                        throw DictionaryIndices.OutsideDictionary(entry, entries.Length);
                    }
                    counts[entry]++;
                }
            }
            using var pinned = Utf8Rows.Pin(entries);
            for (var entry = 0; entry < entries.Length; entry++)
            {
                if (counts[entry] > 0 && !entries.IsNull(entry))
                {
                    visitor.Visit(pinned.Rows[entry], counts[entry]);
                }
            }
        }
        finally
        {
            ArrayPool<long>.Shared.Return(counts);
        }
    }
}
