using Dq.Expectations.Execution;
using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary><c>expect_column_stdev_to_be_between</c>: the sample standard deviation (n − 1) of the non-null values lies within the bounds.</summary>
public sealed class ExpectColumnStdevToBeBetween : ColumnAggregateExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_stdev_to_be_between";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnStdevToBeBetween(c, k),
        static d => d.Sentence("the standard deviation of {column} must be {range}"));

    internal ExpectColumnStdevToBeBetween(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs, anyBounds: false) => kwargs.RejectUnknown();

    private protected override string Describe => "standard deviation";

    private protected override IEnumerable<MetricKey> Keys => [new ColumnSummaryKey(Column)];

    private protected override object? Observe(MetricResults metrics) => NumericSummary(metrics) is { Count: > 1 } s ? s.SampleStandardDeviation : null;
}
