using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_pair_values_to_be_equal</c>: in each row, the value of <c>column_A</c> equals the value of
/// <c>column_B</c> (by value: 1 equals 1.0; a missing value equals nothing, so a row with one missing value is
/// unexpected unless <c>ignore_row_if</c> skips it).
/// </summary>
public sealed class ExpectColumnPairValuesToBeEqual : MultiColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_pair_values_to_be_equal";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnPairValuesToBeEqual(c, k),
        static d => d.Sentence("values in {column_A} must equal those in {column_B}"));

    internal ExpectColumnPairValuesToBeEqual(ExpectationConfiguration configuration, KwargReader kwargs)
        : this(configuration, kwargs, ReadPair(kwargs))
    {
    }

    private ExpectColumnPairValuesToBeEqual(ExpectationConfiguration configuration, KwargReader kwargs, ColumnList columns)
        : base(configuration, kwargs, columns.Names, ReadIgnore(kwargs, pair: true))
    {
        UnexpectedKey = new PairNotEqualKey(columns, Ignore);
        kwargs.RejectUnknown();
    }

    private protected override MultiColumnMetricKey UnexpectedKey { get; }
}
