using Dq.Expectations.Execution;
using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary><c>expect_column_unique_value_count_to_be_between</c>: the number of distinct non-null values lies within the bounds.</summary>
public sealed class ExpectColumnUniqueValueCountToBeBetween : ColumnAggregateExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_unique_value_count_to_be_between";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnUniqueValueCountToBeBetween(c, k),
        static d => d.Sentence("the number of distinct values in {column} must be {range}"));

    internal ExpectColumnUniqueValueCountToBeBetween(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs, anyBounds: false) => kwargs.RejectUnknown();

    private protected override string Describe => "number of distinct values";

    private protected override IEnumerable<MetricKey> Keys => [new ValueCountsKey(Column)];

    private protected override object? Observe(MetricResults metrics) => metrics.DistinctCount(Column).Distinct;
}
