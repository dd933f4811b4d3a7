using Dq.Expectations.Catalog;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Summary;

/// <summary>
/// Aggregates of a column's non-null values, mergeable in any order: count, min, max, and for numbers an exact
/// integer sum (integer columns), a compensated real sum, and the mean and sum of squared deviations merged with
/// Chan's formula, so that chunking changes results only in the last bits.
/// </summary>
internal sealed class ColumnSummaryState : MetricState
{
    public long Count { get; private set; }

    /// <summary>The smallest value as a plain .NET value (long, ulong, double, string, DateOnly, DateTime…); null when empty.</summary>
    public object? Min { get; private set; }

    /// <summary>The largest value; null when empty.</summary>
    public object? Max { get; private set; }

    /// <summary>Whether the column holds numbers (or booleans), so that sum, mean and deviation are defined.</summary>
    public bool IsNumeric { get; init; }

    /// <summary>Whether every value is an integer, so that <see cref="IntegerSum"/> is exact.</summary>
    public bool IsInteger { get; init; }

    public Int128 IntegerSum { get; private set; }

    private double _sum;
    private double _compensation;

    public double Mean { get; private set; }

    /// <summary>The sum of squared deviations from the mean (M2).</summary>
    public double SquaredDeviations { get; private set; }

    /// <summary>The sum: exact for integer columns, compensated (Neumaier) for reals.</summary>
    public double Sum => IsInteger ? (double)IntegerSum : _sum + _compensation;

    /// <summary>The sample standard deviation (n − 1), as GX and pandas compute it; NaN for fewer than two values.</summary>
    public double SampleStandardDeviation => Count < 2 ? double.NaN : Math.Sqrt(SquaredDeviations / (Count - 1));

    /// <summary>Adds the aggregates of a block: its count, extremes, exact and real sums, mean and M2.</summary>
    public void AddBlock(long count, object? min, object? max, Int128 integerSum, double sum, double mean, double squaredDeviations)
    {
        if (count == 0)
        {
            return;
        }
        Combine(count, min, max, integerSum, sum, 0, mean, squaredDeviations);
    }

    public override void Merge(MetricState other)
    {
        var that = (ColumnSummaryState)other;
        if (that.Count > 0)
        {
            Combine(that.Count, that.Min, that.Max, that.IntegerSum, that._sum, that._compensation, that.Mean, that.SquaredDeviations);
        }
    }

    private void Combine(long count, object? min, object? max, Int128 integerSum, double sum, double compensation, double mean, double squaredDeviations)
    {
        if (Min is null || (min is not null && ValueComparer.Instance.Compare(min, Min) < 0))
        {
            Min = min;
        }
        if (Max is null || (max is not null && ValueComparer.Instance.Compare(max, Max) > 0))
        {
            Max = max;
        }
        IntegerSum += integerSum;
        AddCompensated(sum);
        AddCompensated(compensation);
        // Chan et al.: the combined mean and M2 of two groups.
        var total = Count + count;
        var delta = mean - Mean;
        SquaredDeviations += squaredDeviations + (delta * delta * Count * count / total);
        Mean += delta * count / total;
        Count = total;
    }

    private void AddCompensated(double value)
    {
        var t = _sum + value;
        _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - t) + value : (value - t) + _sum;
        _sum = t;
    }
}
