using Apache.Arrow;
using Dq.Expectations.Execution;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_table_column_count_to_equal</c>: the data has exactly <c>value</c> columns. Judged from the schema
/// alone, without a scan; <c>observed_value</c> is the column count.
/// </summary>
public sealed class ExpectTableColumnCountToEqual : Expectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_table_column_count_to_equal";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectTableColumnCountToEqual(c, k),
        static d => d.Sentence("the table must have exactly {value} columns"));

    internal ExpectTableColumnCountToEqual(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Value = kwargs.OptionalInteger("value") ?? throw kwargs.Error("value", "is missing", "give the expected number of columns, such as 4");
        kwargs.RejectUnknown();
    }

    /// <summary>The expected number of columns.</summary>
    public long Value { get; }

    internal override IEnumerable<MetricRequest> Requests(ResultFormat format) => [];

    internal override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format)
    {
        var count = schema.FieldsList.Count;
        return Judged(count == Value, format, () => new ResultDetails { HasObservedValue = true, ObservedValue = (long)count });
    }
}
