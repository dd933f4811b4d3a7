using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Duplicates;

/// <summary>
/// Builds the kernel that groups a column's values: with row tracking for duplicate checks, without it for value
/// counts (distinct values, modes, quantiles), so both share one hashing code path.
/// </summary>
internal static class DuplicateKernels
{
    public static ColumnKernel Create(Field field, int sampleLimit, bool trackRows = true) => field.DataType switch
    {
        StringType or DictionaryType { ValueType: StringType } => new TextDuplicateKernel(sampleLimit, trackRows),
        // Integer-like columns group in the compact integer table; the key is the value widened to 64 bits.
        Int8Type => new IntegerDuplicateKernel<sbyte>(static k => k, sampleLimit, trackRows),
        Int16Type => new IntegerDuplicateKernel<short>(static k => k, sampleLimit, trackRows),
        Int32Type => new IntegerDuplicateKernel<int>(static k => k, sampleLimit, trackRows),
        Int64Type => new IntegerDuplicateKernel<long>(static k => k, sampleLimit, trackRows),
        UInt8Type => new IntegerDuplicateKernel<byte>(static k => (ulong)k, sampleLimit, trackRows),
        UInt16Type => new IntegerDuplicateKernel<ushort>(static k => (ulong)k, sampleLimit, trackRows),
        UInt32Type => new IntegerDuplicateKernel<uint>(static k => (ulong)k, sampleLimit, trackRows),
        UInt64Type => new IntegerDuplicateKernel<ulong>(static k => unchecked((ulong)k), sampleLimit, trackRows),
        FloatType => new PrimitiveDuplicateKernel<float>(static v => (double)v, sampleLimit, trackRows),
        DoubleType => new PrimitiveDuplicateKernel<double>(static v => v, sampleLimit, trackRows),
        // Dates, timestamps (any unit, any time zone), times and durations group as their stored integers.
        var t when IntegerKeys.IsInt32Backed(t) => new IntegerDuplicateKernel<int>(IntegerKeys.ToValue(t)!, sampleLimit, trackRows),
        var t when IntegerKeys.IsInt64Backed(t) => new IntegerDuplicateKernel<long>(IntegerKeys.ToValue(t)!, sampleLimit, trackRows),
        // Decimals group as their unscaled integers: 64-bit ones up to precision 18, else 128-bit keys.
        Decimal128Type { Precision: <= DecimalKeys.Int64Precision } d =>
            new IntegerDuplicateKernel<long>(k => DecimalKeys.Value(k, d.Scale), sampleLimit, trackRows),
        Decimal128Type d => new PrimitiveDuplicateKernel<Int128>(k => DecimalKeys.Value(k, d.Scale), sampleLimit, trackRows),
        BooleanType => new IntegerDuplicateKernel<byte>(static k => k != 0, sampleLimit, trackRows),
        // Fixed-size binary of up to 8 bytes is a 64-bit key (its bytes, zero-extended): the integer table.
        FixedSizeBinaryType { ByteWidth: <= 8 } f and not Decimal256Type =>
            new IntegerDuplicateKernel<byte>(k => FixedBytes(k, f.ByteWidth), sampleLimit, trackRows),
        BinaryType or FixedSizeBinaryType and not Decimal256Type => new TextDuplicateKernel(sampleLimit, trackRows, binary: true),
        _ => new BoxedDuplicateKernel(sampleLimit, trackRows),
    };

    private sealed class PrimitiveDuplicateKernel<T>(Func<T, object?> toValue, int sampleLimit, bool trackRows) : ColumnKernel
        where T : unmanaged, IEquatable<T>
    {
        public override MetricState CreateState() => new DuplicateState<T>(null, toValue, sampleLimit, trackRows);

        public override void Accumulate(in ColumnBlock block, MetricState state)
        {
            var duplicates = (DuplicateState<T>)state;
            var values = block.Array is Decimal128Array decimals
                ? MemoryMarshal.Cast<Int128, T>(DecimalKeys.Values(decimals))
                : ((PrimitiveArray<T>)block.Array).Values;
            var validity = block.Validity;
            for (var row = block.Start; row < block.Start + block.Length; row++)
            {
                // NaN is missing, as in pandas: never a duplicate, never a distinct value.
                if ((block.HasNoNulls || validity.IsValid(row)) && block.IsSelected(row) && !IsNaN(values[row]))
                {
                    duplicates.Add(values[row], block.FirstRowIndex + row);
                }
            }
        }
    }

    private static bool IsNaN<T>(T value)
        where T : unmanaged =>
        (typeof(T) == typeof(double) && double.IsNaN(Unsafe.As<T, double>(ref value)))
        || (typeof(T) == typeof(float) && float.IsNaN(Unsafe.As<T, float>(ref value)));

