using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_values_to_be_json_parseable</c>: every non-null value is one JSON document as Python's
/// <c>json.loads</c> reads it (any JSON value, <c>NaN</c>/<c>Infinity</c> allowed, no comments or trailing commas).
/// </summary>
/// <remarks>Values of a non-text column are never parseable, as in GX, where <c>json.loads</c> rejects numbers.</remarks>
public sealed class ExpectColumnValuesToBeJsonParseable : ColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_be_json_parseable";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValuesToBeJsonParseable(c, k),
        static d => d.Sentence("values in {column} must be parseable as JSON"));

    internal ExpectColumnValuesToBeJsonParseable(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs) => kwargs.RejectUnknown();

    private protected override MetricKey UnexpectedKey => new JsonParseKey(Column);
}
