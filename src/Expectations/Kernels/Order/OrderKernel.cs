using System.Numerics;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Order;

/// <summary>
/// Finds values that are not after (or before) the previous non-null value, for
/// <c>expect_column_values_to_be_increasing</c>/<c>_decreasing</c>. Each block is scanned in row order into an
/// <see cref="OrderSegment"/>; <see cref="OrderState"/> judges the values at block and batch boundaries, so the
/// result does not depend on batch sizes, threads or the order batches are scanned in.
/// </summary>
/// <remarks>NaN is always unexpected and is not the previous value of the next one (NaN has no order).</remarks>
internal sealed class OrderKernel : ColumnKernel
{
    private readonly OrderKey _key;
    private readonly int _sampleLimit;
    private readonly Func<object, object?>? _report;

    private OrderKernel(OrderKey key, int sampleLimit, Func<object, object?>? report)
    {
        _key = key;
        _sampleLimit = sampleLimit;
        _report = report;
    }

    /// <exception cref="MetricPreconditionException">The column's values have no order (binary, nested types).</exception>
    public static OrderKernel Create(Field field, OrderKey key, int sampleLimit)
    {
        var type = field.DataType is DictionaryType dictionary ? dictionary.ValueType : field.DataType;
        if (type is not (NumberType or StringType or BooleanType or Date32Type or Date64Type or TimestampType or Time32Type or Time64Type or DurationType or Decimal128Type))
        {
            throw new MetricPreconditionException($"column `{field.Name}` has type {type.Name}, whose values have no order; order checks need numbers, text, dates or timestamps.");
        }
        return new OrderKernel(key, sampleLimit, Report(type));
    }

    /// <summary>How a segment's stored integer (see <see cref="SegmentValue"/>) is reported; null where segments hold plain values.</summary>
    private static Func<object, object?>? Report(IArrowType type)
    {
        if (IntegerKeys.ToValue(type) is { } toValue)
        {
            return key => toValue((long)key);
        }
        return type is Decimal128Type decimals ? key => DecimalKeys.Value((Int128)key, decimals.Scale) : null;
    }

    /// <summary>A segment's first or last value: the stored integer for temporal and decimal columns, else the plain value.</summary>
    private static object? SegmentValue(IArrowArray array, int row) => array switch
    {
        Date32Array a => (long)a.Values[row],
        Time32Array a => (long)a.Values[row],
        Date64Array or TimestampArray or Time64Array or DurationArray => ((PrimitiveArray<long>)array).Values[row],
        Decimal128Array a => DecimalKeys.Values(a)[row],
        _ => ArrowValues.Get(array, row),
    };

    public override MetricState CreateState() => new OrderState(IsUnexpected, _sampleLimit, _report);

    /// <summary>Whether <paramref name="value"/> breaks the order after <paramref name="previous"/> (same-typed plain values).</summary>
    private bool IsUnexpected(object value, object previous) => Breaks(Compare(value, previous));

    private bool Breaks(int comparison) =>
        (_key.Decreasing ? comparison > 0 : comparison < 0) || (_key.Strictly && comparison == 0);

    private static int Compare(object a, object b) =>
        a is string x ? TextOrder.Compare(x, (string)b) : ((IComparable)a).CompareTo(b);

    public override void Accumulate(in ColumnBlock block, MetricState state)
    {
        var order = (OrderState)state;
        var inner = new UnexpectedRowsState(order.SampleLimit);
        (int First, int Last) rows = block.Array switch
        {
            Int8Array a => Numbers(block, a.Values, inner),
            Int16Array a => Numbers(block, a.Values, inner),
            Int32Array a => Numbers(block, a.Values, inner),
            Int64Array a => Numbers(block, a.Values, inner),
            UInt8Array a => Numbers(block, a.Values, inner),
            UInt16Array a => Numbers(block, a.Values, inner),
            UInt32Array a => Numbers(block, a.Values, inner),
            UInt64Array a => Numbers(block, a.Values, inner),
            FloatArray a => Numbers(block, a.Values, inner),
            DoubleArray a => Numbers(block, a.Values, inner),
            // Dates, timestamps and decimals order as their stored integers (one unit and one scale per column).
            Date32Array a => Numbers(block, a.Values, inner),
            Date64Array a => Numbers(block, a.Values, inner),
            TimestampArray a => Numbers(block, a.Values, inner),
            Time32Array a => Numbers(block, a.Values, inner),
            Time64Array a => Numbers(block, a.Values, inner),
            DurationArray a => Numbers(block, a.Values, inner),
            Decimal128Array a => Numbers(block, DecimalKeys.Values(a), inner),
            BooleanArray a => Scan(block, new BooleanCheck(this, new ValidityBits(a.ValueBuffer.Span, a.Offset)), inner),
            StringArray a => Scan(block, new TextCheck<PlainText>(this, new PlainText(a)), inner),
            DictionaryArray { Dictionary: StringArray entries } d => Scan(block, new TextCheck<DictionaryText>(this, new DictionaryText(entries, d.Indices)), inner),
            var other => Scan(block, new BoxedCheck(this, other), inner),
        };
        var start = block.FirstRowIndex + block.Start;
        order.Add(new OrderSegment(
            start, start + block.Length,
            rows.First < 0 ? null : SegmentValue(block.Array, rows.First), block.FirstRowIndex + rows.First,
            rows.Last < 0 ? null : SegmentValue(block.Array, rows.Last), inner));
    }

