using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary><c>expect_column_distinct_values_to_be_in_set</c>: every distinct value is in <c>value_set</c> (null: any).</summary>
public sealed class ExpectColumnDistinctValuesToBeInSet : DistinctValuesExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_distinct_values_to_be_in_set";

    internal ExpectColumnDistinctValuesToBeInSet(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs, allowNullSet: true) { }

    private protected override bool Holds(IReadOnlySet<object> observed, ValueSet? expected) =>
        expected is null || observed.All(expected.Members.Contains);
}
