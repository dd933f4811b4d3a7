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
        var check = new OutsideCheck(((PrimitiveArray<T>)block.Array).Values, this);
        WordScan.Run(block, ref check, state);
    }

    private readonly ref struct OutsideCheck(ReadOnlySpan<T> values, NumericRangeKernel<T> kernel) : IWordCheck
    {
        private readonly ReadOnlySpan<T> _values = values;

        public ulong Unexpected(int row, int count, ulong valid) => kernel._empty
            ? ulong.MaxValue
            : RangeMask.Compute(kernel._variant, _values.Slice(row, count), kernel._lo, kernel._hi);
    }
}