    private (int, int) Numbers<T>(in ColumnBlock block, ReadOnlySpan<T> values, UnexpectedRowsState inner)
        where T : unmanaged, INumber<T> => Scan(block, new NumberCheck<T>(this, values), inner);

    private static (int First, int Last) Scan<TCheck>(in ColumnBlock block, TCheck check, UnexpectedRowsState inner)
        where TCheck : IOrderCheck, allows ref struct
    {
        WordScan.Run(block, ref check, inner);
        return (check.First, check.Last);
    }

    /// <summary>A word check that walks rows in order, remembering the first and the latest non-null (ordered) row.</summary>
    private interface IOrderCheck : IWordCheck
    {
        int First { get; }

        int Last { get; }
    }

    private ref struct NumberCheck<T>(OrderKernel kernel, ReadOnlySpan<T> values) : IOrderCheck
        where T : unmanaged, INumber<T>
    {
        private readonly ReadOnlySpan<T> _values = values;

        public int First { get; private set; } = -1;

        public int Last { get; private set; } = -1;

        public ulong Unexpected(int row, int count, ulong valid)
        {
            ulong unexpected = 0;
            for (var bits = valid; bits != 0; bits &= bits - 1)
            {
                var i = BitOperations.TrailingZeroCount(bits);
                var value = _values[row + i];
                if (T.IsNaN(value))
                {
                    unexpected |= 1UL << i;
                    continue;
                }
                if (Last < 0)
                {
                    First = row + i; // judged later, against the value before the block
                }
                else if (kernel.Breaks(value.CompareTo(_values[Last])))
                {
                    unexpected |= 1UL << i;
                }
                Last = row + i;
            }
            return unexpected;
        }
    }

    /// <summary>The UTF-8 bytes of a row's text.</summary>
    private interface IRowText
    {
        ReadOnlySpan<byte> Bytes(int row);
    }

    private readonly struct PlainText(StringArray strings) : IRowText
    {
        public ReadOnlySpan<byte> Bytes(int row) => strings.GetBytes(row);
    }

    /// <summary>Dictionary-encoded text, compared on its entries' bytes: no string per row.</summary>
    private readonly struct DictionaryText(StringArray entries, IArrowArray indices) : IRowText
    {
        public ReadOnlySpan<byte> Bytes(int row) => entries.GetBytes(ArrowValues.DictionaryIndex(indices, row));
    }

    private struct TextCheck<TText>(OrderKernel kernel, TText text) : IOrderCheck
        where TText : struct, IRowText
    {
        public int First { get; private set; } = -1;

        public int Last { get; private set; } = -1;

        public ulong Unexpected(int row, int count, ulong valid)
        {
            ulong unexpected = 0;
            for (var bits = valid; bits != 0; bits &= bits - 1)
            {
                var i = BitOperations.TrailingZeroCount(bits);
                if (Last < 0)
                {
                    First = row + i;
                }
                // Ordinal UTF-8 byte order is code point order, as Python compares str.
                else if (kernel.Breaks(Math.Sign(text.Bytes(row + i).SequenceCompareTo(text.Bytes(Last)))))
                {
                    unexpected |= 1UL << i;
                }
                Last = row + i;
            }
            return unexpected;
        }
    }

    /// <summary>Booleans (false before true), read from their bitmap.</summary>
    private ref struct BooleanCheck(OrderKernel kernel, ValidityBits bits) : IOrderCheck
    {
        private readonly ValidityBits _bits = bits;
        private bool _previous;

        public int First { get; private set; } = -1;

        public int Last { get; private set; } = -1;

        public ulong Unexpected(int row, int count, ulong valid)
        {
            ulong unexpected = 0;
            for (var bits = valid; bits != 0; bits &= bits - 1)
            {
                var i = BitOperations.TrailingZeroCount(bits);
                var value = _bits.IsValid(row + i);
                if (Last < 0)
                {
                    First = row + i;
                }
                else if (kernel.Breaks(value.CompareTo(_previous)))
                {
                    unexpected |= 1UL << i;
                }
                _previous = value;
                Last = row + i;
            }
            return unexpected;
        }
    }

    /// <summary>Any other ordered type (decimal256), through its plain values.</summary>
    private struct BoxedCheck(OrderKernel kernel, IArrowArray array) : IOrderCheck
    {
        private object? _previous;

        public int First { get; private set; } = -1;

        public int Last { get; private set; } = -1;

        public ulong Unexpected(int row, int count, ulong valid)
        {
            ulong unexpected = 0;
            for (var bits = valid; bits != 0; bits &= bits - 1)
            {
                var i = BitOperations.TrailingZeroCount(bits);
                var value = ArrowValues.Get(array, row + i)!;
                if (_previous is null)
                {
                    First = row + i;
                }
                else if (kernel.IsUnexpected(value, _previous))
                {
                    unexpected |= 1UL << i;
                }
                _previous = value;
                Last = row + i;
            }
            return unexpected;
        }
    }
}
