using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_pair_values_a_to_be_greater_than_b</c>: in each row, <c>column_A</c> &gt; <c>column_B</c>
/// (≥ with <c>or_equal</c>). A missing value compares false. Columns whose kinds have no order between them (text
/// against numbers) make a failed result with <c>exception_info</c>.
/// </summary>
public sealed class ExpectColumnPairValuesAToBeGreaterThanB : MultiColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_pair_values_a_to_be_greater_than_b";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnPairValuesAToBeGreaterThanB(c, k),
        static d => d.Flag("or_equal")
                ? d.Sentence("values in {column_A} must be greater than or equal to those in {column_B}")
                : d.Sentence("values in {column_A} must be greater than those in {column_B}"));

    internal ExpectColumnPairValuesAToBeGreaterThanB(ExpectationConfiguration configuration, KwargReader kwargs)
        : this(configuration, kwargs, ReadPair(kwargs))
    {
    }

    private ExpectColumnPairValuesAToBeGreaterThanB(ExpectationConfiguration configuration, KwargReader kwargs, ColumnList columns)
        : base(configuration, kwargs, columns.Names, ReadIgnore(kwargs, pair: true))
    {
        OrEqual = kwargs.Boolean("or_equal", false);
        UnexpectedKey = new PairNotGreaterKey(columns, Ignore, OrEqual);
        kwargs.RejectUnknown();
    }

    /// <summary>Whether equal values also pass.</summary>
    public bool OrEqual { get; }

    private protected override MultiColumnMetricKey UnexpectedKey { get; }
}
