using System.Numerics;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Summary;

/// <summary>Builds the summary kernel for a column's Arrow type.</summary>
internal static class SummaryKernels
{
    public static ColumnKernel Create(Field field) => field.DataType switch
    {
        Int8Type => new NumericSummaryKernel<sbyte>(isInteger: true),
        Int16Type => new NumericSummaryKernel<short>(isInteger: true),
        Int32Type => new NumericSummaryKernel<int>(isInteger: true),
        Int64Type => new NumericSummaryKernel<long>(isInteger: true),
        UInt8Type => new NumericSummaryKernel<byte>(isInteger: true),
        UInt16Type => new NumericSummaryKernel<ushort>(isInteger: true),
        UInt32Type => new NumericSummaryKernel<uint>(isInteger: true),
        UInt64Type => new NumericSummaryKernel<ulong>(isInteger: true),
        FloatType => new NumericSummaryKernel<float>(isInteger: false),
        DoubleType => new NumericSummaryKernel<double>(isInteger: false),
        // Dates, timestamps, times and durations: extremes of their stored integers, no sums.
        var t when IntegerKeys.IsInt32Backed(t) => new ExtremesKernel<int>(IntegerKeys.ToValue(t)!),
        var t when IntegerKeys.IsInt64Backed(t) => new ExtremesKernel<long>(IntegerKeys.ToValue(t)!),
        Decimal128Type d => new DecimalSummaryKernel(d.Scale),
        BooleanType => new BooleanSummaryKernel(),
        _ => new BoxedSummaryKernel(numeric: false),
    };

    /// <summary>Count and extremes of values stored as integers that order as the values do (see <see cref="IntegerKeys"/>).</summary>
    private sealed class ExtremesKernel<T>(Func<long, object?> toValue) : ColumnKernel
        where T : unmanaged, IBinaryInteger<T>
    {
        public override MetricState CreateState() => new ColumnSummaryState { IsNumeric = false, IsInteger = false };

        public override void Accumulate(in ColumnBlock block, MetricState state)
        {
            var values = ((PrimitiveArray<T>)block.Array).Values;
            long count = 0;
            T min = default, max = default;
            for (var row = block.Start; row < block.Start + block.Length; row += 64)
            {
                var n = Math.Min(64, block.Start + block.Length - row);
                for (var bits = block.Considered(row, n); bits != 0; bits &= bits - 1)
                {
                    var value = values[row + BitOperations.TrailingZeroCount(bits)];
                    min = count == 0 || value < min ? value : min;
                    max = count == 0 || value > max ? value : max;
                    count++;
                }
            }
            if (count > 0)
            {
                ((ColumnSummaryState)state).AddBlock(count, toValue(long.CreateTruncating(min)), toValue(long.CreateTruncating(max)), 0, 0, 0, 0, 0);
            }
        }
    }

    /// <summary>
    /// Decimal128 as its unscaled integers: exact extremes, and sums, mean and M2 in doubles of the scaled values (as
    /// pandas sums an object column of decimals converted to float).
    /// </summary>
    private sealed class DecimalSummaryKernel(int scale) : ColumnKernel
    {
        private readonly double _unit = Math.Pow(10, scale);

        public override MetricState CreateState() => new ColumnSummaryState { IsNumeric = true, IsInteger = false };

        public override void Accumulate(in ColumnBlock block, MetricState state)
        {
            var values = DecimalKeys.Values((Decimal128Array)block.Array);
            long count = 0;
            Int128 min = 0, max = 0;
            double sum = 0, compensation = 0;
            for (var row = block.Start; row < block.Start + block.Length; row += 64)
            {
                var n = Math.Min(64, block.Start + block.Length - row);
                for (var bits = block.Considered(row, n); bits != 0; bits &= bits - 1)
                {
                    var value = values[row + BitOperations.TrailingZeroCount(bits)];
                    min = count == 0 || value < min ? value : min;
                    max = count == 0 || value > max ? value : max;
                    count++;
                    ColumnSummaryState.AddCompensated(ref sum, ref compensation, (double)value / _unit);
                }
            }
            if (count == 0)
            {
                return;
            }
            var mean = (sum + compensation) / count;
            double squaredDeviations = 0;
            for (var row = block.Start; row < block.Start + block.Length; row += 64)
            {
                var n = Math.Min(64, block.Start + block.Length - row);
                for (var bits = block.Considered(row, n); bits != 0; bits &= bits - 1)
                {
                    var deviation = ((double)values[row + BitOperations.TrailingZeroCount(bits)] / _unit) - mean;
                    squaredDeviations += deviation * deviation;
                }
            }
            ((ColumnSummaryState)state).AddBlock(count, DecimalKeys.Value(min, scale), DecimalKeys.Value(max, scale), 0, sum, compensation, mean, squaredDeviations);
        }
    }

