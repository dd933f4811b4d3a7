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
        BooleanType or Decimal128Type => new BoxedSummaryKernel(numeric: true),
        _ => new BoxedSummaryKernel(numeric: false),
    };

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

    /// <summary>
    /// Any other type (text, dates, timestamps, booleans, decimals), value by value through their plain .NET values:
    /// extremes for all, sums for booleans (true = 1) and decimals.
    /// </summary>
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
