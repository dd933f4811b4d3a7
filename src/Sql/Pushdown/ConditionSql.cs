using System.Globalization;
using Dq.Expectations.Conditions;

namespace Dq.Sql.Pushdown;

/// <summary>
/// Compiles a row condition to a WHERE predicate with dq's (pandas') semantics: every comparison is two-valued (a
/// comparison with a null is false, except <c>!=</c>, which is true), NaN compares unequal and unordered, text
/// compares by code point, and values of kinds that do not compare (text and a number) are simply unequal.
/// Columns are quoted identifiers and literals parameters. Null means the condition has no exact SQL form
/// (text compared with a timestamp, which dq parses row by row): those metrics are computed by dq's engine.
/// </summary>
internal static class ConditionSql
{
    public static string? TryCompile(RowFilter? filter, Apache.Arrow.Schema schema, SqlCommandText sql) =>
        filter is null ? "TRUE" : Compile(filter.Root, schema, sql);

    private static string? Compile(ConditionNode node, Apache.Arrow.Schema schema, SqlCommandText sql)
    {
        switch (node)
        {
            case AndNode and:
                return Compile(and.Left, schema, sql) is { } l && Compile(and.Right, schema, sql) is { } r ? $"({l} AND {r})" : null;
            case OrNode or:
                return Compile(or.Left, schema, sql) is { } a && Compile(or.Right, schema, sql) is { } b ? $"({a} OR {b})" : null;
            case NotNode not:
                return Compile(not.Operand, schema, sql) is { } inner ? $"(NOT {inner})" : null;
            case NullTestNode test:
                return $"({SqlDialect.Quote(test.Column)} IS {(test.IsNull ? "" : "NOT ")}NULL)";
            case ComparisonNode comparison:
                return Comparison(comparison, schema, sql);
            default:
                return null;
        }
    }

    private static string? Comparison(ComparisonNode node, Apache.Arrow.Schema schema, SqlCommandText sql)
    {
        var op = node.Operator;
        var unequal = op == ComparisonOperator.NotEqual;
        if (node.Left is LiteralOperand a && node.Right is LiteralOperand b)
        {
            return ConditionEvaluator.Compare(a.Value, op, b.Value) ? "TRUE" : "FALSE";
        }
        if (node.Left is LiteralOperand { Value: null } || node.Right is LiteralOperand { Value: null })
        {
            return unequal ? "TRUE" : "FALSE";
        }
        var left = Side(node.Left, schema, sql);
        var right = Side(node.Right, schema, sql);
        if (left is null || right is null)
        {
            return null;
        }
        var kind = Common(left.Value.Kind, right.Value.Kind, node.Left is LiteralOperand || node.Right is LiteralOperand);
        if (kind is null)
        {
            return null;
        }
        if (kind == Unordered)
        {
            return unequal ? "TRUE" : "FALSE";
        }
        var (l, r) = (Text(left.Value, kind.Value, sql), Text(right.Value, kind.Value, sql));
        if (l is null || r is null)
        {
            return null;
        }
        var symbol = op switch
        {
            ComparisonOperator.Equal => "=",
            ComparisonOperator.NotEqual => "<>",
            ComparisonOperator.Less => "<",
            ComparisonOperator.LessOrEqual => "<=",
            ComparisonOperator.Greater => ">",
            _ => ">=",
        };
        // NaN is unordered and unequal to everything in dq, where both databases order it above every number.
        var nan = new[] { left.Value, right.Value }.Where(s => s.Kind == ColumnKind.Real && s.Column is not null)
            .Select(s => $" OR {s.Text} = {SqlDialect.NaN}").ToList();
        var anyNaN = nan.Count == 0 ? "" : "(" + string.Join("", nan)[4..] + ")";
        return unequal
            ? $"COALESCE({l} {symbol} {r}{(anyNaN.Length > 0 ? " OR " + anyNaN : "")}, TRUE)"
            : $"COALESCE({l} {symbol} {r}{(anyNaN.Length > 0 ? " AND NOT " + anyNaN : "")}, FALSE)";
    }

    /// <summary>A marker kind: the operands never compare, so only <c>!=</c> holds.</summary>
    private const ColumnKind Unordered = (ColumnKind)(-1);

    private readonly record struct SideSql(ColumnKind Kind, string? Text, string? Column, object? Literal);

    private static SideSql? Side(Operand operand, Apache.Arrow.Schema schema, SqlCommandText sql)
    {
        if (operand is ColumnOperand column)
        {
            var index = schema.GetFieldIndex(column.Name);
            return index < 0 ? null : new SideSql(ColumnKinds.Of(schema.GetFieldByIndex(index).DataType), SqlDialect.Quote(column.Name), column.Name, null);
        }
        var value = ((LiteralOperand)operand).Value;
        var kind = value switch
        {
            long => ColumnKind.Integer,
            double => ColumnKind.Real,
            string => ColumnKind.Text,
            bool => ColumnKind.Boolean,
            DateTime => ColumnKind.Timestamp,
            _ => ColumnKind.Other,
        };
        return new SideSql(kind, null, null, value);
    }

    /// <summary>The kind both sides compare as, <see cref="Unordered"/> when they never compare, or null when SQL cannot say.</summary>
    private static ColumnKind? Common(ColumnKind left, ColumnKind right, bool oneIsLiteral)
    {
        if (left.IsNumber() && right.IsNumber())
        {
            return left == ColumnKind.Integer && right == ColumnKind.Integer ? ColumnKind.Integer : ColumnKind.Real;
        }
        if (left == right && left is ColumnKind.Text or ColumnKind.Boolean or ColumnKind.Date or ColumnKind.Timestamp)
        {
            return left;
        }
        var temporal = new[] { left, right }.Count(k => k is ColumnKind.Date or ColumnKind.Timestamp);
        if (temporal == 2)
        {
            return ColumnKind.Timestamp;
        }
        // A date column with a text literal: the literal is read as a timestamp once, as dq reads it.
        if (temporal == 1 && oneIsLiteral && (left == ColumnKind.Text || right == ColumnKind.Text))
        {
            return ColumnKind.Timestamp;
        }
        if (left is ColumnKind.Other or ColumnKind.ZonedTimestamp || right is ColumnKind.Other or ColumnKind.ZonedTimestamp || temporal == 1)
        {
            return null;
        }
        return Unordered; // number with text or boolean, text with boolean
    }

    private static string? Text(SideSql side, ColumnKind kind, SqlCommandText sql)
    {
        if (side.Column is not null)
        {
            return kind == ColumnKind.Text ? sql.Dialect.CodePointText(side.Text!) : side.Text;
        }
        return side.Literal switch
        {
            long l when kind == ColumnKind.Integer => sql.Parameter(l),
            long l => sql.Parameter((double)l),
            double d => sql.Parameter(d),
            string s when kind == ColumnKind.Timestamp => DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
                ? sql.Parameter(DateTime.SpecifyKind(parsed, DateTimeKind.Unspecified)) : null,
            string s => sql.Dialect.CodePointText(sql.Parameter(s)),
            bool b => sql.Parameter(b),
            DateTime d => sql.Parameter(DateTime.SpecifyKind(d, DateTimeKind.Unspecified)),
            _ => null,
        };
    }
}
