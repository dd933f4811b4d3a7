using System.Globalization;
using Apache.Arrow;
using Dq.Expectations.Columns;

namespace Dq.Expectations.Conditions;

/// <summary>
/// Evaluates a row condition over a batch into a selection bitmap (bit r of word r / 64 set = row r selected).
/// </summary>
/// <remarks>
/// Comparisons follow pandas, which GX's corpus is written against: a comparison with a null is false, except
/// <c>!=</c>, which is true; values of different kinds (text and a number) are unequal and unordered. Numbers
/// compare by value whatever their type; text by code point; dates and timestamps as instants, with text
/// literals read as ISO 8601. Comparisons of a column with a literal run typed over the batch
/// (<see cref="TypedComparisons"/>); other comparisons (two columns, times, decimals) value by value.
/// </remarks>
internal static class ConditionEvaluator
{
    public static ulong[] Evaluate(RowFilter filter, RecordBatch batch) => Evaluate(filter.Root, batch);

    private static ulong[] Evaluate(ConditionNode node, RecordBatch batch)
    {
        var words = new ulong[(batch.Length + 63) / 64];
        switch (node)
        {
            case AndNode and:
                Combine(words, Evaluate(and.Left, batch), Evaluate(and.Right, batch), static (a, b) => a & b);
                break;
            case OrNode or:
                Combine(words, Evaluate(or.Left, batch), Evaluate(or.Right, batch), static (a, b) => a | b);
                break;
            case NotNode not:
                var inner = Evaluate(not.Operand, batch);
                for (var w = 0; w < words.Length; w++)
                {
                    words[w] = ~inner[w] & ValidityBits.LowBits(Math.Min(64, batch.Length - (w * 64)));
                }
                break;
            case NullTestNode test:
                NullTest(Column(batch, test.Column), test.IsNull, words);
                break;
            case ComparisonNode { Left: ColumnOperand column, Right: LiteralOperand literal } comparison
                when TypedComparisons.TryEvaluate(Column(batch, column.Name), comparison.Operator, literal.Value, words):
                break;
            case ComparisonNode { Left: LiteralOperand literal, Right: ColumnOperand column } comparison
                when TypedComparisons.TryEvaluate(Column(batch, column.Name), TypedComparisons.Flip(comparison.Operator), literal.Value, words):
                break;
            case ComparisonNode comparison:
                var left = Reader(comparison.Left, batch);
                var right = Reader(comparison.Right, batch);
                ForEachRow(words, batch.Length, row => Compare(left(row), comparison.Operator, right(row)));
                break;
        }
        return words;
    }

    private static void Combine(ulong[] into, ulong[] a, ulong[] b, Func<ulong, ulong, ulong> op)
    {
        for (var w = 0; w < into.Length; w++)
        {
            into[w] = op(a[w], b[w]);
        }
    }

    /// <summary>Null tests read the validity bitmap a word at a time.</summary>
    private static void NullTest(IArrowArray array, bool isNull, ulong[] words)
    {
        var validity = array.NullCount == 0 ? default : new ValidityBits(array.Data.Buffers[0].Span, array.Offset);
        for (var w = 0; w < words.Length; w++)
        {
            var count = Math.Min(64, array.Length - (w * 64));
            var valid = validity.Word(w * 64, count);
            words[w] = isNull ? ~valid & ValidityBits.LowBits(count) : valid;
        }
    }

    private static void ForEachRow(ulong[] words, int rows, Func<int, bool> selected)
    {
        for (var row = 0; row < rows; row++)
        {
            if (selected(row))
            {
                words[row >> 6] |= 1UL << (row & 63);
            }
        }
    }

    private static Func<int, object?> Reader(Operand operand, RecordBatch batch)
    {
        if (operand is LiteralOperand literal)
        {
            var value = literal.Value;
            return _ => value;
        }
        var array = Column(batch, ((ColumnOperand)operand).Name);
        return row => ArrowValues.Get(array, row);
    }

    private static IArrowArray Column(RecordBatch batch, string name)
    {
        var index = batch.Schema.GetFieldIndex(name);
        if (index < 0)
        {
            throw new DataReadException($"A batch of the data lacks column `{name}`, which a row_condition reads.");
        }
        // A row pointing at a null dictionary entry is null, for `x.isnull()` as for comparisons.
        var array = batch.Column(index);
        return array is DictionaryArray dictionary ? DictionaryNulls.AsRowNulls(dictionary) : array;
    }

    internal static bool Compare(object? a, ComparisonOperator op, object? b)
    {
        if (a is null || b is null)
        {
            return op == ComparisonOperator.NotEqual;
        }
        return TypedComparisons.Holds(op, Order(a, b));
    }

    /// <summary>The order of two values; <see cref="int.MaxValue"/> when they are of kinds that do not compare.</summary>
    private static int Order(object a, object b)
    {
        if (IsNumber(a) && IsNumber(b))
        {
            if (a is long x && b is long y)
            {
                return x.CompareTo(y);
            }
            var (p, q) = (Convert.ToDouble(a, CultureInfo.InvariantCulture), Convert.ToDouble(b, CultureInfo.InvariantCulture));
            return double.IsNaN(p) || double.IsNaN(q) ? int.MaxValue : p.CompareTo(q);
        }
        if (Instant(a) is { } i && Instant(b) is { } j && (a is not string || b is not string))
        {
            return i.CompareTo(j);
        }
        return (a, b) switch
        {
            (string s, string t) => Math.Sign(TextOrder.Compare(s, t)),
            (bool s, bool t) => s.CompareTo(t),
            _ => int.MaxValue,
        };
    }

    private static bool IsNumber(object value) => value is long or ulong or double or decimal;

    private static long? Instant(object value) => value switch
    {
        DateTime d => d.Ticks,
        DateTimeOffset d => d.UtcTicks,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue).Ticks,
        string s when DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed) => parsed.Ticks,
        _ => null,
    };
}
