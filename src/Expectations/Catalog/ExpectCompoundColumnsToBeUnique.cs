using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_compound_columns_to_be_unique</c>: no combination of the values of <c>column_list</c> occurs in two
/// considered rows. Every row of a repeated combination is unexpected, the first included; missing values are part
/// of a combination (two rows missing the same column can repeat), as in GX.
/// </summary>
/// <remarks>Memory grows with the number of distinct combinations, like <c>expect_column_values_to_be_unique</c>.</remarks>
public sealed class ExpectCompoundColumnsToBeUnique : MultiColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_compound_columns_to_be_unique";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectCompoundColumnsToBeUnique(c, k),
        static d => d.Sentence("combinations of values in {column_list} must be unique"));

    internal ExpectCompoundColumnsToBeUnique(ExpectationConfiguration configuration, KwargReader kwargs)
        : this(configuration, kwargs, ReadColumnList(kwargs))
    {
    }

    private ExpectCompoundColumnsToBeUnique(ExpectationConfiguration configuration, KwargReader kwargs, ColumnList columns)
        : base(configuration, kwargs, columns.Names, ReadIgnore(kwargs, pair: false))
    {
        UnexpectedKey = new CompoundDuplicateRowsKey(columns, Ignore);
        kwargs.RejectUnknown();
    }

    private protected override MultiColumnMetricKey UnexpectedKey { get; }
}
