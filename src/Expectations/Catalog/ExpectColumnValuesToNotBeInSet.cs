using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_values_to_not_be_in_set</c>: no non-null value is one of <c>value_set</c>, compared by value.
/// A null or empty set checks nothing.
/// </summary>
public sealed class ExpectColumnValuesToNotBeInSet : ColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_not_be_in_set";

    internal ExpectColumnValuesToNotBeInSet(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Values = SetArgument.Read(kwargs);
        kwargs.RejectUnknown("row_condition", "condition_parser", "parse_strings_as_datetimes");
    }

    internal ValueSet? Values { get; }

    private protected override MetricKey? UnexpectedKey => Values is null ? null : new SetMembershipKey(Column, Values, MustBeInSet: false);
}
