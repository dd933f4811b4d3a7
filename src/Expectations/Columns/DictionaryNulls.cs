using Apache.Arrow;

namespace Dq.Expectations.Columns;

/// <summary>
/// A dictionary array has two kinds of null: a null index slot, and a valid slot pointing at a null entry of the
/// dictionary. Both are a missing value, but only the first is in the array's validity bitmap, which null counts,
/// row conditions and every kernel's 64-row words read. <see cref="AsRowNulls"/> folds the second kind into the
/// bitmap, once per batch, so the rest of the engine sees one kind of null.
/// </summary>
internal static class DictionaryNulls
{
    /// <summary>
    /// The array itself when its dictionary has no null entry; else the same indices and dictionary with every row
    /// that points at a null entry marked null. Costs one pass over the rows, only for such dictionaries.
    /// </summary>
    public static DictionaryArray AsRowNulls(DictionaryArray array)
    {
        var dictionary = array.Dictionary;
        if (dictionary.NullCount == 0)
        {
            return array;
        }
        // The new bitmap keeps the array's offset, so the index buffer is shared as it is.
        var offset = array.Offset;
        var bitmap = new byte[(offset + array.Length + 7) / 8];
        var nulls = 0;
        for (var row = 0; row < array.Length; row++)
        {
            // An index outside the dictionary is left valid: the kernel that reads it reports the inconsistency.
            if (array.IsValid(row) && ArrowValues.DictionaryIndex(array.Indices, row) is var entry
                && ((uint)entry >= (uint)dictionary.Length || dictionary.IsValid(entry)))
            {
                var bit = offset + row;
                bitmap[bit >> 3] |= (byte)(1 << (bit & 7));
            }
            else
            {
                nulls++;
            }
        }
        var data = array.Data;
        var folded = new ArrayData(data.DataType, array.Length, nulls, offset, [new ArrowBuffer(bitmap), data.Buffers[1]], data.Children, data.Dictionary);
        return new DictionaryArray(folded);
    }
}
