using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_value_lengths_to_equal</c>: every non-null text value is <c>value</c> code points long (Python
/// <c>len</c>, so "😀" has length 1). A non-text column is an error result.
/// </summary>
public sealed class ExpectColumnValueLengthsToEqual : ColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_value_lengths_to_equal";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValueLengthsToEqual(c, k),
        static d => d.Sentence("lengths of values in {column} must equal {value}"));

    internal ExpectColumnValueLengthsToEqual(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Value = kwargs.OptionalInteger("value") ?? throw kwargs.Error("value", "is missing", "give the length as a whole number");
        kwargs.RejectUnknown();
    }

    /// <summary>The length every value must have.</summary>
    public long Value { get; }

    private protected override MetricKey UnexpectedKey => new TextLengthKey(Column, Value, Value, false, false);
}
