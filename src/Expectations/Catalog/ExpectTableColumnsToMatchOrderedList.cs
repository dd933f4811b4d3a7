using Apache.Arrow;
using Dq.Expectations.Execution;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_table_columns_to_match_ordered_list</c>: the data's columns are exactly <c>column_list</c>, in that
/// order (names are case-sensitive). A null list passes. <c>observed_value</c> is the column names; on failure
/// <c>details.mismatched</c> lists each position whose name differs, as GX does.
/// </summary>
public sealed class ExpectTableColumnsToMatchOrderedList : Expectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_table_columns_to_match_ordered_list";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectTableColumnsToMatchOrderedList(c, k),
        static d => d.Sentence("the table's columns must be, in order, {column_list}"));

    internal ExpectTableColumnsToMatchOrderedList(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        ColumnList = TableColumns.ReadNames(kwargs, "column_list");
        kwargs.RejectUnknown();
    }

    /// <summary>The expected column names in order; null to accept any.</summary>
    public IReadOnlyList<string>? ColumnList { get; }

    internal override IEnumerable<MetricRequest> Requests(ResultFormat format) => [];

    internal override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format)
    {
        var actual = schema.FieldsList.Select(f => f.Name).ToList();
        if (ColumnList is null || actual.SequenceEqual(ColumnList, StringComparer.Ordinal))
        {
            return Judged(true, format, () => new ResultDetails { HasObservedValue = true, ObservedValue = actual });
        }
        var expected = ColumnList;
        var mismatched = Enumerable.Range(0, Math.Max(actual.Count, expected.Count))
            .Select(i => (Position: i, Expected: i < expected.Count ? expected[i] : null, Found: i < actual.Count ? actual[i] : null))
            .Where(p => !string.Equals(p.Expected, p.Found, StringComparison.Ordinal))
            .Select(p => (object?)new Dictionary<string, object?>
            {
                ["Expected Column Position"] = (long)p.Position,
                ["Expected"] = p.Expected,
                ["Found"] = p.Found,
            })
            .ToList();
        return Judged(false, format, () => new ResultDetails
        {
            HasObservedValue = true,
            ObservedValue = actual,
            Details = new Dictionary<string, object?> { ["mismatched"] = mismatched },
        });
    }
}
