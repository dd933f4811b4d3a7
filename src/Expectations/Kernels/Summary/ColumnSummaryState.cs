using Dq.Expectations.Columns;
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
    public double Sum => IsInteger ? (double)IntegerSum : double.IsFinite(_sum) ? _sum + _compensation : _sum;

    /// <summary>The sample standard deviation (n − 1), as GX and pandas compute it; NaN for fewer than two values.</summary>
    public double SampleStandardDeviation => Count < 2 ? double.NaN : Math.Sqrt(SquaredDeviations / (Count - 1));

    /// <summary>Adds the aggregates of a block: its count, extremes, exact and real sums, mean and M2.</summary>
    public void AddBlock(long count, object? min, object? max, Int128 integerSum, double sum, double compensation, double mean, double squaredDeviations)
    {
        if (count == 0)
        {
            return;
        }
        Combine(count, min, max, integerSum, sum, compensation, mean, squaredDeviations);
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
        AddCompensated(ref _sum, ref _compensation, sum);
        AddCompensated(ref _sum, ref _compensation, compensation);
        var total = Count + count;
        if (Count == 0)
        {
            (Mean, SquaredDeviations) = (mean, squaredDeviations);
        }
        else if (!double.IsFinite(Mean) || !double.IsFinite(mean))
        {
            // With an infinity on either side the mean is that infinity (NaN for +∞ with −∞) and the deviation
            // undefined, as pandas reports, whichever way the rows were split.
            Mean = (Mean * ((double)Count / total)) + (mean * ((double)count / total));
            SquaredDeviations = double.NaN;
        }
        else
        {
            // Chan et al.: the combined mean and M2 of two groups.
            var delta = mean - Mean;
            SquaredDeviations += squaredDeviations + (delta * delta * Count * count / total);
            Mean += delta * count / total;
        }
        Count = total;
    }

    /// <summary>
    /// Neumaier's compensated addition. Once the sum is infinite the compensation stops (∞ − ∞ would poison it), so
    /// an infinity in the data gives an infinite sum, as pandas reports.
    /// </summary>
    internal static void AddCompensated(ref double sum, ref double compensation, double value)
    {
        var t = sum + value;
        if (double.IsFinite(t))
        {
            compensation += Math.Abs(sum) >= Math.Abs(value) ? (sum - t) + value : (value - t) + sum;
        }
        sum = t;
    }
}
