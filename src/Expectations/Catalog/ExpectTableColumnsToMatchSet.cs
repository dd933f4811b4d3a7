using Apache.Arrow;
using Dq.Expectations.Execution;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_table_columns_to_match_set</c>: the data's column names, in any order, are <c>column_set</c>
/// (<c>exact_match</c> true, the default) or include it (<c>exact_match</c> false). <c>details.mismatched</c> lists
/// the <c>unexpected</c> columns (in the data, not in the set) and the <c>missing</c> ones (in the set, not in the
/// data), sorted.
/// </summary>
/// <remarks>
/// As in GX, a null <c>column_set</c> is the empty set: it fails with <c>exact_match</c> and passes without it. When
/// the sets differ, <c>observed_value</c> is the sorted column names, as GX writes it; otherwise they keep the data's order.
/// </remarks>
public sealed class ExpectTableColumnsToMatchSet : Expectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_table_columns_to_match_set";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectTableColumnsToMatchSet(c, k),
        static d => d.Flag("exact_match", true)
                ? d.Sentence("the table's columns must be exactly the set {column_set}")
                : d.Sentence("the table's columns must include the set {column_set}"));

    internal ExpectTableColumnsToMatchSet(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        ColumnSet = TableColumns.ReadNames(kwargs, "column_set");
        ExactMatch = kwargs.Boolean("exact_match", true);
        kwargs.RejectUnknown();
    }

    /// <summary>The expected column names; null is the empty set.</summary>
    public IReadOnlyList<string>? ColumnSet { get; }

    /// <summary>Whether extra columns in the data fail the expectation.</summary>
    public bool ExactMatch { get; }

    internal override IEnumerable<MetricRequest> Requests(ResultFormat format) => [];

    internal override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format)
    {
        var actual = schema.FieldsList.Select(f => f.Name).ToList();
        var expected = new HashSet<string>(ColumnSet ?? [], StringComparer.Ordinal);
        var unexpected = actual.Where(c => !expected.Contains(c)).Distinct().Order(StringComparer.Ordinal).ToList();
        var missing = expected.Except(actual, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var mismatched = new Dictionary<string, object?>();
        if (unexpected.Count > 0)
        {
            mismatched["unexpected"] = unexpected;
        }
        if (missing.Count > 0)
        {
            mismatched["missing"] = missing;
        }
        var success = missing.Count == 0 && (unexpected.Count == 0 || !ExactMatch);
        var observed = mismatched.Count == 0 ? actual : [.. actual.Order(StringComparer.Ordinal)];
        return Judged(success, format, () => new ResultDetails
        {
            HasObservedValue = true,
            ObservedValue = observed,
            Details = new Dictionary<string, object?> { ["mismatched"] = mismatched },
        });
    }
}
