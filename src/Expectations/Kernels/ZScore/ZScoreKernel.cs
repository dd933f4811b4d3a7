using System.Globalization;
using System.Numerics;
using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Expectations.Kernels.Summary;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.ZScore;

/// <summary>
/// Finds values whose z-score, (x − mean) / sample standard deviation, is not below a threshold (in absolute value
/// when double-sided). The mean and deviation come from the column summary of an earlier pass, so this is a plain
/// row check whose result does not depend on batching.
/// </summary>
/// <remarks>
/// As in pandas, a zero or undefined deviation (one value, or all equal) gives NaN or infinite z-scores, which are
/// never below the threshold, so every value is unexpected; NaN values are unexpected too.
/// </remarks>
internal sealed class ZScoreKernel : RowCheckKernel
{
    private readonly double _mean;
    private readonly double _deviation;
    private readonly double _threshold;
    private readonly bool _doubleSided;

    private ZScoreKernel(double mean, double deviation, ZScoreKey key, int sampleLimit) : base(sampleLimit)
    {
        _mean = mean;
        _deviation = deviation;
        _threshold = key.Threshold;
        _doubleSided = key.DoubleSided;
    }

    /// <exception cref="MetricPreconditionException">The column is not numeric.</exception>
    public static ZScoreKernel Create(Field field, ZScoreKey key, int sampleLimit, ColumnSummaryState summary)
    {
        if (!summary.IsNumeric)
        {
            throw new MetricPreconditionException($"column `{field.Name}` has type {field.DataType.Name}, but z-scores need numbers; read the column as numbers.");
        }
        return new ZScoreKernel(summary.Mean, summary.SampleStandardDeviation, key, sampleLimit);
    }

    /// <summary>Whether a value's z-score fails the threshold; NaN comparisons are false, so NaN fails.</summary>
    public bool IsUnexpected(double value)
    {
        var z = (value - _mean) / _deviation;
        return !((_doubleSided ? Math.Abs(z) : z) < _threshold);
    }

    protected override void Accumulate(in ColumnBlock block, UnexpectedRowsState state)
    {
        switch (block.Array)
        {
            case Int8Array a: Run(block, a.Values, state); break;
            case Int16Array a: Run(block, a.Values, state); break;
            case Int32Array a: Run(block, a.Values, state); break;
            case Int64Array a: Run(block, a.Values, state); break;
            case UInt8Array a: Run(block, a.Values, state); break;
            case UInt16Array a: Run(block, a.Values, state); break;
            case UInt32Array a: Run(block, a.Values, state); break;
            case UInt64Array a: Run(block, a.Values, state); break;
            case FloatArray a: Run(block, a.Values, state); break;
            case DoubleArray a: Run(block, a.Values, state); break;
            default:
                var boxed = new BoxedCheck(this, block.Array);
                WordScan.Run(block, ref boxed, state);
                break;
        }
    }

    private void Run<T>(in ColumnBlock block, ReadOnlySpan<T> values, UnexpectedRowsState state)
        where T : unmanaged, INumber<T>
    {
        var check = new NumberCheck<T>(this, values);
        WordScan.Run(block, ref check, state);
    }

    private readonly ref struct NumberCheck<T>(ZScoreKernel kernel, ReadOnlySpan<T> values) : IWordCheck
        where T : unmanaged, INumber<T>
    {
        private readonly ReadOnlySpan<T> _values = values;

        public ulong Unexpected(int row, int count, ulong valid)
        {
            ulong unexpected = 0;
            for (var bits = valid; bits != 0; bits &= bits - 1)
            {
                var i = BitOperations.TrailingZeroCount(bits);
                if (kernel.IsUnexpected(double.CreateTruncating(_values[row + i])))
                {
                    unexpected |= 1UL << i;
                }
            }
            return unexpected;
        }
    }

    /// <summary>Booleans (true = 1) and decimals, through their plain values.</summary>
    private readonly struct BoxedCheck(ZScoreKernel kernel, IArrowArray array) : IWordCheck
    {
        public ulong Unexpected(int row, int count, ulong valid)
        {
            ulong unexpected = 0;
            for (var bits = valid; bits != 0; bits &= bits - 1)
            {
                var i = BitOperations.TrailingZeroCount(bits);
                var value = ArrowValues.Get(array, row + i) switch
                {
                    bool b => b ? 1.0 : 0.0,
                    var other => Convert.ToDouble(other, CultureInfo.InvariantCulture),
                };
                if (kernel.IsUnexpected(value))
                {
                    unexpected |= 1UL << i;
                }
            }
            return unexpected;
        }
    }
}
