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
        var decimals = (Decimal128Array)block.Array;
        var end = block.Start + block.Length;
        for (var row = block.Start; row < end; row += 64)
        {
            var count = Math.Min(64, end - row);
            ulong unexpected = 0;
            for (var i = 0; i < count; i++)
            {
                if (decimals.GetValue(row + i) is { } value && IsOutside((double)value))
                {
                    unexpected |= 1UL << i;
                }
            }
            state.AddWord(unexpected, block.Array, row, block.FirstRowIndex);
        }
    }

    private bool IsOutside(double value) =>
        (_min is { } min && (value < min || (_strictMin && value == min)))
        || (_max is { } max && (value > max || (_strictMax && value == max)));
}
