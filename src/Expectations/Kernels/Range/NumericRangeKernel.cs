using System.Numerics;
using Apache.Arrow;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Range;

/// <summary>
/// Counts non-null values of a primitive column (integers, floats, dates, timestamps) outside inclusive bounds
/// already converted to the column's type.
/// </summary>
internal sealed class NumericRangeKernel<T> : RowCheckKernel
    where T : unmanaged, INumber<T>
{
    private readonly T _lo;
    private readonly T _hi;
    private readonly bool _empty;
    private readonly KernelVariant _variant;

    /// <summary>Bounds are inclusive and in T; null when no value of type T satisfies the check.</summary>
    public NumericRangeKernel((T Lo, T Hi)? bounds, KernelVariant variant, int sampleLimit)
        : base(sampleLimit)
    {
        _empty = bounds is null;
        (_lo, _hi) = bounds ?? (T.Zero, T.Zero);
        _variant = variant;
    }

    protected override void Accumulate(in ColumnBlock block, UnexpectedRowsState state)
    {
        var values = ((PrimitiveArray<T>)block.Array).Values;
        var validity = block.Validity;
        var end = block.Start + block.Length;
        for (var row = block.Start; row < end; row += 64)
        {
            var count = Math.Min(64, end - row);
            var outside = _empty
                ? ulong.MaxValue >> (64 - count)
                : RangeMask.Compute(_variant, values.Slice(row, count), _lo, _hi);
            if (!block.HasNoNulls)
            {
                outside &= validity.Word(row, count);
            }
            state.AddWord(outside, block.Array, row, block.FirstRowIndex);
        }
    }
}
