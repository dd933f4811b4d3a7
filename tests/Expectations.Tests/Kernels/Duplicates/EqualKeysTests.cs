using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Duplicates;
using Dq.Expectations.Metrics;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Kernels.Duplicates;

/// <summary>
/// 0.0 and -0.0 are one duplicate group, but each row reports its own value, whichever worker saw which row and in
/// whichever order the states merge (two workers once gave a 2-thread run a different sample than a 1-thread run).
/// </summary>
public sealed class EqualKeysTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Merge_ZeroAndNegativeZero_EachRowKeepsItsOwnValue(bool laterFirst)
    {
        var kernel = DuplicateKernels.Create(new Field("x", DoubleType.Default, true), int.MaxValue);
        var early = Accumulate(kernel, [0.0, 1.5], firstRow: 0);   // rows 0, 1
        var late = Accumulate(kernel, [-0.0, 0.0], firstRow: 2);   // rows 2, 3

        var merged = laterFirst ? late : early;
        merged.Merge(laterFirst ? early : late);
        var rows = ((IUnexpectedRowsSource)merged).ToUnexpectedRows().Sample.Rows;

        Assert.Equal([0L, 2L, 3L], rows.Select(r => r.RowIndex));
        Assert.Equal([false, true, false], rows.Select(r => double.IsNegative((double)r.Value!)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ValueCounts_ZeroAndNegativeZero_AreNamedByTheFirstRowsValue(bool laterFirst)
    {
        var kernel = DuplicateKernels.Create(new Field("x", DoubleType.Default, true), 0, trackRows: false);
        var early = Accumulate(kernel, [-0.0], firstRow: 0);
        var late = Accumulate(kernel, [0.0, 0.0], firstRow: 1);

        var merged = laterFirst ? late : early;
        merged.Merge(laterFirst ? early : late);
        var (value, count) = Assert.Single(((IValueCountsSource)merged).Counts);

        Assert.Equal(3, count);
        Assert.True(double.IsNegative((double)value!));
    }

    private static MetricState Accumulate(ColumnKernel kernel, double?[] values, long firstRow)
    {
        var state = kernel.CreateState();
        var array = Arrays.Double(values);
        kernel.Accumulate(new ColumnBlock(array, 0, array.Length, firstRow), state);
        return state;
    }
}
