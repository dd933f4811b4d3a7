using System.Globalization;
using Dq.Expectations.Kernels;

namespace Dq.Expectations.Catalog;

/// <summary>Order statistics over a column's value counts (distinct values in order, each with its count).</summary>
internal static class Quantiles
{
    /// <summary>The median; the mean of the two middle values when the count is even, as pandas computes it.</summary>
    public static object? Median(string column, IReadOnlyList<(object Value, long Count)> counts)
    {
        var total = counts.Sum(c => c.Count);
        if (total == 0)
        {
            return null;
        }
        var lower = Number(column, ValueAt(counts, (total - 1) / 2));
        var upper = Number(column, ValueAt(counts, total / 2));
        return lower == upper ? lower : (lower + upper) / 2;
    }

    /// <summary>
    /// The quantile q with numpy's "nearest" interpolation, which GX asks pandas for: the value at position
    /// q·(n − 1) of the sorted values, rounded half to even.
    /// </summary>
    public static object Nearest(IReadOnlyList<(object Value, long Count)> counts, long total, double q) =>
        ValueAt(counts, (long)Math.Round(q * (total - 1), MidpointRounding.ToEven));

    /// <summary>numpy's default (linear) percentile: interpolated between the two nearest ranks.</summary>
    public static double ValueAtFraction(IReadOnlyList<(object Value, long Count)> counts, long total, double q)
    {
        var position = q * (total - 1);
        var lower = (long)Math.Floor(position);
        var a = Convert.ToDouble(ValueAt(counts, lower), CultureInfo.InvariantCulture);
        var b = Convert.ToDouble(ValueAt(counts, Math.Min(lower + 1, total - 1)), CultureInfo.InvariantCulture);
        return a + ((b - a) * (position - lower));
    }

    /// <summary>The value at a 0-based position of the sorted values.</summary>
    public static object ValueAt(IReadOnlyList<(object Value, long Count)> counts, long position)
    {
        foreach (var (value, count) in counts)
        {
            if (position < count)
            {
                return value;
            }
            position -= count;
        }
        throw new ArgumentOutOfRangeException(nameof(position));
    }

    private static double Number(string column, object value) => value switch
    {
        long or ulong or double or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        bool b => b ? 1 : 0,
        _ => throw new MetricPreconditionException($"column `{column}` does not hold numbers, so it has no median; check the column."),
    };
}
