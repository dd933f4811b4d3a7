namespace Dq.Sql.Pushdown;

/// <summary>
/// A table's storage order as a key dq can sort by, bring back and compare with: PostgreSQL's <c>ctid</c> (as its text,
/// compared as <c>tid</c>), DuckDB's <c>rowid</c>.
/// </summary>
internal static class StorageOrder
{
    /// <summary>Whether rows are ordered by storage: a table with no declared order columns.</summary>
    public static bool Applies(SqlSession session) => session.Source.Relation.IsTable && session.Source.RowOrder is not { Count: > 0 };

    public static string Key(SqlSession session) => session.Dialect.PhysicalRowOrder;

    public static string KeyText(SqlSession session) => session.Dialect.Engine == SqlEngine.PostgreSql ? "CAST(ctid AS text)" : "rowid";

    /// <summary>A key as a sortable pair: a <c>ctid</c> text "(block,offset)" by block then offset, a rowid by itself.</summary>
    public static (long, long) Sortable(object key)
    {
        if (key is string tid)
        {
            var comma = tid.IndexOf(',', StringComparison.Ordinal);
            return (long.Parse(tid.AsSpan(1, comma - 1), System.Globalization.CultureInfo.InvariantCulture),
                long.Parse(tid.AsSpan(comma + 1, tid.Length - comma - 2), System.Globalization.CultureInfo.InvariantCulture));
        }
        return (System.Convert.ToInt64(key, System.Globalization.CultureInfo.InvariantCulture), 0);
    }

    public static string Parameter(SqlCommandText sql, object key) =>
        sql.Dialect.Engine == SqlEngine.PostgreSql ? $"CAST({sql.Parameter(key)} AS tid)" : sql.Parameter(key);
}
