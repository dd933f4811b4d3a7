using Dq.Expectations.Execution;
using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary><c>expect_column_min_to_be_between</c>: the smallest non-null value (a number, text or a date) lies within the bounds.</summary>
public sealed class ExpectColumnMinToBeBetween : ColumnAggregateExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_min_to_be_between";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnMinToBeBetween(c, k),
        static d => d.Sentence("the minimum of {column} must be {range}"));

    internal ExpectColumnMinToBeBetween(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs, anyBounds: true) => kwargs.RejectUnknown();

    private protected override string Describe => "minimum";

    private protected override IEnumerable<MetricKey> Keys => [new ColumnSummaryKey(Column)];

    private protected override object? Observe(MetricResults metrics) => metrics.Summary(Column).Min;
}
