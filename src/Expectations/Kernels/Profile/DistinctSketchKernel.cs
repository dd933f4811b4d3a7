using System.Globalization;
using System.Numerics;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;
using Dq.Expectations.Metrics;
using Dq.Expectations.Sketches;

namespace Dq.Expectations.Kernels.Profile;

/// <summary>
/// Adds a column's non-null values to an HLL++ sketch: integers and reals hashed from their bits (<see cref="SketchHash"/>),
/// text from its UTF-8 bytes (a dictionary's entries once per block), anything else from its invariant text.
/// </summary>
internal static class DistinctSketchKernel
{
    public static ColumnKernel Create(Field field) => field.DataType switch
    {
        Int8Type => new Integers<sbyte>(),
        Int16Type => new Integers<short>(),
        Int32Type => new Integers<int>(),
        Int64Type => new Integers<long>(),
        UInt8Type => new Integers<byte>(),
        UInt16Type => new Integers<ushort>(),
        UInt32Type => new Integers<uint>(),
        UInt64Type => new Integers<ulong>(),
        FloatType => new Reals<float>(),
        DoubleType => new Reals<double>(),
        _ when ColumnFacts.IsText(field.DataType) => new Text(),
        _ => new Boxed(),
    };

    private abstract class Kernel : ColumnKernel
    {
        public sealed override MetricState CreateState() => new DistinctSketchState();

        public sealed override void Accumulate(in ColumnBlock block, MetricState state) => Add(block, ((DistinctSketchState)state).Sketch);

        protected abstract void Add(in ColumnBlock block, HyperLogLogPlusPlus sketch);
    }

    private sealed class Integers<T> : Kernel
        where T : unmanaged, IBinaryInteger<T>
    {
        protected override void Add(in ColumnBlock block, HyperLogLogPlusPlus sketch)
        {
            var values = ((PrimitiveArray<T>)block.Array).Values;
            for (var row = block.Start; row < block.Start + block.Length; row += 64)
            {
                for (var bits = block.Considered(row, Math.Min(64, block.Start + block.Length - row)); bits != 0; bits &= bits - 1)
                {
                    sketch.Add(SketchHash.Int64(long.CreateTruncating(values[row + BitOperations.TrailingZeroCount(bits)])));
                }
            }
        }
    }

    private sealed class Reals<T> : Kernel
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        protected override void Add(in ColumnBlock block, HyperLogLogPlusPlus sketch)
        {
            var values = ((PrimitiveArray<T>)block.Array).Values;
            for (var row = block.Start; row < block.Start + block.Length; row += 64)
            {
                for (var bits = block.Considered(row, Math.Min(64, block.Start + block.Length - row)); bits != 0; bits &= bits - 1)
                {
                    var value = double.CreateTruncating(values[row + BitOperations.TrailingZeroCount(bits)]);
                    if (!double.IsNaN(value))
                    {
                        sketch.Add(SketchHash.Double(value));
                    }
                }
            }
        }
    }

    private sealed class Text : Kernel
    {
        protected override void Add(in ColumnBlock block, HyperLogLogPlusPlus sketch)
        {
            var visitor = new Visitor(sketch);
            TextBlockValues.Visit(block, ref visitor);
        }

        private readonly struct Visitor(HyperLogLogPlusPlus sketch) : ITextVisitor
        {
            public void Visit(ReadOnlySpan<byte> utf8, long rows) => sketch.Add(SketchHash.Utf8(utf8));
        }
    }

    private sealed class Boxed : Kernel
    {
        protected override void Add(in ColumnBlock block, HyperLogLogPlusPlus sketch)
        {
            for (var row = block.Start; row < block.Start + block.Length; row++)
            {
                if (block.IsSelected(row) && ArrowValues.Get(block.Array, row) is { } value)
                {
                    sketch.Add(Hash(value));
                }
            }
        }

        private static ulong Hash(object value) => value switch
        {
            bool b => SketchHash.Int64(b ? 1 : 0),
            DateTime t => SketchHash.Int64(t.Ticks),
            DateTimeOffset t => SketchHash.Int64(t.UtcTicks),
            DateOnly d => SketchHash.Int64(d.DayNumber),
            TimeOnly t => SketchHash.Int64(t.Ticks),
            TimeSpan t => SketchHash.Int64(t.Ticks),
            byte[] bytes => SketchHash.Utf8(bytes),
            IFormattable f => SketchHash.String(f.ToString(null, CultureInfo.InvariantCulture)),
            _ => SketchHash.String(value.ToString() ?? ""),
        };
    }
}
