using Apache.Arrow;
using Dq.Expectations.Metrics;

namespace Dq.Sql.Pushdown;

/// <summary>
/// Which metric keys the database computes as aggregates, and how. A key with no exact SQL form here is computed
/// from the column's distinct values (<see cref="DistinctValuesPath"/>) or, for the few that need rows in order or
/// several columns, by dq's engine over the pulled columns.
/// </summary>
internal static class PushdownCatalog
{
    /// <summary>Sets larger than this are judged on the distinct values instead of a long IN list.</summary>
    private const int MaxInList = 1_000;

    public static IPushdown? TryCreate(MetricKey key, Apache.Arrow.Schema schema, string from)
    {
        if (key is RowCountKey)
        {
            return new RowCountPushdown();
        }
        if (key is not ColumnMetricKey columnKey || schema.GetFieldIndex(columnKey.Column) < 0)
        {
            return null;
        }
        var field = schema.GetFieldByIndex(schema.GetFieldIndex(columnKey.Column));
        var kind = ColumnKinds.Of(field.DataType);
        var c = SqlDialect.Quote(field.Name);
        return key switch
        {
            NullRowsKey => new PredicatePushdown(field.Name, _ => $"{c} IS NULL"),
            NonNullRowsKey => new PredicatePushdown(field.Name, _ => $"{c} IS NOT NULL"),
            ColumnSummaryKey => SummaryPushdown.TryCreate(field),
            DuplicateRowsKey when kind != ColumnKind.Other => new DuplicatePushdown(field.Name, from),
            OutOfRangeKey range => Range(field, kind, range.Bounds),
            SetMembershipKey set => Set(field, kind, set),
            TextLengthKey length when kind == ColumnKind.Text => new PredicatePushdown(field.Name, sql => Length(c, length, sql)),
            _ => null,
        };
    }

    private static PredicatePushdown? Range(Field field, ColumnKind kind, RangeBounds bounds)
    {
        var c = SqlDialect.Quote(field.Name);
        var numeric = kind.IsNumber() && bounds.Min is null or long or double && bounds.Max is null or long or double
            && !(bounds.Min is double minimum && double.IsNaN(minimum)) && !(bounds.Max is double maximum && double.IsNaN(maximum));
        var text = kind == ColumnKind.Text && bounds.Min is null or string && bounds.Max is null or string;
        if (!numeric && !text)
        {
            return null;
        }
        return new PredicatePushdown(field.Name, sql =>
        {
            string Operand(object bound) => bound switch
            {
                string s => sql.Dialect.CodePointText(sql.Parameter(s)),
                long l when kind == ColumnKind.Integer => sql.Parameter(l),
                _ => sql.Parameter(Convert.ToDouble(bound, System.Globalization.CultureInfo.InvariantCulture)),
            };
            var column = text ? sql.Dialect.CodePointText(c) : c;
            var inside = new List<string>();
            if (bounds.Min is { } min)
            {
                inside.Add($"{column} {(bounds.StrictMin ? ">" : ">=")} {Operand(min)}");
            }
            if (bounds.Max is { } max)
            {
                inside.Add($"{column} {(bounds.StrictMax ? "<" : "<=")} {Operand(max)}");
            }
            var within = inside.Count == 0 ? "TRUE" : string.Join(" AND ", inside);
            var nan = kind == ColumnKind.Real ? $"{c} = {SqlDialect.NaN} OR " : "";
            return $"({c} IS NOT NULL AND ({nan}NOT ({within})))";
        });
    }

    private static PredicatePushdown? Set(Field field, ColumnKind kind, SetMembershipKey set)
    {
        var members = set.Values.Members;
        var exact = members.Count <= MaxInList
            && ((kind == ColumnKind.Text && members.All(m => m is string)) || (kind == ColumnKind.Integer && members.All(m => m is long)));
        if (!exact)
        {
            return null;
        }
        var c = SqlDialect.Quote(field.Name);
        return new PredicatePushdown(field.Name, sql =>
        {
            if (members.Count == 0)
            {
                return set.MustBeInSet ? $"{c} IS NOT NULL" : "FALSE";
            }
            var list = string.Join(", ", members.Order(Comparer<object>.Create((a, b) => string.CompareOrdinal(a.ToString(), b.ToString()))).Select(sql.Parameter));
            return $"({c} IS NOT NULL AND {c} {(set.MustBeInSet ? "NOT IN" : "IN")} ({list}))";
        });
    }

    private static string Length(string c, TextLengthKey key, SqlCommandText sql)
    {
        var inside = new List<string>();
        if (key.Min is { } min)
        {
            inside.Add($"length({c}) {(key.StrictMin ? ">" : ">=")} {sql.Parameter(min)}");
        }
        if (key.Max is { } max)
        {
            inside.Add($"length({c}) {(key.StrictMax ? "<" : "<=")} {sql.Parameter(max)}");
        }
        return $"({c} IS NOT NULL AND NOT ({(inside.Count == 0 ? "TRUE" : string.Join(" AND ", inside))}))";
    }
}
