using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;
using Dq.Expectations.Conditions;
using Dq.Expectations.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Conditions;

/// <summary>
/// A row condition comparing a column with a literal selects, for every column type and literal kind, exactly the
/// rows that the value-by-value rule (<see cref="ConditionEvaluator.Compare"/> on each row's plain value) selects:
/// the typed word-at-a-time paths agree with it on nulls, NaN, mixed kinds, text order, instants and offsets.
/// </summary>
public sealed class TypedComparisonPropertyTests
{
    private static readonly string[] s_columnKinds =
        ["int64", "int32", "uint8", "uint64", "double", "float", "date32", "timestamp[us]", "timestamp[ns, UTC]", "string", "dictionary", "bool"];

    internal sealed record Case(int Kind, long?[] Raw, ComparisonOperator Op, object? Literal, bool LiteralFirst, int Padding)
    {
        public override string ToString() =>
            $"{s_columnKinds[Kind]} {(LiteralFirst ? "literal op column" : "column op literal")} {Op} {Literal ?? "null"} ({Literal?.GetType().Name}), padding {Padding}, raw [{string.Join(", ", Raw.Select(r => r?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"))}]";
    }

    [Property(MaxTest = 1000)]
    public Property Evaluate_ColumnAgainstLiteral_SelectsWhatTheValueRuleSelects() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var column = Column(c.Kind, c.Raw, c.Padding);
            var batch = Arrays.Batch(("x", column));
            ConditionNode node = c.LiteralFirst
                ? new ComparisonNode(new LiteralOperand(c.Literal), c.Op, new ColumnOperand("x"))
                : new ComparisonNode(new ColumnOperand("x"), c.Op, new LiteralOperand(c.Literal));
            var words = ConditionEvaluator.Evaluate(new RowFilter(node), batch);

            var differences = new List<int>();
            for (var row = 0; row < batch.Length; row++)
            {
                var value = ArrowValues.Get(column, row);
                var expected = c.LiteralFirst ? ConditionEvaluator.Compare(c.Literal, c.Op, value) : ConditionEvaluator.Compare(value, c.Op, c.Literal);
                var actual = (words[row >> 6] & (1UL << (row & 63))) != 0;
                if (expected != actual)
                {
                    differences.Add(row);
                }
            }
            return (differences.Count == 0).Label($"rows that differ: {string.Join(", ", differences.Take(10))}");
        });

    private static IArrowArray Column(int kind, long?[] raw, int padding)
    {
        var padded = (IReadOnlyList<long?>)[.. Enumerable.Repeat((long?)7, padding), .. raw];
        IArrowArray array = s_columnKinds[kind] switch
        {
            "int64" => Arrays.Int64(padded),
            "int32" => Arrays.Int32(padded.Select(v => (int?)v)),
            "uint8" => Arrays.UInt8(padded.Select(v => v is { } x ? (byte?)Math.Abs(x % 256) : null)),
            "uint64" => Arrays.UInt64(padded.Select(v => v is { } x ? (ulong?)(x < 0 ? ulong.MaxValue - (ulong)(-x) : (ulong)x) : null)),
            // Odd raw values beyond a range become NaN, so NaN rows are common.
            "double" => Arrays.Double(padded.Select(v => v is { } x ? (x % 7 == 3 ? double.NaN : x / 2.0) : (double?)null)),
            "float" => Arrays.Float(padded.Select(v => v is { } x ? (x % 7 == 3 ? float.NaN : x / 2f) : (float?)null)),
            "date32" => Arrays.Date32(padded.Select(v => v is { } x ? (DateOnly?)new DateOnly(2024, 1, 1).AddDays((int)x) : null)),
            "timestamp[us]" => Arrays.Timestamp(TimeUnit.Microsecond, padded.Select(v => v is { } x ? (DateTimeOffset?)new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(x) : null)),
            "timestamp[ns, UTC]" => Arrays.Timestamp(TimeUnit.Nanosecond, padded.Select(v => v is { } x ? (DateTimeOffset?)new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero).AddMinutes(x) : null), "UTC"),
            "string" => Arrays.String(padded.Select(Text)),
            "dictionary" => Arrays.DictionaryString([.. padded.Select(Text)]),
            _ => Arrays.Boolean(padded.Select(v => v is { } x ? (bool?)(x % 2 == 0) : null)),
        };
        return ArrowArrayFactory.Slice(array, padding, raw.Length);
    }

    /// <summary>Text that sorts unlike its numbers, with non-ASCII and an ISO date among it.</summary>
    private static string? Text(long? raw) => raw switch
    {
        null => null,
        0 => "",
        1 => "2024-01-03",
        2 => "é",
        3 => "\U0001F600",
        var x => "v" + x.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Gen<object?> Literals() => Gen.OneOf(
        Gen.Constant((object?)null),
        Gen.Choose(-12, 12).Select(v => (object?)(long)v),
        Gen.Elements<object?>(0.5, -3.5, double.NaN, 4.0, 1e300),
        Gen.Elements<object?>("", "v3", "v-2", "2024-01-03", "2024-01-01T05:00:00", "é", "\U0001F600", "zz", "5"),
        Gen.Elements<object?>(true, false),
        Gen.Choose(-48, 48).Select(h => (object?)new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddHours(h)));

    internal static Gen<Case> Cases() =>
        from kind in Gen.Choose(0, s_columnKinds.Length - 1)
        from length in Gen.Choose(0, 150)
        from raw in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant((long?)null)), (6, Gen.Choose(-10, 10).Select(v => (long?)v))), length)
        from op in Gen.Elements(Enum.GetValues<ComparisonOperator>())
        from literal in Literals()
        from literalFirst in Gen.Elements(false, true)
        from padding in Gen.Elements(0, 5, 64)
        select new Case(kind, raw, op, literal, literalFirst, padding);
}