    /// <summary>Booleans as 0 and 1 (as numpy sums them): counts of true and false values from the bitmaps, word by word.</summary>
    private sealed class BooleanSummaryKernel : ColumnKernel
    {
        public override MetricState CreateState() => new ColumnSummaryState { IsNumeric = true, IsInteger = false };

        public override void Accumulate(in ColumnBlock block, MetricState state)
        {
            var array = (BooleanArray)block.Array;
            var bits = new ValidityBits(array.ValueBuffer.Span, array.Offset);
            long count = 0, trues = 0;
            for (var row = block.Start; row < block.Start + block.Length; row += 64)
            {
                var n = Math.Min(64, block.Start + block.Length - row);
                var considered = block.Considered(row, n);
                count += BitOperations.PopCount(considered);
                trues += BitOperations.PopCount(considered & bits.Word(row, n));
            }
            if (count == 0)
            {
                return;
            }
            var mean = (double)trues / count;
            var squaredDeviations = (trues * (1 - mean) * (1 - mean)) + ((count - trues) * mean * mean);
            ((ColumnSummaryState)state).AddBlock(count, trues == count, trues > 0, 0, trues, 0, mean, squaredDeviations);
        }
    }

    /// <summary>Numbers read from the values span: one pass per block for count, extremes and sums, one for M2.</summary>
    private sealed class NumericSummaryKernel<T>(bool isInteger) : ColumnKernel
        where T : unmanaged, INumber<T>
    {
        public override MetricState CreateState() => new ColumnSummaryState { IsNumeric = true, IsInteger = isInteger };

        public override void Accumulate(in ColumnBlock block, MetricState state)
        {
            var values = ((PrimitiveArray<T>)block.Array).Values;
            long count = 0;
            T min = default, max = default;
            Int128 integerSum = 0;
            double sum = 0, compensation = 0;
            for (var row = block.Start; row < block.Start + block.Length; row += 64)
            {
                var n = Math.Min(64, block.Start + block.Length - row);
                var considered = block.Considered(row, n);
                for (var bits = considered; bits != 0; bits &= bits - 1)
                {
                    var value = values[row + BitOperations.TrailingZeroCount(bits)];
                    if (T.IsNaN(value))
                    {
                        continue; // pandas treats NaN as missing
                    }
                    if (count == 0 || value < min)
                    {
                        min = value;
                    }
                    if (count == 0 || value > max)
                    {
                        max = value;
                    }
                    count++;
                    if (isInteger)
                    {
                        integerSum += Int128.CreateTruncating(value);
                    }
                    ColumnSummaryState.AddCompensated(ref sum, ref compensation, double.CreateTruncating(value));
                }
            }
            if (count == 0)
            {
                return;
            }
            var mean = isInteger ? (double)integerSum / count : (sum + compensation) / count;
            double squaredDeviations = 0;
            for (var row = block.Start; row < block.Start + block.Length; row += 64)
            {
                var n = Math.Min(64, block.Start + block.Length - row);
                for (var bits = block.Considered(row, n); bits != 0; bits &= bits - 1)
                {
                    var value = double.CreateTruncating(values[row + BitOperations.TrailingZeroCount(bits)]);
                    if (!double.IsNaN(value))
                    {
                        squaredDeviations += (value - mean) * (value - mean);
                    }
                }
            }
            ((ColumnSummaryState)state).AddBlock(count, Plain(min), Plain(max), integerSum, sum, compensation, mean, squaredDeviations);
        }

        private object Plain(T value) => isInteger
            ? (value > T.CreateSaturating(long.MaxValue) ? (object)ulong.CreateTruncating(value) : (object)long.CreateTruncating(value))
            : (object)double.CreateTruncating(value);
    }

    /// <summary>Any other type (text, binary, decimal256), value by value through their plain .NET values: extremes only.</summary>
    private sealed class BoxedSummaryKernel(bool numeric) : ColumnKernel
    {
        public override MetricState CreateState() => new ColumnSummaryState { IsNumeric = numeric, IsInteger = false };

        public override void Accumulate(in ColumnBlock block, MetricState state)
        {
            var values = new List<object>();
            for (var row = block.Start; row < block.Start + block.Length; row++)
            {
                if (block.IsSelected(row) && ArrowValues.Get(block.Array, row) is { } value)
                {
                    values.Add(value);
                }
            }
            if (values.Count == 0)
            {
                return;
            }
            var min = values.Min(ValueComparer.Instance);
            var max = values.Max(ValueComparer.Instance);
            if (!numeric)
            {
                ((ColumnSummaryState)state).AddBlock(values.Count, min, max, 0, 0, 0, 0, 0);
                return;
            }
            var reals = values.Select(v => v is bool b ? (b ? 1.0 : 0.0) : Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)).ToList();
            var mean = reals.Average();
            ((ColumnSummaryState)state).AddBlock(reals.Count, min, max, 0, reals.Sum(), 0, mean, reals.Sum(r => (r - mean) * (r - mean)));
        }
    }
}
