using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_select_column_values_to_be_unique_within_record</c>: in each row, the values of <c>column_list</c> are
/// all different (by value, so 1 and 1.0 repeat; two missing values also count as a repeat, as in GX).
/// </summary>
public sealed class ExpectSelectColumnValuesToBeUniqueWithinRecord : MultiColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_select_column_values_to_be_unique_within_record";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectSelectColumnValuesToBeUniqueWithinRecord(c, k),
        static d => d.Sentence("values in {column_list} must be unique within each row"));

    internal ExpectSelectColumnValuesToBeUniqueWithinRecord(ExpectationConfiguration configuration, KwargReader kwargs)
        : this(configuration, kwargs, ReadColumnList(kwargs))
    {
    }

    private ExpectSelectColumnValuesToBeUniqueWithinRecord(ExpectationConfiguration configuration, KwargReader kwargs, ColumnList columns)
        : base(configuration, kwargs, columns.Names, ReadIgnore(kwargs, pair: false))
    {
        UnexpectedKey = new RecordRepeatsValueKey(columns, Ignore);
        kwargs.RejectUnknown();
    }

    private protected override MultiColumnMetricKey UnexpectedKey { get; }
}
