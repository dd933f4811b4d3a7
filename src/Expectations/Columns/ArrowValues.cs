using Apache.Arrow;
using Apache.Arrow.Arrays;
using Apache.Arrow.Types;

namespace Dq.Expectations.Columns;

/// <summary>
/// Reads single values out of Arrow arrays as plain .NET values, for sampled unexpected values and observed
/// values. Never used on the hot path: kernels read spans.
/// </summary>
/// <remarks>
/// The .NET type of each Arrow type: signed integers → <see cref="long"/>, unsigned → <see cref="ulong"/>,
/// floats → <see cref="double"/>, decimal128 → <see cref="decimal"/>, strings → <see cref="string"/>, binary →
/// <see cref="byte"/>[], bool → <see cref="bool"/>, date32/64 → <see cref="DateOnly"/>, timestamps without a time
/// zone → <see cref="DateTime"/> (unspecified kind), with one → <see cref="DateTimeOffset"/>, times of day →
/// <see cref="TimeOnly"/>, durations → <see cref="TimeSpan"/>; null → null (see <see cref="IntegerKeys"/>).
/// </remarks>
internal static class ArrowValues
{
    public static object? Get(IArrowArray array, int index)
    {
        if (array.IsNull(index))
        {
            return null;
        }
        return array switch
        {
            DictionaryArray dictionary => Get(dictionary.Dictionary, DictionaryIndex(dictionary.Indices, index)),
            StringArray strings => strings.GetString(index),
            LargeStringArray strings => strings.GetString(index),
            StringViewArray strings => strings.GetString(index),
            BooleanArray booleans => booleans.GetValue(index),
            Int8Array a => (long)a.Values[index],
            Int16Array a => (long)a.Values[index],
            Int32Array a => (long)a.Values[index],
            Int64Array a => a.Values[index],
            UInt8Array a => (ulong)a.Values[index],
            UInt16Array a => (ulong)a.Values[index],
            UInt32Array a => (ulong)a.Values[index],
            UInt64Array a => a.Values[index],
            HalfFloatArray a => (double)a.Values[index],
            FloatArray a => (double)a.Values[index],
            DoubleArray a => a.Values[index],
            Decimal128Array a => DecimalKeys.Value(DecimalKeys.Values(a)[index], (Decimal128Type)a.Data.DataType),
            Date32Array a => IntegerKeys.Date32(a.Values[index]),
            Date64Array a => IntegerKeys.Date64(a.Values[index]),
            // One conversion for every path: kernels that scan these columns as integers report values through it too.
            TimestampArray a => IntegerKeys.ToValue(a.Data.DataType)!(a.Values[index]),
            Time32Array a => IntegerKeys.ToValue(a.Data.DataType)!(a.Values[index]),
            Time64Array a => IntegerKeys.ToValue(a.Data.DataType)!(a.Values[index]),
            DurationArray a => IntegerKeys.ToValue(a.Data.DataType)!(a.Values[index]),
            Decimal256Array a => a.GetString(index),
            BinaryArray a => a.GetBytes(index).ToArray(),
            FixedSizeBinaryArray a => a.GetBytes(index).ToArray(),
            _ => array.Data.DataType.Name,
        };
    }

    /// <summary>The dictionary position that row <paramref name="row"/> of a dictionary array refers to.</summary>
    public static int DictionaryIndex(IArrowArray indices, int row) => indices switch
    {
        Int8Array a => a.Values[row],
        Int16Array a => a.Values[row],
        Int32Array a => a.Values[row],
        Int64Array a => checked((int)a.Values[row]),
        UInt8Array a => a.Values[row],
        UInt16Array a => a.Values[row],
        UInt32Array a => checked((int)a.Values[row]),
        UInt64Array a => checked((int)a.Values[row]),
        _ => throw new NotSupportedException($"Dictionary indices of type {indices.Data.DataType.Name} are not supported."),
    };
}
