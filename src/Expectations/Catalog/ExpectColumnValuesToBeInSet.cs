using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_values_to_be_in_set</c>: every non-null value is one of <c>value_set</c>, compared by value
/// (1 equals 1.0; "1" does not equal 1). An empty set makes every value unexpected; a null set checks nothing.
/// </summary>
public sealed class ExpectColumnValuesToBeInSet : ColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_be_in_set";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValuesToBeInSet(c, k),
        static d => d.Sentence("values in {column} must belong to the set {value_set}"));

    internal ExpectColumnValuesToBeInSet(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Values = SetArgument.Read(kwargs);
        kwargs.RejectUnknown("parse_strings_as_datetimes");
    }

    internal ValueSet? Values { get; }

    private protected override MetricKey? UnexpectedKey => Values is null ? null : new SetMembershipKey(Column, Values, MustBeInSet: true);
}