    /// <summary>Text, and binary (fixed-size or not) by the same byte keys, reported as bytes instead of text.</summary>
    private sealed class TextDuplicateKernel(int sampleLimit, bool trackRows, bool binary = false) : ColumnKernel
    {
        public override MetricState CreateState() => new TextDuplicateState(sampleLimit, trackRows, binary);

        public override void Accumulate(in ColumnBlock block, MetricState state)
        {
            var duplicates = (TextDuplicateState)state;
            if (!trackRows && block.Array is DictionaryArray { Dictionary: StringArray entries } counted && entries.Length <= block.Length)
            {
                CountEntries(block, counted.Indices, entries, duplicates);
                return;
            }
            if (block.Array is FixedSizeBinaryArray fixedSize)
            {
                AddFixedSize(block, fixedSize, duplicates);
                return;
            }
            var (strings, indices) = block.Array is DictionaryArray dictionary
                ? ((BinaryArray)dictionary.Dictionary, dictionary.Indices)
                : ((BinaryArray)block.Array, null);
            for (var row = block.Start; row < block.Start + block.Length; row++)
            {
                if (block.Array.IsValid(row) && block.IsSelected(row))
                {
                    var entry = indices is null ? row : ArrowValues.DictionaryIndex(indices, row);
                    if (indices is null || strings.IsValid(entry)) // a valid index may point at a null entry: a null row
                    {
                        duplicates.Add(strings.GetBytes(entry), block.FirstRowIndex + row);
                    }
                }
            }
        }
    }

    /// <summary>The bytes a fixed-size binary key was packed from (little-endian, see <see cref="IntegerDuplicateKernel{T}"/>).</summary>
    private static byte[] FixedBytes(long key, int width)
    {
        var bytes = new byte[8];
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes, key);
        return bytes[..width];
    }

    private static void AddFixedSize(in ColumnBlock block, FixedSizeBinaryArray array, TextDuplicateState duplicates)
    {
        var width = ((FixedSizeBinaryType)array.Data.DataType).ByteWidth;
        var bytes = array.ValueBuffer.Span[(array.Offset * width)..];
        for (var row = block.Start; row < block.Start + block.Length; row += 64)
        {
            var count = Math.Min(64, block.Start + block.Length - row);
            for (var bits = block.Considered(row, count); bits != 0; bits &= bits - 1)
            {
                var at = row + System.Numerics.BitOperations.TrailingZeroCount(bits);
                duplicates.Add(bytes.Slice(at * width, width), block.FirstRowIndex + at);
            }
        }
    }

    /// <summary>
    /// Value counts (no rows tracked) of dictionary-encoded text whose dictionary is no longer than the block: rows are
    /// tallied per entry, and each used entry's bytes are hashed once per block instead of once per row.
    /// </summary>
    private static void CountEntries(in ColumnBlock block, IArrowArray indices, StringArray entries, TextDuplicateState duplicates)
    {
        if (duplicates.KernelScratch is not int[] tally || tally.Length < entries.Length)
        {
            duplicates.KernelScratch = tally = new int[Math.Max(entries.Length, 256)];
        }
        System.Array.Clear(tally, 0, entries.Length);
        Span<int> positions = stackalloc int[64];
        for (var row = block.Start; row < block.Start + block.Length; row += 64)
        {
            var count = Math.Min(64, block.Start + block.Length - row);
            DictionaryIndices.Read(indices, row, positions[..count]);
            for (var bits = block.Considered(row, count); bits != 0; bits &= bits - 1)
            {
                var position = positions[System.Numerics.BitOperations.TrailingZeroCount(bits)];
                if ((uint)position >= (uint)entries.Length)
                {
                    throw DictionaryIndices.OutsideDictionary(position, entries.Length);
                }
                tally[position]++;
            }
        }
        for (var entry = 0; entry < entries.Length; entry++)
        {
            if (tally[entry] > 0 && entries.IsValid(entry)) // a valid index may point at a null entry: a null row
            {
                duplicates.AddCount(entries.GetBytes(entry), tally[entry], block.FirstRowIndex + block.Start);
            }
        }
    }

    /// <summary>Any other type (decimal256, nested values), keyed by its boxed .NET value.</summary>
    private sealed class BoxedDuplicateKernel(int sampleLimit, bool trackRows) : ColumnKernel
    {
        public override MetricState CreateState() => new DuplicateState<object>(null, static v => v, sampleLimit, trackRows);

        public override void Accumulate(in ColumnBlock block, MetricState state)
        {
            var duplicates = (DuplicateState<object>)state;
            for (var row = block.Start; row < block.Start + block.Length; row++)
            {
                if (block.IsSelected(row) && ArrowValues.Get(block.Array, row) is { } value && value is not double.NaN)
                {
                    duplicates.Add(value, block.FirstRowIndex + row);
                }
            }
        }
    }
}
