using Apache.Arrow;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Range;

/// <summary>Range check on a decimal128 column, value by value (no vector form for 128-bit decimals).</summary>
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

    private readonly struct OutsideCheck(Decimal128Array decimals, DecimalRangeKernel kernel) : IWordCheck
    {
        public ulong Unexpected(int row, int count, ulong valid)
        {
            ulong unexpected = 0;
            for (var i = 0; i < count; i++)
            {
                if ((valid & (1UL << i)) != 0 && kernel.IsOutside((double)decimals.GetValue(row + i)!.Value))
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
