using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary><c>expect_column_distinct_values_to_contain_set</c>: every value of <c>value_set</c> occurs in the column.</summary>
public sealed class ExpectColumnDistinctValuesToContainSet : DistinctValuesExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_distinct_values_to_contain_set";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnDistinctValuesToContainSet(c, k),
        static d => d.Sentence("distinct values in {column} must include every value of {value_set}"));

    internal ExpectColumnDistinctValuesToContainSet(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs, allowNullSet: false) { }

    private protected override bool Holds(IReadOnlySet<object> observed, ValueSet? expected) => expected!.Members.All(observed.Contains);
}
