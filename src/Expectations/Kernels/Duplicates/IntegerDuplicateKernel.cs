using System.Numerics;
using System.Runtime.CompilerServices;
using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Duplicates;

/// <summary>
/// Groups an integer-like column (8- to 64-bit integers, date32) in an <see cref="IntegerDuplicateState"/>, 64 rows
/// a word: a word with every row valid and selected runs a straight loop, others visit their set bits.
/// </summary>
internal sealed class IntegerDuplicateKernel<T>(Func<long, object?> toValue, int sampleLimit, bool trackRows) : ColumnKernel
    where T : unmanaged, IBinaryInteger<T>
{
    public override MetricState CreateState() => new IntegerDuplicateState(toValue, sampleLimit, trackRows);

    public override void Accumulate(in ColumnBlock block, MetricState state)
    {
        var groups = (IntegerDuplicateState)state;
        var values = ((PrimitiveArray<T>)block.Array).Values;
        var validity = block.Validity;
        var end = block.Start + block.Length;
        for (var row = block.Start; row < end; row += 64)
        {
            var count = Math.Min(64, end - row);
            var considered = validity.Word(row, count) & block.Selected(row, count);
            var first = block.FirstRowIndex + row;
            if (considered == ValidityBits.LowBits(count))
            {
                for (var i = 0; i < count; i++)
                {
                    groups.Add(Key(values[row + i]), first + i);
                }
                continue;
            }
            while (considered != 0)
            {
                var i = BitOperations.TrailingZeroCount(considered);
                groups.Add(Key(values[row + i]), first + i);
                considered &= considered - 1;
            }
        }
    }

    /// <summary>The value widened to 64 bits (unsigned 64-bit values keep their bit pattern).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long Key(T value) => typeof(T) == typeof(ulong) ? unchecked((long)Unsafe.As<T, ulong>(ref value)) : long.CreateTruncating(value);
}
