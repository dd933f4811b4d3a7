using Dq.Expectations.Columns;
using Dq.Expectations.Metrics;
using Dq.Expectations.Results;

namespace Dq.Expectations.Catalog;

/// <summary>Builds the <c>result</c> block of a column map expectation with GX's fields for each result format.</summary>
internal static class MapResult
{
    /// <param name="format">The result format.</param>
    /// <param name="elements">Rows in the table.</param>
    /// <param name="nonNull">Non-null rows, or null when nulls are considered rows like any other (no missing fields).</param>
    /// <param name="unexpected">The unexpected rows, sampled as the format asked.</param>
    public static ResultDetails Build(ResultFormat format, long elements, long? nonNull, UnexpectedRowsState unexpected)
    {
        var considered = nonNull ?? elements;
        double? percentOfConsidered = considered > 0 ? 100.0 * unexpected.Count / considered : null;
        double? percentOfAll = elements > 0 ? 100.0 * unexpected.Count / elements : null;
        var rows = unexpected.Sample.Rows;
        var partial = rows.Take(format.PartialUnexpectedCount).ToList();
        var summary = format.Level >= ResultFormatLevel.Summary;
        var complete = format.Level == ResultFormatLevel.Complete;
        return new ResultDetails
        {
            ElementCount = elements,
            UnexpectedCount = unexpected.Count,
            UnexpectedPercent = percentOfConsidered,
            PartialUnexpectedList = [.. partial.Select(r => r.Value)],
            MissingCount = nonNull is null ? null : elements - nonNull,
            MissingPercent = nonNull is null || elements == 0 ? null : 100.0 * (elements - nonNull.Value) / elements,
            UnexpectedPercentTotal = nonNull is null ? null : percentOfAll,
            UnexpectedPercentNonmissing = nonNull is null ? null : percentOfConsidered,
            PartialUnexpectedCounts = summary ? Counts(partial) : null,
            PartialUnexpectedIndexList = summary ? [.. partial.Select(r => r.RowIndex)] : null,
            UnexpectedList = complete ? [.. rows.Select(r => r.Value)] : null,
            UnexpectedIndexList = complete ? [.. rows.Select(r => r.RowIndex)] : null,
        };
    }

    /// <summary>Value counts of the sampled values, most frequent first, ties by value (GX sorts by (-count, value)).</summary>
    private static List<UnexpectedValueCount> Counts(List<UnexpectedRow> rows) =>
        [.. rows.GroupBy(r => r.Value is null ? s_nullKey : r.Value)
            .Select(g => new UnexpectedValueCount(ReferenceEquals(g.Key, s_nullKey) ? null : g.Key, g.LongCount()))
            .OrderByDescending(c => c.Count)
            .ThenBy(c => c.Value, ValueComparer.Instance)];

    private static readonly object s_nullKey = new();
}
