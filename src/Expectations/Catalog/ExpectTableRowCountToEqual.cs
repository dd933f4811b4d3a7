using Apache.Arrow;
using Dq.Expectations.Execution;
using Dq.Expectations.Metrics;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary><c>expect_table_row_count_to_equal</c>: the table has exactly <c>value</c> rows.</summary>
public sealed class ExpectTableRowCountToEqual : Expectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_table_row_count_to_equal";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectTableRowCountToEqual(c, k),
        static d => d.Sentence("the table must have exactly {value} rows"));

    internal ExpectTableRowCountToEqual(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Value = kwargs.OptionalInteger("value") ?? throw kwargs.Error("value", "is missing", "give the expected row count");
        if (Value < 0)
        {
            throw kwargs.Error("value", $"is {Value}", "give a row count of zero or more");
        }
        kwargs.RejectUnknown();
    }

    /// <summary>The expected row count.</summary>
    public long Value { get; }

    internal override IEnumerable<MetricRequest> Requests(ResultFormat format) => [new(new RowCountKey())];

    internal override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format) =>
        Judged(metrics.RowCount == Value, format, () => new ResultDetails { HasObservedValue = true, ObservedValue = metrics.RowCount });
}
