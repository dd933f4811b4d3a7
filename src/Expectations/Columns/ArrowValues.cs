using Apache.Arrow;
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
/// zone → <see cref="DateTime"/> (unspecified kind), with one → <see cref="DateTimeOffset"/>; null → null.
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
            Decimal128Array a => a.GetValue(index),
            Date32Array a => DateOnly.FromDateTime(a.GetDateTime(index)!.Value),
            Date64Array a => DateOnly.FromDateTime(a.GetDateTime(index)!.Value),
            TimestampArray a => Timestamp(a, index),
            BinaryArray a => a.GetBytes(index).ToArray(),
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

    private static object Timestamp(TimestampArray array, int index)
    {
        var type = (TimestampType)array.Data.DataType;
        var instant = array.GetTimestamp(index)!.Value;
        return string.IsNullOrEmpty(type.Timezone) ? DateTime.SpecifyKind(instant.UtcDateTime, DateTimeKind.Unspecified) : (object)instant;
    }
}
