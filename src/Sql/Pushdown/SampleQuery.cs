using Apache.Arrow;
using Dq.Expectations.Conditions;
using Dq.Expectations.Metrics;

namespace Dq.Sql.Pushdown;

/// <summary>
/// The unexpected rows a result shows (partial_unexpected_list's 20, or up to <see cref="SqlMetrics.CompleteRowCap"/>
/// for COMPLETE): asked for only when a check found unexpected rows, in row order, with LIMIT.
/// </summary>
/// <remarks>
/// For a table in its storage order the rows come by <c>ORDER BY ctid|rowid LIMIT n</c> (a top-n, no sort of the
/// table) and their row positions from one count per sampled row over the rows stored before it (<see cref="Positions"/>,
/// a TID range scan in PostgreSQL). A query, or a table ordered by columns, numbers its rows with
/// <c>row_number()</c> instead.
/// </remarks>
internal static class SampleQuery
{
    private const int MaxInList = 1_000;

    public static void Fill(SqlSession session, Apache.Arrow.Schema schema, RowFilter? filter, IPushdown pushdown, UnexpectedRowsState rows, int limit, CancellationToken cancellationToken)
    {
        var column = pushdown.SampleColumn!;
        var field = schema.GetFieldByIndex(schema.GetFieldIndex(column));
        var c = SqlDialect.Quote(column);
        if (StorageOrder.Applies(session) && pushdown.SamplesDuplicates)
        {
            if (DuplicatedValues(session, schema, filter, field, limit) is { } duplicated)
            {
                var inList = new SqlCommandText(session);
                var where = ConditionSql.TryCompile(filter, schema, inList)!;
                var list = string.Join(", ", duplicated.Select(inList.Parameter));
                Keyed(session, inList, $"({where}) AND {c} IN ({list})", field, limit, rows, cancellationToken);
                return;
            }
        }
        else if (StorageOrder.Applies(session))
        {
            var keyed = new SqlCommandText(session);
            var where = ConditionSql.TryCompile(filter, schema, keyed)!;
            Keyed(session, keyed, $"({where}) AND {pushdown.UnexpectedPredicate(keyed)}", field, limit, rows, cancellationToken);
            return;
        }
        var sql = new SqlCommandText(session);
        var condition = ConditionSql.TryCompile(filter, schema, sql)!;
        var numbered = Numbered(session);
        var predicate = pushdown.UnexpectedPredicate(sql)!;
        sql.Command.CommandText = pushdown.SamplesDuplicates
            ? $"SELECT dq_pos, {c} FROM (SELECT dq_pos, {c}, count(*) OVER (PARTITION BY {c}) AS dq_n FROM {numbered} WHERE ({condition}) AND {predicate}) AS dq_d WHERE dq_n > 1 ORDER BY dq_pos{Limit(limit)}"
            : $"SELECT dq_pos, {c} FROM {numbered} WHERE ({condition}) AND {predicate} ORDER BY dq_pos{Limit(limit)}";
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
        var match = byList ? $" AND {c} IN ({string.Join(", ", unexpected.Select(u => sql.Parameter(u.Raw!)))})" : $" AND {c} IS NOT NULL";
        if (byList && StorageOrder.Applies(session))
        {
            Keyed(session, sql, $"({where}){match}", field, limit, rows, cancellationToken);
            return;
        }
        var values = unexpected.Select(u => u.Engine).ToHashSet();
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

    /// <summary>
    /// The first duplicated values in row order (ordered by their first row): the first n rows of duplicated values
    /// all belong to these, since each such row's value has its first row at or before it. Null when the values
    /// cannot be listed as parameters (other than text and integers).
    /// </summary>
    private static List<object>? DuplicatedValues(SqlSession session, Apache.Arrow.Schema schema, RowFilter? filter, Field field, int limit) =>
        DuplicateGroups(session, schema, filter, field, limit)?.Values;

    /// <summary>
    /// Uniqueness in one <c>GROUP BY</c> for a table in storage order: the rows of duplicated values (a window sum over
    /// the groups) and the first duplicated values in row order; null for columns other than text and integers.
    /// </summary>
    public static (long Total, List<object> Values)? DuplicateGroups(SqlSession session, Apache.Arrow.Schema schema, RowFilter? filter, Field field, int limit)
    {
        if (ColumnKinds.Of(field.DataType) is not (ColumnKind.Text or ColumnKind.Integer))
        {
            return null;
        }
        var sql = new SqlCommandText(session);
        var where = ConditionSql.TryCompile(filter, schema, sql)!;
        var c = SqlDialect.Quote(field.Name);
        sql.Command.CommandText = $"SELECT {c}, CAST(sum(count(*)) OVER () AS BIGINT) FROM {session.Source.Relation.FromText} WHERE ({where}) AND {c} IS NOT NULL GROUP BY {c} HAVING count(*) > 1 ORDER BY min({StorageOrder.Key(session)}){Limit(Math.Max(1, limit))}";
        var values = new List<object>();
        long total = 0;
        session.Execute(sql.Command, reader =>
        {
            values.Add(reader.GetValue(0));
            total = reader.GetInt64(1);
        });
        return (total, limit == 0 ? [] : values);
    }

    /// <summary>The sample of a uniqueness check whose first duplicated values <see cref="DuplicateGroups"/> found.</summary>
    public static void FillDuplicates(SqlSession session, Apache.Arrow.Schema schema, RowFilter? filter, Field field, List<object> values, UnexpectedRowsState rows, int limit, CancellationToken cancellationToken)
    {
        if (values.Count == 0)
        {
            return;
        }
        var sql = new SqlCommandText(session);
        var where = ConditionSql.TryCompile(filter, schema, sql)!;
        var list = string.Join(", ", values.Select(sql.Parameter));
        Keyed(session, sql, $"({where}) AND {SqlDialect.Quote(field.Name)} IN ({list})", field, limit, rows, cancellationToken);
    }

    /// <summary>The first rows (in storage order) that <paramref name="condition"/> selects, with their row positions.</summary>
    private static void Keyed(SqlSession session, SqlCommandText sql, string condition, Field field, int limit, UnexpectedRowsState rows, CancellationToken cancellationToken)
    {
        var c = SqlDialect.Quote(field.Name);
        var key = StorageOrder.Key(session);
        sql.Command.CommandText = $"SELECT {StorageOrder.KeyText(session)}, {c} FROM {session.Source.Relation.FromText} WHERE {condition} ORDER BY {key}{Limit(limit)}";
        session.Execute(sql.Command, reader => session.PendingSamples.Add((reader.GetValue(0), EngineValues.Of(reader.IsDBNull(1) ? null : reader.GetValue(1), field), rows)), cancellationToken);
    }

    /// <summary>
    /// Adds every sampled row kept by storage key to its sample, at its row position: one count statement (per 50
    /// rows) for all the samples of a run.
    /// </summary>
    public static void ResolvePositions(SqlSession session, CancellationToken cancellationToken)
    {
        if (session.PendingSamples.Count == 0)
        {
            return;
        }
        var pending = session.PendingSamples.OrderBy(p => StorageOrder.Sortable(p.Key)).ToList();
        session.PendingSamples.Clear();
        var distinctKeys = pending.Select(p => p.Key).Distinct().ToList();
        var positions = Positions(session, distinctKeys, cancellationToken);
        var byKey = distinctKeys.Select((k, i) => (k, positions[i])).ToDictionary(p => p.k, p => p.Item2);
        foreach (var (key, value, rows) in pending)
        {
            rows.Sample.Add(byKey[key], value);
        }
    }

    /// <summary>
    /// Each sampled row's 0-based position in storage order (<paramref name="keys"/> are distinct and in that order):
    /// one scan of the rows stored before the last key, each row put in the bucket of how many keys it is at or
    /// after (a binary search as nested CASE, a few comparisons per row), then position j = the rows in buckets 0..j.
    /// </summary>
    private static List<long> Positions(SqlSession session, List<object> keys, CancellationToken cancellationToken)
    {
        var sql = new SqlCommandText(session);
        var key = StorageOrder.Key(session);
        var markers = keys.Select(k => StorageOrder.Parameter(sql, k)).ToList();
        sql.Command.CommandText = $"SELECT dq_bucket, count(*) FROM (SELECT {Bucket(key, markers, 0, markers.Count)} AS dq_bucket FROM {session.Source.Relation.FromText} WHERE {key} < {markers[^1]}) AS dq_b GROUP BY dq_bucket";
        var perBucket = new long[keys.Count + 1];
        session.Execute(sql.Command, reader => perBucket[reader.GetInt32(0)] = Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
        var positions = new List<long>(keys.Count);
        long before = 0;
        for (var j = 0; j < keys.Count; j++)
        {
            before += perBucket[j];
            positions.Add(before);
        }
        return positions;
    }

    /// <summary>The number of keys at or before a row's key, known to lie in [lo, hi].</summary>
    private static string Bucket(string key, List<string> markers, int lo, int hi)
    {
        if (lo == hi)
        {
            return lo.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var mid = (lo + hi + 1) / 2;
        return $"CASE WHEN {key} < {markers[mid - 1]} THEN {Bucket(key, markers, lo, mid - 1)} ELSE {Bucket(key, markers, mid, hi)} END";
    }

    /// <summary>The relation with each row's 0-based position in row order, as <c>dq_pos</c>.</summary>
    private static string Numbered(SqlSession session) =>
        $"(SELECT {SqlRowOrder.Position(session.Source)} AS dq_pos, * FROM {session.Source.Relation.FromText}) AS dq_rows";

    private static string Limit(int limit) => $" LIMIT {Math.Min(limit, SqlMetrics.CompleteRowCap)}";
}
