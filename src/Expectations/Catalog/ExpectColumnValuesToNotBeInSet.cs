using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_values_to_not_be_in_set</c>: no non-null value is one of <c>value_set</c>, compared by value.
/// An empty set checks nothing; a null set is a configuration error (GX raises a TypeError).
/// </summary>
public sealed class ExpectColumnValuesToNotBeInSet : ColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_not_be_in_set";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValuesToNotBeInSet(c, k),
        static d => d.Sentence("values in {column} must not belong to the set {value_set}"));

    internal ExpectColumnValuesToNotBeInSet(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Values = SetArgument.Read(kwargs)
            ?? throw kwargs.Error("value_set", "is null", "give the forbidden values as a list, such as [\"void\"]");
        kwargs.RejectUnknown("parse_strings_as_datetimes");
    }

    internal ValueSet Values { get; }

    private protected override MetricKey UnexpectedKey => new SetMembershipKey(Column, Values, MustBeInSet: false);
}
