using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary><c>expect_column_distinct_values_to_be_in_set</c>: every distinct value is in <c>value_set</c> (null: any).</summary>
public sealed class ExpectColumnDistinctValuesToBeInSet : DistinctValuesExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_distinct_values_to_be_in_set";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnDistinctValuesToBeInSet(c, k),
        static d => d.Sentence("distinct values in {column} must belong to the set {value_set}"));

    internal ExpectColumnDistinctValuesToBeInSet(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs, allowNullSet: true) { }

    private protected override bool Holds(IReadOnlySet<object> observed, ValueSet? expected) =>
        expected is null || observed.All(expected.Members.Contains);
}
