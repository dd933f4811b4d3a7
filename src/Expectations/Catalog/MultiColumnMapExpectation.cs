using System.Globalization;
using Apache.Arrow;
using Dq.Expectations.Execution;
using Dq.Expectations.Metrics;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// An expectation judged row by row over several columns (GX's column pair and multicolumn map expectations): a row
/// is unexpected or not, and the expectation holds when at least <c>mostly</c> of the considered rows are not.
/// </summary>
/// <remarks>
/// Which rows are considered is set by <c>ignore_row_if</c>: skipped rows are counted in <c>missing_count</c> and left
/// out of the denominator of <c>unexpected_percent</c> and <c>mostly</c>, so a table whose rows are all skipped passes.
/// Values compare by value across columns: 1 equals 1.0, the text "1" does not equal 1.
/// </remarks>
public abstract class MultiColumnMapExpectation : Expectation
{
    private protected MultiColumnMapExpectation(ExpectationConfiguration configuration, KwargReader kwargs, IReadOnlyList<string> columns, IgnoreRowIf ignore)
        : base(configuration, kwargs)
    {
        Columns = columns;
        Ignore = ignore;
        Mostly = kwargs.Mostly();
    }

    /// <summary>The columns the rule reads, in order (A then B for a pair).</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The fraction of considered rows that must meet the rule (1 when not given).</summary>
    public double Mostly { get; }

    internal IgnoreRowIf Ignore { get; }

    /// <summary>The metric whose rows are unexpected.</summary>
    private protected abstract MultiColumnMetricKey UnexpectedKey { get; }

    internal override IEnumerable<MetricRequest> Requests(ResultFormat format) =>
        [new(new RowCountKey()), new(UnexpectedKey, format.SampleLimit)];

    internal override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format)
    {
        if (metrics.FailureOf(UnexpectedKey) is { } failure)
        {
            return CannotJudge(failure);
        }
        var elements = metrics.RowCount;
        var unexpected = metrics.UnexpectedRows(UnexpectedKey);
        var considered = elements - unexpected.Skipped;
        var success = considered == 0 || (double)(considered - unexpected.Count) / considered >= Mostly;
        return Judged(success, format, () => Result(format, elements, considered, unexpected));
    }

    /// <summary>Reads <c>column_A</c> and <c>column_B</c>.</summary>
    private protected static ColumnList ReadPair(KwargReader kwargs) =>
        new([kwargs.RequiredString("column_A"), kwargs.RequiredString("column_B")]);

    /// <summary>Reads <c>column_list</c>: a non-empty list of column names.</summary>
    private protected static ColumnList ReadColumnList(KwargReader kwargs)
    {
        var values = kwargs.OptionalList("column_list");
        if (values is null or { Count: 0 } || values.Any(v => v is not string { Length: > 0 }))
        {
            throw kwargs.Error("column_list", values is null ? "is missing" : "is not a non-empty list of column names", "give the columns as a list of names, such as [\"a\", \"b\"]");
        }
        return new([.. values.Cast<string>()]);
    }

    /// <summary>Reads <c>ignore_row_if</c> in GX's vocabulary for pairs or for column lists.</summary>
    private protected static IgnoreRowIf ReadIgnore(KwargReader kwargs, bool pair)
    {
        var (all, any, never) = pair
            ? ("both_values_are_missing", "either_value_is_missing", "neither")
            : ("all_values_are_missing", "any_value_is_missing", "never");
        var value = kwargs.OptionalString("ignore_row_if") ?? all;
        return value == all ? IgnoreRowIf.AllValuesMissing
            : value == any ? IgnoreRowIf.AnyValueMissing
            : value == never ? IgnoreRowIf.Never
            : throw kwargs.Error("ignore_row_if", $"(\"{value}\") is not one of \"{all}\", \"{any}\", \"{never}\"", $"use one of those (the default is \"{all}\")");
    }

    /// <summary>GX's map-result fields, with skipped rows as the missing ones.</summary>
    private static ResultDetails Result(ResultFormat format, long elements, long considered, UnexpectedRowsState unexpected)
    {
        double? percent = considered > 0 ? 100.0 * unexpected.Count / considered : null;
        var rows = unexpected.Sample.Rows;
        var partial = rows.Take(format.PartialUnexpectedCount).ToList();
        var summary = format.Level >= ResultFormatLevel.Summary;
        var complete = format.Level == ResultFormatLevel.Complete;
        return new ResultDetails
        {
            ElementCount = elements,
            MissingCount = elements - considered,
            MissingPercent = elements > 0 ? 100.0 * (elements - considered) / elements : null,
            UnexpectedCount = unexpected.Count,
            UnexpectedPercent = percent,
            UnexpectedPercentTotal = elements > 0 ? 100.0 * unexpected.Count / elements : null,
            UnexpectedPercentNonmissing = percent,
            PartialUnexpectedList = [.. partial.Select(r => r.Value)],
            PartialUnexpectedCounts = summary ? Counts(partial) : null,
            PartialUnexpectedIndexList = summary ? [.. partial.Select(r => r.RowIndex)] : null,
            UnexpectedList = complete ? [.. rows.Select(r => r.Value)] : null,
            UnexpectedIndexList = complete ? [.. rows.Select(r => r.RowIndex)] : null,
        };
    }

    /// <summary>
    /// Counts of the sampled rows' values, grouped by their content (pairs and records are compared element by
    /// element, unlike GX, which cannot count its unhashable dict rows), most frequent first, ties by their text.
    /// </summary>
    private static List<UnexpectedValueCount> Counts(List<UnexpectedRow> rows) =>
        [.. rows.GroupBy(r => GroupKey(r.Value), StringComparer.Ordinal)
            .Select(g => (Text: g.Key, Count: new UnexpectedValueCount(g.First().Value, g.LongCount())))
            .OrderByDescending(c => c.Count.Count)
            .ThenBy(c => c.Text, StringComparer.Ordinal)
            .Select(c => c.Count)];

    /// <summary>
    /// A key that tells rows' contents apart, element by element. Not display text (that is ValueText's, which
    /// shortens long values): two different rows must never share a key.
    /// </summary>
    private static string GroupKey(object? value) => value switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        IReadOnlyDictionary<string, object?> record => "{" + string.Join(",", record.Select(p => p.Key + ":" + GroupKey(p.Value))) + "}",
        IReadOnlyList<object?> items => "[" + string.Join(",", items.Select(GroupKey)) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
