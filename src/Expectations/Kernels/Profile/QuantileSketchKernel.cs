using System.Buffers;
using System.Numerics;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Profile;

/// <summary>Feeds a numeric column's values, as doubles, to a KLL sketch a block at a time (NaN is left out, as missing).</summary>
internal static class QuantileSketchKernel
{
    public static ColumnKernel Create(Field field) => field.DataType switch
    {
        Int8Type => new Primitive<sbyte>(),
        Int16Type => new Primitive<short>(),
        Int32Type => new Primitive<int>(),
        Int64Type => new Primitive<long>(),
        UInt8Type => new Primitive<byte>(),
        UInt16Type => new Primitive<ushort>(),
        UInt32Type => new Primitive<uint>(),
        UInt64Type => new Primitive<ulong>(),
        FloatType => new Primitive<float>(),
        DoubleType => new Primitive<double>(),
        Decimal128Type or Decimal256Type => new Boxed(),
        _ => throw new MetricPreconditionException($"column `{field.Name}` has type {field.DataType.Name}; a quantile sketch needs numbers."),
    };

    private abstract class Kernel : ColumnKernel
    {
        public sealed override MetricState CreateState() => new QuantileSketchState();

        public sealed override void Accumulate(in ColumnBlock block, MetricState state)
        {
            var buffer = ArrayPool<double>.Shared.Rent(block.Length);
            try
            {
                var count = Gather(block, buffer);
                ((QuantileSketchState)state).Sketch.Update(buffer.AsSpan(0, count));
            }
            finally
            {
                ArrayPool<double>.Shared.Return(buffer);
            }
        }

        protected abstract int Gather(in ColumnBlock block, double[] into);
    }

    private sealed class Primitive<T> : Kernel
        where T : unmanaged, INumber<T>
    {
        protected override int Gather(in ColumnBlock block, double[] into)
        {
            var values = ((PrimitiveArray<T>)block.Array).Values;
            var count = 0;
            for (var row = block.Start; row < block.Start + block.Length; row += 64)
            {
                var n = Math.Min(64, block.Start + block.Length - row);
                var considered = block.Considered(row, n);
                if (considered == ValidityBits.LowBits(n))
                {
                    foreach (var value in values.Slice(row, n))
                    {
                        into[count++] = double.CreateTruncating(value);
                    }
                    continue;
                }
                for (var bits = considered; bits != 0; bits &= bits - 1)
                {
                    into[count++] = double.CreateTruncating(values[row + BitOperations.TrailingZeroCount(bits)]);
                }
            }
            return count; // NaNs are dropped by the sketch itself
        }
    }

    private sealed class Boxed : Kernel
    {
        protected override int Gather(in ColumnBlock block, double[] into)
        {
            var count = 0;
            for (var row = block.Start; row < block.Start + block.Length; row++)
            {
                if (block.IsSelected(row) && ArrowValues.Get(block.Array, row) is { } value)
                {
                    into[count++] = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
                }
            }
            return count;
        }
    }
}
