using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_multicolumn_sum_to_equal</c>: in each row, the values of <c>column_list</c> add up to exactly
/// <c>sum_total</c>. Missing values add nothing; floats add left to right and compare exactly, as in GX, so
/// <c>0.1 + 0.2</c> does not equal 0.3.
/// </summary>
public sealed class ExpectMulticolumnSumToEqual : MultiColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_multicolumn_sum_to_equal";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectMulticolumnSumToEqual(c, k),
        static d => d.Sentence("in each row, the sum of {column_list} must equal {sum_total}"));

    internal ExpectMulticolumnSumToEqual(ExpectationConfiguration configuration, KwargReader kwargs)
        : this(configuration, kwargs, ReadColumnList(kwargs))
    {
    }

    private ExpectMulticolumnSumToEqual(ExpectationConfiguration configuration, KwargReader kwargs, ColumnList columns)
        : base(configuration, kwargs, columns.Names, ReadIgnore(kwargs, pair: false))
    {
        SumTotal = kwargs.OptionalNumber("sum_total") switch
        {
            null => throw kwargs.Error("sum_total", "is missing", "give the total each row must add up to, such as 100"),
            long l => l,
            var d => (double)d,
        };
        UnexpectedKey = new RecordSumNotEqualKey(columns, Ignore, SumTotal);
        kwargs.RejectUnknown();
    }

    /// <summary>The total every row must add up to.</summary>
    public double SumTotal { get; }

    private protected override MultiColumnMetricKey UnexpectedKey { get; }
}
