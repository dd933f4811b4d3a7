using Apache.Arrow;
using Dq.Expectations.Conditions;
using Dq.Expectations.Metrics;

namespace Dq.Sql.Pushdown;

/// <summary>
/// The unexpected rows a result shows (partial_unexpected_list's 20, or up to <see cref="SqlMetrics.CompleteRowCap"/>
/// for COMPLETE): asked for only when a check found unexpected rows, in row order, with LIMIT.
/// </summary>
internal static class SampleQuery
{
    private const int MaxInList = 1_000;

    public static void Fill(SqlSession session, Apache.Arrow.Schema schema, RowFilter? filter, IPushdown pushdown, UnexpectedRowsState rows, int limit, CancellationToken cancellationToken)
    {
        var sql = new SqlCommandText(session);
        var where = ConditionSql.TryCompile(filter, schema, sql)!;
        var column = pushdown.SampleColumn!;
        var c = SqlDialect.Quote(column);
        var numbered = Numbered(session);
        var predicate = pushdown.UnexpectedPredicate(sql)!;
        sql.Command.CommandText = pushdown.SamplesDuplicates
            ? $"SELECT dq_pos, {c} FROM (SELECT dq_pos, {c}, count(*) OVER (PARTITION BY {c}) AS dq_n FROM {numbered} WHERE ({where}) AND {predicate}) AS dq_d WHERE dq_n > 1 ORDER BY dq_pos{Limit(limit)}"
            : $"SELECT dq_pos, {c} FROM {numbered} WHERE ({where}) AND {predicate} ORDER BY dq_pos{Limit(limit)}";
        var field = schema.GetFieldByIndex(schema.GetFieldIndex(column));
        session.Execute(sql.Command, reader => rows.Sample.Add(reader.GetInt64(0), EngineValues.Of(reader.IsDBNull(1) ? null : reader.GetValue(1), field)), cancellationToken);
    }

    /// <summary>
    /// The rows holding one of the unexpected distinct values: by an IN list of the database's own values when they
    /// are text or integers and few, else by streaming the column in row order until the sample is full.
    /// </summary>
    public static void FillByValues(SqlSession session, Apache.Arrow.Schema schema, RowFilter? filter, Field field,
        List<(object? Engine, object? Raw)> unexpected, UnexpectedRowsState rows, int limit, CancellationToken cancellationToken)
    {
        var sql = new SqlCommandText(session);
        var where = ConditionSql.TryCompile(filter, schema, sql)!;
        var c = SqlDialect.Quote(field.Name);
        var kind = ColumnKinds.Of(field.DataType);
        var byList = unexpected.Count <= MaxInList && kind is ColumnKind.Text or ColumnKind.Integer;
        var values = unexpected.Select(u => u.Engine).ToHashSet();
        var match = byList ? $" AND {c} IN ({string.Join(", ", unexpected.Select(u => sql.Parameter(u.Raw!)))})" : $" AND {c} IS NOT NULL";
        sql.Command.CommandText = $"SELECT dq_pos, {c} FROM {Numbered(session)} WHERE ({where}){match} ORDER BY dq_pos{(byList ? Limit(limit) : "")}";
        var cap = Math.Min(limit, SqlMetrics.CompleteRowCap);
        using var reader = session.OpenReader(sql.Command);
        while (rows.Sample.Rows.Count < cap && session.ReadRow(reader))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var value = EngineValues.Of(reader.IsDBNull(1) ? null : reader.GetValue(1), field);
            if (values.Contains(value))
            {
                rows.Sample.Add(reader.GetInt64(0), value);
            }
        }
        sql.Command.Dispose();
    }

    /// <summary>The relation with each row's 0-based position in row order, as <c>dq_pos</c>.</summary>
    private static string Numbered(SqlSession session) =>
        $"(SELECT {SqlRowOrder.Position(session.Source)} AS dq_pos, * FROM {session.Source.Relation.FromText}) AS dq_rows";

    private static string Limit(int limit) => $" LIMIT {Math.Min(limit, SqlMetrics.CompleteRowCap)}";
}
