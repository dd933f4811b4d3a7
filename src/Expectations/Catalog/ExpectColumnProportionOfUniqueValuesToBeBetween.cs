using Dq.Expectations.Execution;
using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary><c>expect_column_proportion_of_unique_values_to_be_between</c>: distinct non-null values as a fraction of non-null values lie within the bounds (a column of only nulls measures nothing).</summary>
public sealed class ExpectColumnProportionOfUniqueValuesToBeBetween : ColumnAggregateExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_proportion_of_unique_values_to_be_between";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnProportionOfUniqueValuesToBeBetween(c, k),
        static d => d.Sentence("the proportion of unique values in {column} must be {range}"));

    internal ExpectColumnProportionOfUniqueValuesToBeBetween(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs, anyBounds: false) => kwargs.RejectUnknown();

    private protected override string Describe => "proportion of distinct values";

    private protected override IEnumerable<MetricKey> Keys => [new ValueCountsKey(Column)];

    private protected override object? Observe(MetricResults metrics)
    {
        var (distinct, values) = metrics.DistinctCount(Column);
        return values == 0 ? null : (double)distinct / values;
    }
}
