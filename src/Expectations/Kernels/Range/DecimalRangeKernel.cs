using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Range;

/// <summary>Range check on a decimal128 column, from the unscaled integers (no vector form for 128-bit decimals).</summary>
internal sealed class DecimalRangeKernel : RowCheckKernel
{
    private readonly double? _min;
    private readonly double? _max;
    private readonly bool _strictMin;
    private readonly bool _strictMax;

    public DecimalRangeKernel((object? Min, object? Max) bounds, int sampleLimit, bool strictMin = false, bool strictMax = false)
        : base(sampleLimit)
    {
        _min = bounds.Min is null ? null : bounds.Min is long l ? l : (double)bounds.Min;
        _max = bounds.Max is null ? null : bounds.Max is long m ? m : (double)bounds.Max;
        _strictMin = strictMin;
        _strictMax = strictMax;
    }

    protected override void Accumulate(in ColumnBlock block, UnexpectedRowsState state)
    {
        var check = new OutsideCheck((Decimal128Array)block.Array, this);
        WordScan.Run(block, ref check, state);
    }

    /// <summary>
    /// Each value as a double from its unscaled integer (the low word up to precision 18, which is the value), divided
    /// by 10^scale once: no decimal per row.
    /// </summary>
    private readonly ref struct OutsideCheck(Decimal128Array decimals, DecimalRangeKernel kernel) : IWordCheck
    {
        private readonly ReadOnlySpan<long> _low = DecimalKeys.LowWords(decimals);
        private readonly ReadOnlySpan<Int128> _wide = DecimalKeys.Values(decimals);
        private readonly bool _narrow = ((Decimal128Type)decimals.Data.DataType).Precision <= DecimalKeys.Int64Precision;
        private readonly double _unit = Math.Pow(10, ((Decimal128Type)decimals.Data.DataType).Scale);

        public ulong Unexpected(int row, int count, ulong valid)
        {
            ulong unexpected = 0;
            for (var bits = valid; bits != 0; bits &= bits - 1)
            {
                var i = System.Numerics.BitOperations.TrailingZeroCount(bits);
                var value = (_narrow ? _low[(row + i) * 2] : (double)_wide[row + i]) / _unit;
                if (kernel.IsOutside(value))
                {
                    unexpected |= 1UL << i;
                }
            }
            return unexpected;
        }
    }

    private bool IsOutside(double value) =>
        (_min is { } min && (value < min || (_strictMin && value == min)))
        || (_max is { } max && (value > max || (_strictMax && value == max)));
}
