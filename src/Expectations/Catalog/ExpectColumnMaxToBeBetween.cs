using Dq.Expectations.Execution;
using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary><c>expect_column_max_to_be_between</c>: the largest non-null value (a number, text or a date) lies within the bounds.</summary>
public sealed class ExpectColumnMaxToBeBetween : ColumnAggregateExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_max_to_be_between";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnMaxToBeBetween(c, k),
        static d => d.Sentence("the maximum of {column} must be {range}"));

    internal ExpectColumnMaxToBeBetween(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs, anyBounds: true) => kwargs.RejectUnknown();

    private protected override string Describe => "maximum";

    private protected override IEnumerable<MetricKey> Keys => [new ColumnSummaryKey(Column)];

    private protected override object? Observe(MetricResults metrics) => metrics.Summary(Column).Max;
}
