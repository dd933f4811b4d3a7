using System.Numerics;
using System.Runtime.CompilerServices;
using Apache.Arrow;
using Apache.Arrow.Arrays;
using Dq.Expectations.Columns;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Duplicates;

/// <summary>
/// Groups an integer-like column (8- to 64-bit integers, dates, timestamps, times, durations, booleans, decimals of
/// precision ≤ 18) in an <see cref="IntegerDuplicateState"/>: gathers a
/// block's considered values 64 rows a word (a word with every row valid and selected runs a straight loop, others
/// visit their set bits), then hands them to the state at once.
/// </summary>
internal sealed class IntegerDuplicateKernel<T>(Func<long, object?> toValue, int sampleLimit, bool trackRows) : ColumnKernel
    where T : unmanaged, IBinaryInteger<T>
{
    public override MetricState CreateState() => new IntegerDuplicateState(toValue, sampleLimit, trackRows, UnsignedKeys);

    /// <summary>
    /// One table for the whole run, filled by every worker (see <see cref="IntegerGroupTable"/>). A duplicate check
    /// expects every value distinct, so the rows are its table's expected keys; value counts (distinct values, modes)
    /// expect nothing, as their columns are often narrow.
    /// </summary>
    public override MetricState[] CreateStates(int workers, long expectedRows = 0) =>
        IntegerDuplicateState.Shared(workers, toValue, sampleLimit, trackRows, UnsignedKeys, trackRows ? expectedRows : 0);

    /// <summary>Whether the 64-bit keys order as unsigned numbers (uint64 keeps its bit pattern; narrower types widen).</summary>
    private static bool UnsignedKeys => typeof(T) == typeof(ulong);

    public override void Accumulate(in ColumnBlock block, MetricState state)
    {
        switch (block.Array)
        {
            case Decimal128Array decimals: // precision ≤ 18: the low word of each unscaled value is the value
                Gather(block, (IntegerDuplicateState)state, new DecimalLowWords(DecimalKeys.LowWords(decimals)));
                break;
            case FixedSizeBinaryArray bytes: // up to 8 bytes a value: packed into one key
                var width = ((Apache.Arrow.Types.FixedSizeBinaryType)bytes.Data.DataType).ByteWidth;
                Gather(block, (IntegerDuplicateState)state, new PackedBytes(bytes.ValueBuffer.Span[(bytes.Offset * width)..], width));
                break;
            case BooleanArray booleans:
                Gather(block, (IntegerDuplicateState)state, new BooleanBits(booleans.ValueBuffer.Span, booleans.Offset));
                break;
            default:
                Gather(block, (IntegerDuplicateState)state, new Primitive(((PrimitiveArray<T>)block.Array).Values));
                break;
        }
    }

    private static void Gather<TKeys>(in ColumnBlock block, IntegerDuplicateState groups, TKeys column)
        where TKeys : IKeyColumn, allows ref struct
    {
        var (keys, rows) = IntegerDuplicateState.BlockBuffers(block.Length);
        var validity = block.Validity;
        var end = block.Start + block.Length;
        var n = 0;
        for (var row = block.Start; row < end; row += 64)
        {
            var count = Math.Min(64, end - row);
            var considered = validity.Word(row, count) & block.Selected(row, count);
            if (considered == ValidityBits.LowBits(count))
            {
                for (var i = 0; i < count; i++)
                {
                    keys[n] = column.Key(row + i);
                    rows[n++] = row + i;
                }
                continue;
            }
            while (considered != 0)
            {
                var i = BitOperations.TrailingZeroCount(considered);
                keys[n] = column.Key(row + i);
                rows[n++] = row + i;
                considered &= considered - 1;
            }
        }
        groups.AddBlock(n, block.FirstRowIndex);
    }

    /// <summary>A column read as one 64-bit key per row.</summary>
    private interface IKeyColumn
    {
        long Key(int row);
    }

    private readonly ref struct Primitive(ReadOnlySpan<T> values) : IKeyColumn
    {
        private readonly ReadOnlySpan<T> _values = values;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public long Key(int row) => Widen(_values[row]);
    }

    private readonly ref struct DecimalLowWords(ReadOnlySpan<long> words) : IKeyColumn
    {
        private readonly ReadOnlySpan<long> _words = words;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public long Key(int row) => _words[row * 2];
    }

    private readonly ref struct PackedBytes(ReadOnlySpan<byte> bytes, int width) : IKeyColumn
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public long Key(int row)
        {
            if (width == 8)
            {
                return System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(_bytes.Slice(row * 8, 8));
            }
            Span<byte> padded = stackalloc byte[8];
            padded.Clear();
            _bytes.Slice(row * width, width).CopyTo(padded);
            return System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(padded);
        }
    }

    private readonly ref struct BooleanBits(ReadOnlySpan<byte> bits, int offset) : IKeyColumn
    {
        private readonly ReadOnlySpan<byte> _bits = bits;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public long Key(int row) => (_bits[(row + offset) >> 3] >> ((row + offset) & 7)) & 1;
    }

    /// <summary>The value widened to 64 bits (unsigned 64-bit values keep their bit pattern).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Widen(T value) => typeof(T) == typeof(ulong) ? unchecked((long)Unsafe.As<T, ulong>(ref value)) : long.CreateTruncating(value);
}
