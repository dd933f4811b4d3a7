using System.Numerics;
using Apache.Arrow;

namespace Dq.Expectations.Columns;

/// <summary>Reads the dictionary positions of a run of rows, resolving the index type once per run rather than per row.</summary>
internal static class DictionaryIndices
{
    /// <summary>
    /// The positions of rows <paramref name="row"/> .. + <paramref name="into"/>.Length - 1. Null slots may hold any
    /// index, so nothing is checked here: a position that does not fit an int becomes int.MaxValue or negative, out of
    /// range for any dictionary, and is caught where a valid row uses it.
    /// </summary>
    public static void Read(IArrowArray indices, int row, Span<int> into)
    {
        switch (indices)
        {
            case Int8Array a: Read(a.Values, row, into); break;
            case Int16Array a: Read(a.Values, row, into); break;
            case Int32Array a: a.Values.Slice(row, into.Length).CopyTo(into); break;
            case Int64Array a: Read(a.Values, row, into); break;
            case UInt8Array a: Read(a.Values, row, into); break;
            case UInt16Array a: Read(a.Values, row, into); break;
            case UInt32Array a: Read(a.Values, row, into); break;
            case UInt64Array a: Read(a.Values, row, into); break;
            default: throw new NotSupportedException($"Dictionary indices of type {indices.Data.DataType.Name} are not supported.");
        }
    }

    /// <summary>The error for a row whose index points outside its dictionary: the source is inconsistent.</summary>
    public static DataReadException OutsideDictionary(int entry, int dictionaryLength) =>
        new($"A row of a dictionary-encoded text column points at entry {entry} of a dictionary of {dictionaryLength} entries; the source is inconsistent.");

    private static void Read<T>(ReadOnlySpan<T> values, int row, Span<int> into)
        where T : unmanaged, IBinaryInteger<T>
    {
        var source = values.Slice(row, into.Length);
        for (var i = 0; i < source.Length; i++)
        {
            into[i] = int.CreateSaturating(source[i]);
        }
    }
}
