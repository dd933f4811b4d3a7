using Dq.Expectations.Metrics;

namespace Dq.Sql.Pushdown;

/// <summary>A metric the database computes as aggregate expressions of the one query over its (table, row condition).</summary>
internal interface IPushdown
{
    /// <summary>The aggregate expressions, over the rows the WHERE clause <paramref name="where"/> selects.</summary>
    IReadOnlyList<string> Aggregates(SqlCommandText sql, string where);

    /// <summary>The state the judges read, from the values of <see cref="Aggregates"/>.</summary>
    MetricState Build(IReadOnlyList<object?> values, int sampleLimit);

    /// <summary>
    /// For a row-level check: the predicate of an unexpected row, for the sample query (null for aggregates); and
    /// the column whose value the sample shows.
    /// </summary>
    string? UnexpectedPredicate(SqlCommandText sql) => null;

    /// <summary>The column a sample shows, for a row-level check.</summary>
    string? SampleColumn => null;

    /// <summary>Whether unexpected rows are those of duplicated values (sampled through a window over the column).</summary>
    bool SamplesDuplicates => false;
}
