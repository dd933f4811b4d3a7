using Dq.Expectations.Execution;
using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary><c>expect_column_median_to_be_between</c>: the median of the non-null values (the mean of the two middle values for an even count) lies within the bounds.</summary>
public sealed class ExpectColumnMedianToBeBetween : ColumnAggregateExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_median_to_be_between";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnMedianToBeBetween(c, k),
        static d => d.Sentence("the median of {column} must be {range}"));

    internal ExpectColumnMedianToBeBetween(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs, anyBounds: false) => kwargs.RejectUnknown();

    private protected override string Describe => "median";

    private protected override IEnumerable<MetricKey> Keys => [new ValueCountsKey(Column)];

    private protected override object? Observe(MetricResults metrics) => Quantiles.Median(Column, metrics.ValueCounts(Column));
}
