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
        Int8Type => new IntegerSummaryKernel<sbyte>(),
        Int16Type => new IntegerSummaryKernel<short>(),
        Int32Type => new IntegerSummaryKernel<int>(),
        Int64Type => new IntegerSummaryKernel<long>(),
        UInt8Type => new IntegerSummaryKernel<byte>(),
        UInt16Type => new IntegerSummaryKernel<ushort>(),
        UInt32Type => new IntegerSummaryKernel<uint>(),
        UInt64Type => new IntegerSummaryKernel<ulong>(),
        FloatType => new NumericSummaryKernel<float>(isInteger: false),
        DoubleType => new NumericSummaryKernel<double>(isInteger: false),
        // Dates, timestamps, times and durations: extremes of their stored integers, no sums.
        var t when IntegerKeys.IsInt32Backed(t) => new ExtremesKernel<int>(IntegerKeys.ToValue(t)!),
        var t when IntegerKeys.IsInt64Backed(t) => new ExtremesKernel<long>(IntegerKeys.ToValue(t)!),
        Decimal128Type { Precision: <= DecimalKeys.Int64Precision } d => new NarrowDecimalSummaryKernel(d.Scale),
        Decimal128Type d => new DecimalSummaryKernel(d.Scale),
        BooleanType => new BooleanSummaryKernel(),
        _ => new BoxedSummaryKernel(numeric: false),
    };

    /// <summary>
    /// Integers: branch-free extremes and an exact sum (in a long per 64-row word for types up to 32 bits, which
    /// cannot overflow it, in an Int128 for 64-bit ones), then M2 around the block's mean in four independent
    /// accumulators. No NaN test and no compensated real sum: an integer column's sum is the exact one.
    /// </summary>
    private sealed class IntegerSummaryKernel<T> : ColumnKernel
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        private static readonly bool s_wide = System.Runtime.CompilerServices.Unsafe.SizeOf<T>() == 8;

        public override MetricState CreateState() => new ColumnSummaryState { IsNumeric = true, IsInteger = true };

        public override void Accumulate(in ColumnBlock block, MetricState state)
        {
            var values = ((PrimitiveArray<T>)block.Array).Values;
            long count = 0;
            T min = T.MaxValue, max = T.MinValue;
            Int128 integerSum = 0;
            var end = block.Start + block.Length;
            for (var row = block.Start; row < end; row += 64)
            {
                var n = Math.Min(64, end - row);
                var considered = block.Considered(row, n);
                if (considered == ValidityBits.LowBits(n))
                {
                    var word = values.Slice(row, n);
                    long narrowSum = 0;
                    for (var i = 0; i < word.Length; i++)
                    {
                        var value = word[i];
                        min = T.Min(min, value);
                        max = T.Max(max, value);
                        if (s_wide)
                        {
                            integerSum += Int128.CreateTruncating(value);
                        }
                        else
                        {
                            narrowSum += long.CreateTruncating(value);
                        }
                    }
                    integerSum += narrowSum;
                    count += n;
                    continue;
                }
                for (var bits = considered; bits != 0; bits &= bits - 1)
                {
                    var value = values[row + BitOperations.TrailingZeroCount(bits)];
                    min = T.Min(min, value);
                    max = T.Max(max, value);
                    integerSum += Int128.CreateTruncating(value);
                    count++;
                }
            }
            if (count == 0)
            {
                return;
            }
            var mean = (double)integerSum / count;
            double m0 = 0, m1 = 0, m2 = 0, m3 = 0;
            for (var row = block.Start; row < end; row += 64)
            {
                var n = Math.Min(64, end - row);
                var considered = block.Considered(row, n);
                if (considered == ValidityBits.LowBits(n))
                {
                    var word = values.Slice(row, n);
                    var i = 0;
                    for (; i + 4 <= word.Length; i += 4)
                    {
                        double d0 = double.CreateTruncating(word[i]) - mean, d1 = double.CreateTruncating(word[i + 1]) - mean;
                        double d2 = double.CreateTruncating(word[i + 2]) - mean, d3 = double.CreateTruncating(word[i + 3]) - mean;
                        m0 += d0 * d0;
                        m1 += d1 * d1;
                        m2 += d2 * d2;
                        m3 += d3 * d3;
                    }
                    for (; i < word.Length; i++)
                    {
                        var d = double.CreateTruncating(word[i]) - mean;
                        m0 += d * d;
                    }
                    continue;
                }
                for (var bits = considered; bits != 0; bits &= bits - 1)
                {
                    var d = double.CreateTruncating(values[row + BitOperations.TrailingZeroCount(bits)]) - mean;
                    m0 += d * d;
                }
            }
            ((ColumnSummaryState)state).AddBlock(count, Plain(min), Plain(max), integerSum, 0, 0, mean, (m0 + m1) + (m2 + m3));
        }

        private static object Plain(T value) =>
            value > T.CreateSaturating(long.MaxValue) ? ulong.CreateTruncating(value) : long.CreateTruncating(value);
    }

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
        /// <summary>Values below this sum exactly: 2^31 of them cannot overflow an Int128.</summary>
        private static readonly Int128 s_exactLimit = Int128.MaxValue >> 31;

        private readonly double _unit = Math.Pow(10, scale);

        public override MetricState CreateState() => new ColumnSummaryState { IsNumeric = true, IsInteger = false };

        public override void Accumulate(in ColumnBlock block, MetricState state)
        {
            var values = DecimalKeys.Values((Decimal128Array)block.Array);
            long count = 0;
            Int128 min = Int128.MaxValue, max = Int128.MinValue;
            // The unscaled sum is exact while it fits: a block of at most 2^31 values below 10^38 / 2^31 each. Wider
            // values fall back to a compensated sum of doubles.
            Int128 exact = 0;
            var fits = true;
            double sum = 0, compensation = 0;
            for (var row = block.Start; row < block.Start + block.Length; row += 64)
            {
                var n = Math.Min(64, block.Start + block.Length - row);
                for (var bits = block.Considered(row, n); bits != 0; bits &= bits - 1)
                {
                    var value = values[row + BitOperations.TrailingZeroCount(bits)];
                    min = Int128.Min(min, value);
                    max = Int128.Max(max, value);
                    count++;
                    fits &= Int128.Abs(value) < s_exactLimit;
                    exact += fits ? value : 0;
                    if (!fits)
                    {
                        ColumnSummaryState.AddCompensated(ref sum, ref compensation, (double)value / _unit);
                    }
                }
            }
            if (count == 0)
            {
                return;
            }
            if (fits)
            {
                sum = (double)exact / _unit;
            }
            else
            {
                ColumnSummaryState.AddCompensated(ref sum, ref compensation, (double)exact / _unit);
            }
            var mean = (sum + compensation) / count;
            double m0 = 0, m1 = 0;
            for (var row = block.Start; row < block.Start + block.Length; row += 64)
            {
                var n = Math.Min(64, block.Start + block.Length - row);
                var bits = block.Considered(row, n);
                while (bits != 0 && (bits & (bits - 1)) != 0)
                {
                    // Two rows per step into two accumulators: the additions no longer wait on each other.
                    var rest = bits & (bits - 1);
                    var d0 = ((double)values[row + BitOperations.TrailingZeroCount(bits)] / _unit) - mean;
                    var d1 = ((double)values[row + BitOperations.TrailingZeroCount(rest)] / _unit) - mean;
                    m0 += d0 * d0;
                    m1 += d1 * d1;
                    bits = rest & (rest - 1);
                }
                if (bits != 0)
                {
                    var d = ((double)values[row + BitOperations.TrailingZeroCount(bits)] / _unit) - mean;
                    m0 += d * d;
                }
            }
            ((ColumnSummaryState)state).AddBlock(count, DecimalKeys.Value(min, scale), DecimalKeys.Value(max, scale), 0, sum, compensation, mean, m0 + m1);
        }
    }

    /// <summary>
    /// Decimals of precision ≤ 18, whose unscaled values are 64-bit integers (the low word of each 128-bit value):
    /// the integer kernel's loops, an exact Int128 sum, and doubles only for the mean and M2.
    /// </summary>
    private sealed class NarrowDecimalSummaryKernel(int scale) : ColumnKernel
    {
        private readonly double _unit = Math.Pow(10, scale);

        public override MetricState CreateState() => new ColumnSummaryState { IsNumeric = true, IsInteger = false };

        public override void Accumulate(in ColumnBlock block, MetricState state)
        {
            var words = DecimalKeys.LowWords((Decimal128Array)block.Array);
            long count = 0, min = long.MaxValue, max = long.MinValue;
            Int128 exact = 0;
            var end = block.Start + block.Length;
            for (var row = block.Start; row < end; row += 64)
            {
                var n = Math.Min(64, end - row);
                for (var bits = block.Considered(row, n); bits != 0; bits &= bits - 1)
                {
                    var value = words[(row + BitOperations.TrailingZeroCount(bits)) * 2];
                    min = Math.Min(min, value);
                    max = Math.Max(max, value);
                    exact += value;
                    count++;
                }
            }
            if (count == 0)
            {
                return;
            }
            var sum = (double)exact / _unit;
            var mean = sum / count;
            var unscaledMean = (double)exact / count;
            double m0 = 0, m1 = 0;
            for (var row = block.Start; row < end; row += 64)
            {
                var n = Math.Min(64, end - row);
                var bits = block.Considered(row, n);
                while (bits != 0 && (bits & (bits - 1)) != 0)
                {
                    var rest = bits & (bits - 1);
                    var d0 = words[(row + BitOperations.TrailingZeroCount(bits)) * 2] - unscaledMean;
                    var d1 = words[(row + BitOperations.TrailingZeroCount(rest)) * 2] - unscaledMean;
                    m0 += d0 * d0;
                    m1 += d1 * d1;
                    bits = rest & (rest - 1);
                }
                if (bits != 0)
                {
                    var d = words[(row + BitOperations.TrailingZeroCount(bits)) * 2] - unscaledMean;
                    m0 += d * d;
                }
            }
            // M2 of the unscaled values, scaled back once: (x / u − m)² = ((x − u·m) / u)².
            ((ColumnSummaryState)state).AddBlock(count, DecimalKeys.Value(min, scale), DecimalKeys.Value(max, scale), 0, sum, 0, mean, (m0 + m1) / (_unit * _unit));
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
