using System.Globalization;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;

namespace Dq.Expectations.Conditions;

/// <summary>
/// <c>column op literal</c> over a whole batch, 64 rows a word, without a value object per row: integers, reals,
/// dates and timestamps compare their stored values (int64 and double columns four lanes at a time), text compares
/// UTF-8 bytes (dictionary-encoded text once per entry). The verdicts are exactly those of
/// <see cref="ConditionEvaluator.Compare"/> on the plain values: a null (row or literal) satisfies only <c>!=</c>, so
/// does NaN, and values of kinds that do not compare (text and a number) are unequal and unordered.
/// </summary>
internal static class TypedComparisons
{
    /// <summary>
    /// Sets the bit of every row of <paramref name="array"/> for which <c>value op literal</c> holds, when the
    /// column's type has a typed path; false (and <paramref name="words"/> untouched) when it has not.
    /// </summary>
    public static bool TryEvaluate(IArrowArray array, ComparisonOperator op, object? literal, ulong[] words)
    {
        if (literal is null)
        {
            Fill(words, array.Length, op == ComparisonOperator.NotEqual);
            return true;
        }
        var rows = array.Length;
        var validity = array.NullCount == 0 ? default : new ValidityBits(array.Data.Buffers[0].Span, array.Offset);
        switch (array)
        {
            case Int64Array a when literal is long l:
                Lanes(a.Values, l, op, validity, words);
                return true;
            case DoubleArray a when Real(literal) is { } d:
                Lanes(a.Values, d, op, validity, words);
                return true;
            case Int8Array a when literal is long l:
                Narrow(a.Values, l, op, validity, words);
                return true;
            case Int16Array a when literal is long l:
                Narrow(a.Values, l, op, validity, words);
                return true;
            case Int32Array a when literal is long l:
                Narrow(a.Values, l, op, validity, words);
                return true;
            case UInt8Array a when literal is long l:
                Narrow(a.Values, l, op, validity, words);
                return true;
            case UInt16Array a when literal is long l:
                Narrow(a.Values, l, op, validity, words);
                return true;
            case UInt32Array a when literal is long l:
                Narrow(a.Values, l, op, validity, words);
                return true;
            case Int8Array or Int16Array or Int32Array or Int64Array or UInt8Array or UInt16Array or UInt32Array or UInt64Array or FloatArray when Real(literal) is { } d:
                Words(array, op, validity, words, AsReals(array, d, op));
                return true;
            case Int8Array or Int16Array or Int32Array or Int64Array or UInt8Array or UInt16Array or UInt32Array or UInt64Array or FloatArray or DoubleArray:
                Fill(words, rows, op == ComparisonOperator.NotEqual); // a number and text, a boolean or a date: unordered
                return true;
            case Date32Array or Date64Array or TimestampArray:
                if (InstantTicks(literal) is not { } ticks)
                {
                    Fill(words, rows, op == ComparisonOperator.NotEqual);
                    return true;
                }
                Words(array, op, validity, words, Instants(array, ticks, op));
                return true;
            case StringArray a when literal is string s:
                Text(a, Encoding.UTF8.GetBytes(s), op, validity, words);
                return true;
            case DictionaryArray { Dictionary: StringArray entries } d when literal is string s:
                DictionaryText(d, entries, Encoding.UTF8.GetBytes(s), op, validity, words);
                return true;
            case StringArray or DictionaryArray { Dictionary: StringArray } when literal is long or double or bool:
                Fill(words, rows, op == ComparisonOperator.NotEqual);
                return true;
            case BooleanArray a when literal is bool b:
                Booleans(a, Holds(op, true.CompareTo(b)), Holds(op, false.CompareTo(b)), op, validity, words);
                return true;
            default:
                return false; // times, decimals, text against a timestamp literal: value by value
        }
    }

    /// <summary>Whether an order (the sign of a comparison, or <see cref="int.MaxValue"/> for unordered) satisfies the operator.</summary>
    internal static bool Holds(ComparisonOperator op, int order) => op switch
    {
        ComparisonOperator.Equal => order == 0,
        ComparisonOperator.NotEqual => order != 0,
        ComparisonOperator.Less => order < 0,
        ComparisonOperator.LessOrEqual => order <= 0,
        ComparisonOperator.Greater => order is > 0 and not int.MaxValue,
        _ => order is >= 0 and not int.MaxValue,
    };

    /// <summary>The same comparison with its operands swapped: <c>literal op column</c> is <c>column Flip(op) literal</c>.</summary>
    internal static ComparisonOperator Flip(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => ComparisonOperator.Greater,
        ComparisonOperator.LessOrEqual => ComparisonOperator.GreaterOrEqual,
        ComparisonOperator.Greater => ComparisonOperator.Less,
        ComparisonOperator.GreaterOrEqual => ComparisonOperator.LessOrEqual,
        _ => op,
    };

