using System.Globalization;
using Dq.Expectations.Metrics;

namespace Dq.Sql.Pushdown;

/// <summary><c>count(*)</c>: the rows the row condition selects.</summary>
internal sealed class RowCountPushdown : IPushdown
{
    public IReadOnlyList<string> Aggregates(SqlCommandText sql, string where) => ["count(*)"];

    public MetricState Build(IReadOnlyList<object?> values, int sampleLimit) => new RowCountState { Rows = Convert.ToInt64(values[0], CultureInfo.InvariantCulture) };
}

/// <summary>
/// A row-level check whose unexpected rows SQL selects exactly: the count is one aggregate, the sample (only when
/// some row is unexpected and the result format shows rows) one query with LIMIT.
/// </summary>
internal sealed class PredicatePushdown(string column, Func<SqlCommandText, string> predicate) : IPushdown
{
    public IReadOnlyList<string> Aggregates(SqlCommandText sql, string where) => [$"count(*) FILTER (WHERE {predicate(sql)})"];

    public MetricState Build(IReadOnlyList<object?> values, int sampleLimit) =>
        new UnexpectedRowsState(sampleLimit) { Count = Convert.ToInt64(values[0], CultureInfo.InvariantCulture) };

    public string? UnexpectedPredicate(SqlCommandText sql) => predicate(sql);

    public string? SampleColumn => column;
}

/// <summary>
/// Uniqueness: the rows of values that occur more than once, as <c>GROUP BY … HAVING count(*) &gt; 1</c> summed in a
/// scalar subquery of the one aggregate query (no semi-join, no temporary table).
/// </summary>
internal sealed class DuplicatePushdown(string column, string from) : IPushdown
{
    // The WHERE text repeats in the subquery: its parameters are named markers already bound to this command.
    public IReadOnlyList<string> Aggregates(SqlCommandText sql, string where)
    {
        var c = SqlDialect.Quote(column);
        return [$"(SELECT CAST(COALESCE(sum(dq_n), 0) AS BIGINT) FROM (SELECT count(*) AS dq_n FROM {from} WHERE ({where}) AND {c} IS NOT NULL GROUP BY {c} HAVING count(*) > 1) AS dq_duplicates)"];
    }

    public MetricState Build(IReadOnlyList<object?> values, int sampleLimit) =>
        new UnexpectedRowsState(sampleLimit) { Count = Convert.ToInt64(values[0], CultureInfo.InvariantCulture) };

    public string? UnexpectedPredicate(SqlCommandText sql) => $"{SqlDialect.Quote(column)} IS NOT NULL";

    public string? SampleColumn => column;

    public bool SamplesDuplicates => true;
}
