using Dq.Expectations.Execution;
using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary><c>expect_column_mean_to_be_between</c>: the mean of the non-null values (booleans count as 0 and 1) lies within the bounds.</summary>
public sealed class ExpectColumnMeanToBeBetween : ColumnAggregateExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_mean_to_be_between";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnMeanToBeBetween(c, k),
        static d => d.Sentence("the mean of {column} must be {range}"));

    internal ExpectColumnMeanToBeBetween(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs, anyBounds: false) => kwargs.RejectUnknown();

    private protected override string Describe => "mean";

    private protected override IEnumerable<MetricKey> Keys => [new ColumnSummaryKey(Column)];

    private protected override object? Observe(MetricResults metrics) => NumericSummary(metrics) is { Count: > 0 } s ? s.Mean : null;
}
