using System.Numerics;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Summary;

namespace Dq.Expectations.Tests.Kernels.Summary;

/// <summary>
/// Exact aggregates of finite numbers: every double is an integer multiple of 2^-1074, so sums and squared sums are
/// exact <see cref="BigInteger"/>s, rounded to double only at the end.
/// </summary>
internal sealed record SummaryReference(long Count, BigInteger Sum, BigInteger SumOfSquares, int Scale, double MaxMagnitude)
{
    public static SummaryReference OfIntegers(IEnumerable<long> values)
    {
        var list = values.ToList();
        return new(list.Count, list.Aggregate(BigInteger.Zero, (s, v) => s + v), list.Aggregate(BigInteger.Zero, (s, v) => s + ((BigInteger)v * v)), 0,
            list.Count == 0 ? 0 : list.Max(v => Math.Abs((double)v)));
    }

    public static SummaryReference OfReals(IEnumerable<double> finite)
    {
        var scaled = finite.Select(Scaled).ToList();
        return new(scaled.Count, scaled.Aggregate(BigInteger.Zero, (s, v) => s + v), scaled.Aggregate(BigInteger.Zero, (s, v) => s + (v * v)), 1074,
            scaled.Count == 0 ? 0 : finite.Max(Math.Abs));
    }

    public double SumAsDouble => ToDouble(Sum, Scale);

    public double Mean => ToDouble(Sum, Scale) / Count;

    /// <summary>√((nΣx² − (Σx)²) / (n(n − 1))), computed exactly before the last rounding.</summary>
    public double SampleStandardDeviation =>
        Count < 2 ? double.NaN : Math.Sqrt(ToDouble((Count * SumOfSquares) - (Sum * Sum), 2 * Scale) / Count / (Count - 1));

    /// <summary>A finite double as the exact integer d·2^1074.</summary>
    public static BigInteger Scaled(double d)
    {
        var bits = BitConverter.DoubleToInt64Bits(d);
        var exponent = (int)((bits >> 52) & 0x7FF);
        var mantissa = bits & ((1L << 52) - 1);
        var magnitude = exponent == 0 ? (BigInteger)mantissa : (BigInteger)(mantissa | (1L << 52)) << (exponent - 1);
        return d < 0 ? -magnitude : magnitude;
    }

    /// <summary>n·2^-scale as a double (to 64 significant bits before the final rounding).</summary>
    public static double ToDouble(BigInteger n, int scale)
    {
        if (n.IsZero)
        {
            return 0;
        }
        var magnitude = BigInteger.Abs(n);
        var shift = (int)Math.Max(0, magnitude.GetBitLength() - 64);
        return n.Sign * Math.ScaleB((double)(ulong)(magnitude >> shift), shift - scale);
    }

    /// <summary>|actual − expected| ≤ 1e-12·max(|expected|, floor); NaN and infinities must match exactly.</summary>
    public static bool Close(double actual, double expected, double floor = 0)
    {
        if (!double.IsFinite(expected) || !double.IsFinite(actual))
        {
            return actual.Equals(expected);
        }
        return Math.Abs(actual - expected) <= 1e-12 * Math.Max(Math.Abs(expected), floor);
    }
}

/// <summary>Feeds columns to the summary kernel in parts, blocks and merge orders of the caller's choosing.</summary>
internal static class SummaryRuns
{
    public static ColumnKernel Kernel(IArrowType type) => SummaryKernels.Create(new Field("x", type, true));

    /// <summary>Rows [start, start + length) as a batch of their own (a slice), in blocks of <paramref name="blockRows"/>.</summary>
    public static ColumnSummaryState Accumulate(ColumnKernel kernel, IArrowArray array, int start, int length, int blockRows)
    {
        var state = (ColumnSummaryState)kernel.CreateState();
        var slice = ArrowArrayFactory.Slice(array, start, length);
        for (var blockStart = 0; blockStart < length; blockStart += blockRows)
        {
            kernel.Accumulate(new ColumnBlock(slice, blockStart, Math.Min(blockRows, length - blockStart), start), state);
        }
        return state;
    }

    /// <summary>One state per part (cut at <paramref name="cuts"/>), merged into the first of <paramref name="order"/>.</summary>
    public static ColumnSummaryState Merged(ColumnKernel kernel, IArrowArray array, IReadOnlyList<int> cuts, IReadOnlyList<int> order, int blockRows)
    {
        var edges = cuts.Prepend(0).Append(array.Length).ToList();
        var parts = Enumerable.Range(0, edges.Count - 1)
            .Select(i => Accumulate(kernel, array, edges[i], edges[i + 1] - edges[i], blockRows)).ToList();
        var target = parts[order[0]];
        foreach (var i in order.Skip(1))
        {
            target.Merge(parts[i]);
        }
        return target;
    }
}
