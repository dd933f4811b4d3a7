using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary><c>expect_column_distinct_values_to_equal_set</c>: the distinct values are exactly <c>value_set</c>.</summary>
public sealed class ExpectColumnDistinctValuesToEqualSet : DistinctValuesExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_distinct_values_to_equal_set";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnDistinctValuesToEqualSet(c, k),
        static d => d.Sentence("distinct values in {column} must be exactly {value_set}"));

    internal ExpectColumnDistinctValuesToEqualSet(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs, allowNullSet: false) { }

    private protected override bool Holds(IReadOnlySet<object> observed, ValueSet? expected) => observed.SetEquals(expected!.Members);
}