    private static double? Real(object literal) => literal switch
    {
        double d => d,
        long l => l,
        _ => null,
    };

    /// <summary>A literal as an instant, as the value-by-value path reads it: a timestamp, or text in ISO 8601.</summary>
    private static long? InstantTicks(object literal) => literal switch
    {
        DateTime d => d.Ticks,
        string s when DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed) => parsed.Ticks,
        _ => null,
    };

    private static void Fill(ulong[] words, int rows, bool value)
    {
        for (var w = 0; w < words.Length; w++)
        {
            words[w] = value ? ValidityBits.LowBits(Math.Min(64, rows - (w * 64))) : 0;
        }
    }

    /// <summary>
    /// One word from the verdicts of its valid rows: a null row satisfies only <c>!=</c>. Fast for columns without
    /// nulls; the verdict is a delegate, which the lane and text paths avoid.
    /// </summary>
    private static void Words(IArrowArray array, ComparisonOperator op, ValidityBits validity, ulong[] words, Func<int, bool> holds)
    {
        for (var w = 0; w < words.Length; w++)
        {
            var start = w * 64;
            var count = Math.Min(64, array.Length - start);
            ulong word = 0;
            for (var i = 0; i < count; i++)
            {
                word |= holds(start + i) ? 1UL << i : 0;
            }
            words[w] = word;
        }
        ApplyNulls(words, array.Length, validity, op);
    }

    private static void ApplyNulls(ulong[] words, int rows, ValidityBits validity, ComparisonOperator op)
    {
        if (validity.AllValid)
        {
            return;
        }
        for (var w = 0; w < words.Length; w++)
        {
            var count = Math.Min(64, rows - (w * 64));
            var valid = validity.Word(w * 64, count);
            words[w] = (words[w] & valid) | (op == ComparisonOperator.NotEqual ? ~valid & ValidityBits.LowBits(count) : 0);
        }
    }

    /// <summary>
    /// A narrower integer column against an integer literal: in the column's own type when the literal fits it (the
    /// comparison is exact either way), else every value lies on the same side of the literal.
    /// </summary>
    private static void Narrow<T>(ReadOnlySpan<T> values, long literal, ComparisonOperator op, ValidityBits validity, ulong[] words)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        if (literal >= long.CreateTruncating(T.MinValue) && (ulong.CreateTruncating(T.MaxValue) > long.MaxValue || literal <= long.CreateTruncating(T.MaxValue)))
        {
            Lanes(values, T.CreateTruncating(literal), op, validity, words);
            return;
        }
        Fill(words, values.Length, Holds(op, literal < 0 ? 1 : -1));
        ApplyNulls(words, values.Length, validity, op);
    }

    /// <summary>Mixed integer and real operands compare as doubles, NaN unordered (pandas' float comparison).</summary>
    private static Func<int, bool> AsReals(IArrowArray array, double literal, ComparisonOperator op)
    {
        Func<int, double> value = array switch
        {
            Int8Array a => row => a.Values[row],
            Int16Array a => row => a.Values[row],
            Int32Array a => row => a.Values[row],
            Int64Array a => row => a.Values[row],
            UInt8Array a => row => a.Values[row],
            UInt16Array a => row => a.Values[row],
            UInt32Array a => row => a.Values[row],
            UInt64Array a => row => a.Values[row],
            _ => row => ((FloatArray)array).Values[row],
        };
        return row => Holds(op, RealOrder(value(row), literal));
    }

    private static int RealOrder(double a, double b) => double.IsNaN(a) || double.IsNaN(b) ? int.MaxValue : a.CompareTo(b);

    /// <summary>Dates and timestamps as the ticks of their plain values (nanoseconds keep the tick they fall in).</summary>
    private static Func<int, bool> Instants(IArrowArray array, long literal, ComparisonOperator op)
    {
        Func<int, long> ticks = array switch
        {
            Date32Array a => row => IntegerKeys.Date32(a.Values[row]).DayNumber * TimeSpan.TicksPerDay,
            Date64Array a => row => IntegerKeys.Date64(a.Values[row]).DayNumber * TimeSpan.TicksPerDay,
            _ => Timestamps((TimestampArray)array),
        };
        return row => Holds(op, ticks(row).CompareTo(literal));
    }

    private static Func<int, long> Timestamps(TimestampArray array)
    {
        var toValue = IntegerKeys.ToValue(array.Data.DataType)!;
        return row => toValue(array.Values[row]) switch
        {
            DateTime d => d.Ticks,
            DateTimeOffset d => d.UtcTicks,
            _ => 0,
        };
    }

    /// <summary>int64 and double columns against a literal of their kind, four (Vector256) or two lanes at a time.</summary>
    private static void Lanes<T>(ReadOnlySpan<T> values, T literal, ComparisonOperator op, ValidityBits validity, ulong[] words)
        where T : unmanaged, INumber<T>
    {
        var rows = values.Length;
        var target = Vector256.Create(literal);
        for (var w = 0; w < words.Length; w++)
        {
            var start = w * 64;
            var count = Math.Min(64, rows - start);
            ulong word = 0;
            var i = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; i + Vector256<T>.Count <= count; i += Vector256<T>.Count)
                {
                    var lane = Vector256.Create(values.Slice(start + i, Vector256<T>.Count));
                    word |= (ulong)Mask(lane, target, op).ExtractMostSignificantBits() << i;
                }
            }
            for (; i < count; i++)
            {
                var value = values[start + i];
                var order = T.IsNaN(value) || T.IsNaN(literal) ? int.MaxValue : value.CompareTo(literal);
                word |= Holds(op, order) ? 1UL << i : 0;
            }
            words[w] = word;
        }
        ApplyNulls(words, rows, validity, op);
    }

    /// <summary>IEEE comparisons: NaN is unequal to everything and unordered, as the value-by-value path has it.</summary>
    private static Vector256<T> Mask<T>(Vector256<T> lane, Vector256<T> target, ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => Vector256.Equals(lane, target),
        ComparisonOperator.NotEqual => ~Vector256.Equals(lane, target),
        ComparisonOperator.Less => Vector256.LessThan(lane, target),
        ComparisonOperator.LessOrEqual => Vector256.LessThanOrEqual(lane, target),
        ComparisonOperator.Greater => Vector256.GreaterThan(lane, target),
        _ => Vector256.GreaterThanOrEqual(lane, target),
    };

    /// <summary>Booleans a word at a time: each row takes the verdict of true or of false.</summary>
    private static void Booleans(BooleanArray array, bool whenTrue, bool whenFalse, ComparisonOperator op, ValidityBits validity, ulong[] words)
    {
        var values = new ValidityBits(array.ValueBuffer.Span, array.Offset);
        for (var w = 0; w < words.Length; w++)
        {
            var count = Math.Min(64, array.Length - (w * 64));
            var trues = values.Word(w * 64, count);
            words[w] = (whenTrue ? trues : 0) | (whenFalse ? ~trues & ValidityBits.LowBits(count) : 0);
        }
        ApplyNulls(words, array.Length, validity, op);
    }

    /// <summary>Text against text by UTF-8 bytes, whose ordinal order is code point order (Python's).</summary>
    private static void Text(StringArray strings, byte[] literal, ComparisonOperator op, ValidityBits validity, ulong[] words)
    {
        for (var w = 0; w < words.Length; w++)
        {
            var start = w * 64;
            var count = Math.Min(64, strings.Length - start);
            ulong word = 0;
            for (var i = 0; i < count; i++)
            {
                word |= Holds(op, Math.Sign(strings.GetBytes(start + i).SequenceCompareTo(literal))) ? 1UL << i : 0;
            }
            words[w] = word;
        }
        ApplyNulls(words, strings.Length, validity, op);
    }

    /// <summary>Dictionary-encoded text: each entry is judged once, rows take their entry's verdict.</summary>
    private static void DictionaryText(DictionaryArray array, StringArray entries, byte[] literal, ComparisonOperator op, ValidityBits validity, ulong[] words)
    {
        var verdicts = new bool[entries.Length];
        for (var e = 0; e < entries.Length; e++)
        {
            verdicts[e] = entries.IsValid(e) ? Holds(op, Math.Sign(entries.GetBytes(e).SequenceCompareTo(literal))) : op == ComparisonOperator.NotEqual;
        }
        Span<int> positions = stackalloc int[64];
        for (var w = 0; w < words.Length; w++)
        {
            var start = w * 64;
            var count = Math.Min(64, array.Length - start);
            DictionaryIndices.Read(array.Indices, start, positions[..count]);
            ulong word = 0;
            for (var i = 0; i < count; i++)
            {
                var position = positions[i];
                // An index outside the dictionary is left to the kernels, which report it; here it selects nothing.
                word |= (uint)position < (uint)verdicts.Length && verdicts[position] ? 1UL << i : 0;
            }
            words[w] = word;
        }
        ApplyNulls(words, array.Length, validity, op);
    }
}
