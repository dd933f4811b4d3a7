using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Readers.Parquet;

/// <summary>
/// Turns the few Arrow types that Arrow C++ produces but dq's kernels do not scan into ones they do: large strings and
/// large binaries (64-bit offsets; written by pyarrow when its schema said so) become strings and binaries with 32-bit
/// offsets, sharing the value bytes; float16 widens to float32; decimals beyond 38 digits (decimal256) become doubles.
/// Every other array is returned as it is.
/// </summary>
internal static class ArrowNormalizer
{
    public static IArrowType TypeOf(IArrowType type) => type switch
    {
        LargeStringType => StringType.Default,
        LargeBinaryType => BinaryType.Default,
        HalfFloatType => FloatType.Default,
        Decimal256Type => DoubleType.Default,
        DictionaryType { ValueType: var value } dictionary when !ReferenceEquals(TypeOf(value), value) =>
            new DictionaryType(dictionary.IndexType, TypeOf(value), dictionary.Ordered),
        _ => type,
    };

    public static bool Changes(IArrowType type) => !ReferenceEquals(TypeOf(type), type);

    public static IArrowArray Normalize(IArrowArray array) => array switch
    {
        LargeStringArray or LargeBinaryArray => ArrowArrayFactory.BuildArray(NarrowOffsets(array.Data, array is LargeStringArray ? StringType.Default : BinaryType.Default)),
        HalfFloatArray halves => Widen(halves),
        Decimal256Array wide => ToDoubles(wide),
        DictionaryArray dictionary when Changes(dictionary.Dictionary.Data.DataType) => ArrowArrayFactory.BuildArray(new ArrayData(
            TypeOf(dictionary.Data.DataType), dictionary.Length, dictionary.NullCount, dictionary.Offset, dictionary.Data.Buffers,
            dictionary.Data.Children, Normalize(dictionary.Dictionary).Data)),
        _ => array,
    };

    /// <summary>64-bit offsets to 32-bit ones: a batch of at most a few hundred thousand rows never holds 2 GiB of text.</summary>
    private static ArrayData NarrowOffsets(ArrayData data, IArrowType type)
    {
        ReadOnlySpan<long> wide = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, long>(data.Buffers[1].Span).Slice(data.Offset, data.Length + 1);
        long first = wide[0];
        if (wide[^1] - first > int.MaxValue)
        {
            throw new OverflowException($"A batch holds {wide[^1] - first:N0} bytes of text, beyond the 2 GiB of one Arrow string array; read with a smaller batch size.");
        }
        var narrow = new int[wide.Length];
        for (var i = 0; i < narrow.Length; i++)
        {
            narrow[i] = (int)(wide[i] - first);
        }
        ArrowBuffer values = new(data.Buffers[2].Memory.Slice((int)first, (int)(wide[^1] - first)));
        ArrowBuffer validity = data.NullCount == 0 ? ArrowBuffer.Empty
            : data.Offset == 0 ? data.Buffers[0] : CopyBits(data.Buffers[0], data.Offset, data.Length);
        return new ArrayData(type, data.Length, data.NullCount, 0, [validity, new ArrowBuffer(System.Runtime.InteropServices.MemoryMarshal.AsBytes(narrow.AsSpan()).ToArray()), values]);
    }

    private static ArrowBuffer CopyBits(ArrowBuffer bits, int offset, int length)
    {
        var builder = new ArrowBuffer.BitmapBuilder(length);
        ReadOnlySpan<byte> span = bits.Span;
        for (var i = 0; i < length; i++)
        {
            builder.Append(BitUtility.GetBit(span, offset + i));
        }
        return builder.Build();
    }

    private static FloatArray Widen(HalfFloatArray halves) =>
        Convert(halves, new FloatArray.Builder(), i => (float)halves.Values[i]);

    private static DoubleArray ToDoubles(Decimal256Array wide) =>
        Convert(wide, new DoubleArray.Builder(), i => double.Parse(wide.GetString(i)!, CultureInfo.InvariantCulture));

    /// <summary>A new array of the converted values, nulls kept (for the rare types converted value by value).</summary>
    private static TArray Convert<TArray, TValue, TBuilder>(IArrowArray source, PrimitiveArrayBuilder<TValue, TArray, TBuilder> builder, Func<int, TValue> valueAt)
        where TArray : IArrowArray
        where TValue : struct
        where TBuilder : class, IArrowArrayBuilder<TArray>
    {
        builder.Reserve(source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            if (source.IsNull(i))
            {
                builder.AppendNull();
            }
            else
            {
                builder.Append(valueAt(i));
            }
        }
        return builder.Build();
    }
}
