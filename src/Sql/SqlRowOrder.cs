namespace Dq.Sql;

/// <summary>The ORDER BY that numbers a source's rows: its declared order columns, a table's storage order, or none.</summary>
internal static class SqlRowOrder
{
    public static string? OrderBy(SqlSource source) =>
        source.RowOrder is { Count: > 0 } columns ? string.Join(", ", columns.Select(SqlDialect.Quote))
        : source.Relation.IsTable ? source.Dialect.PhysicalRowOrder
        : null;

    /// <summary>The 0-based row position as a window expression.</summary>
    public static string Position(SqlSource source) =>
        OrderBy(source) is { } order ? $"(row_number() OVER (ORDER BY {order}) - 1)" : "(row_number() OVER () - 1)";
}
