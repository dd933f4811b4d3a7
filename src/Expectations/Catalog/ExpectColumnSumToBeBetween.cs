using Dq.Expectations.Execution;
using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary><c>expect_column_sum_to_be_between</c>: the sum of the non-null values lies within the bounds (exact for integer columns).</summary>
public sealed class ExpectColumnSumToBeBetween : ColumnAggregateExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_sum_to_be_between";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnSumToBeBetween(c, k),
        static d => d.Sentence("the sum of {column} must be {range}"));

    internal ExpectColumnSumToBeBetween(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs, anyBounds: false) => kwargs.RejectUnknown();

    private protected override string Describe => "sum";

    private protected override IEnumerable<MetricKey> Keys => [new ColumnSummaryKey(Column)];

    private protected override object? Observe(MetricResults metrics) => NumericSummary(metrics) is { Count: > 0 } s ? (s.IsInteger ? ExactInteger(s.IntegerSum) : s.Sum) : null;

    /// <summary>An integer sum as the narrowest exact .NET number: long, then decimal (28 digits), then double.</summary>
    private static object ExactInteger(Int128 sum) =>
        sum >= long.MinValue && sum <= long.MaxValue ? (long)sum
        : sum >= (Int128)decimal.MinValue && sum <= (Int128)decimal.MaxValue ? (decimal)sum
        : (double)sum;
}
