using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Expectations.Columns;

/// <summary>
/// Turns a dictionary-encoded column of numbers, dates or timestamps into a plain column, so that the primitive
/// kernels can scan it as values. Text dictionaries are not decoded: text kernels judge each entry once instead (see
/// <see cref="DictionaryNulls"/> for their null entries).
/// </summary>
internal static class DictionaryDecoder
{
    /// <summary>Whether a column of this type is scanned decoded.</summary>
    public static bool Decodes(IArrowType type) => type is DictionaryType { ValueType: not (StringType or LargeStringType or StringViewType) };

    public static IArrowArray Decode(DictionaryArray array) => array.Dictionary switch
    {
        Int8Array d => Decode(array, d),
        Int16Array d => Decode(array, d),
        Int32Array d => Decode(array, d),
        Int64Array d => Decode(array, d),
        UInt8Array d => Decode(array, d),
        UInt16Array d => Decode(array, d),
        UInt32Array d => Decode(array, d),
        UInt64Array d => Decode(array, d),
        FloatArray d => Decode(array, d),
        DoubleArray d => Decode(array, d),
        Date32Array d => Decode(array, d),
        Date64Array d => Decode(array, d),
        TimestampArray d => Decode(array, d),
        _ => throw new DataReadException(
            $"A dictionary-encoded column of {array.Dictionary.Data.DataType.Name} cannot be checked yet; decode it before validation."),
    };

    private static IArrowArray Decode<T>(DictionaryArray array, PrimitiveArray<T> dictionary)
        where T : struct, IEquatable<T>
    {
        var values = new ArrowBuffer.Builder<T>(array.Length);
        var validity = new ArrowBuffer.BitmapBuilder(array.Length);
        var entries = dictionary.Values;
        for (var row = 0; row < array.Length; row++)
        {
            var entry = array.IsValid(row) ? ArrowValues.DictionaryIndex(array.Indices, row) : -1;
            var present = entry >= 0 && dictionary.IsValid(entry);
            values.Append(present ? entries[entry] : default);
            validity.Append(present);
        }
        var data = new ArrayData(dictionary.Data.DataType, array.Length, validity.UnsetBitCount, 0, [validity.Build(), values.Build()]);
        return ArrowArrayFactory.BuildArray(data);
    }
}
