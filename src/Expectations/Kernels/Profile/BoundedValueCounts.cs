using System.Buffers;
using System.Numerics;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Profile;

/// <summary>
/// The state of <see cref="BoundedValueCountsKey"/>: exact counts per distinct value until there are more than the
/// cap, then only the fact that there were (the table is dropped, so memory stays bounded).
/// </summary>
internal sealed class BoundedValueCountsState(int cap) : MetricState
{
    private Dictionary<object, long>? _counts = [];

    /// <summary>Whether the column has more distinct values than the cap, so no counts are kept.</summary>
    public bool Overflowed => _counts is null;

    /// <summary>The counts per value (long, double, bool, string, dates…); empty once <see cref="Overflowed"/>.</summary>
    public IReadOnlyDictionary<object, long> Counts => _counts ?? [];

    /// <summary>Records that the column has more distinct values than the cap (a block alone had more).</summary>
    public void MarkOverflowed() => _counts = null;

    public void Add(object value, long rows)
    {
        if (_counts is null)
        {
            return;
        }
        _counts[value] = _counts.GetValueOrDefault(value) + rows;
        if (_counts.Count > cap)
        {
            _counts = null;
        }
    }

    public override void Merge(MetricState other)
    {
        var that = (BoundedValueCountsState)other;
        if (that._counts is null)
        {
            _counts = null;
            return;
        }
        foreach (var (value, rows) in that._counts)
        {
            Add(value, rows);
        }
    }
}

/// <summary>Counts a column's distinct values into a <see cref="BoundedValueCountsState"/>, block by block.</summary>
internal static class BoundedValueCountsKernel
{
    public static ColumnKernel Create(Field field, int cap) => field.DataType switch
    {
        Int8Type => new Integers<sbyte>(cap),
        Int16Type => new Integers<short>(cap),
        Int32Type => new Integers<int>(cap),
        Int64Type => new Integers<long>(cap),
        UInt8Type => new Integers<byte>(cap),
        UInt16Type => new Integers<ushort>(cap),
        UInt32Type => new Integers<uint>(cap),
        FloatType => new Reals<float>(cap),
        DoubleType => new Reals<double>(cap),
        _ when ColumnFacts.IsText(field.DataType) => new Text(cap),
        _ => new Boxed(cap),
    };

    private abstract class Kernel(int cap) : ColumnKernel
    {
        /// <summary>The most distinct values counted.</summary>
        protected int Cap { get; } = cap;

        public sealed override MetricState CreateState() => new BoundedValueCountsState(Cap);

        public sealed override void Accumulate(in ColumnBlock block, MetricState state)
        {
            var counts = (BoundedValueCountsState)state;
            if (!counts.Overflowed)
            {
                Add(block, counts);
            }
        }

        protected abstract void Add(in ColumnBlock block, BoundedValueCountsState state);
    }

    /// <summary>Integers counted per block in a typed table first, so only the block's distinct values are boxed.</summary>
    private sealed class Integers<T>(int cap) : Kernel(cap)
        where T : unmanaged, IBinaryInteger<T>
    {
        protected override void Add(in ColumnBlock block, BoundedValueCountsState state)
        {
            var values = ((PrimitiveArray<T>)block.Array).Values;
            var local = new Dictionary<long, long>();
            for (var row = block.Start; row < block.Start + block.Length; row += 64)
            {
                for (var bits = block.Considered(row, Math.Min(64, block.Start + block.Length - row)); bits != 0; bits &= bits - 1)
                {
                    var value = long.CreateTruncating(values[row + BitOperations.TrailingZeroCount(bits)]);
                    local[value] = local.GetValueOrDefault(value) + 1;
                }
                if (local.Count > Cap)
                {
                    state.MarkOverflowed();
                    return;
                }
            }
            foreach (var (value, rows) in local)
            {
                state.Add(value, rows);
            }
        }
    }

    private sealed class Reals<T>(int cap) : Kernel(cap)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        protected override void Add(in ColumnBlock block, BoundedValueCountsState state)
        {
            var values = ((PrimitiveArray<T>)block.Array).Values;
            var local = new Dictionary<double, long>();
            for (var row = block.Start; row < block.Start + block.Length; row += 64)
            {
                for (var bits = block.Considered(row, Math.Min(64, block.Start + block.Length - row)); bits != 0; bits &= bits - 1)
                {
                    var value = double.CreateTruncating(values[row + BitOperations.TrailingZeroCount(bits)]);
                    if (!double.IsNaN(value))
                    {
                        local[value] = local.GetValueOrDefault(value) + 1;
                    }
                }
                if (local.Count > Cap)
                {
                    state.MarkOverflowed();
                    return;
                }
            }
            foreach (var (value, rows) in local)
            {
                state.Add(value, rows);
            }
        }
    }

    /// <summary>Text looked up by its characters without a string per row; a string is made once per new value.</summary>
    private sealed class Text(int cap) : Kernel(cap)
    {
        protected override void Add(in ColumnBlock block, BoundedValueCountsState state)
        {
            var visitor = new Visitor(new Dictionary<string, long>(StringComparer.Ordinal), Cap);
            TextBlockValues.Visit(block, ref visitor);
            if (visitor.Local.Count > Cap)
            {
                state.MarkOverflowed();
                return;
            }
            foreach (var (value, rows) in visitor.Local)
            {
                state.Add(value, rows);
            }
        }

        private struct Visitor(Dictionary<string, long> local, int cap) : ITextVisitor
        {
            public readonly Dictionary<string, long> Local => local;

            public readonly void Visit(ReadOnlySpan<byte> utf8, long rows)
            {
                if (local.Count > cap)
                {
                    return; // past the cap already: the state will learn it from the table's size
                }
                var chars = utf8.Length <= 256 ? stackalloc char[utf8.Length] : new char[utf8.Length];
                var length = Encoding.UTF8.GetChars(utf8, chars);
                var lookup = local.GetAlternateLookup<ReadOnlySpan<char>>();
                ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(lookup, chars[..length], out _);
                count += rows;
            }
        }
    }

    private sealed class Boxed(int cap) : Kernel(cap)
    {
        protected override void Add(in ColumnBlock block, BoundedValueCountsState state)
        {
            for (var row = block.Start; row < block.Start + block.Length && !state.Overflowed; row++)
            {
                if (block.IsSelected(row) && ArrowValues.Get(block.Array, row) is { } value)
                {
                    state.Add(value is byte[] bytes ? Convert.ToHexString(bytes) : value, 1);
                }
            }
        }
    }
}
