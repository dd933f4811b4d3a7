using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_values_to_be_dateutil_parseable</c>: every non-null text value reads as a date or time under
/// dateutil's <c>parser.parse</c> rules (month first; the accepted forms are listed in docs/expectations.md).
/// </summary>
/// <remarks>A non-text column is an error result, as GX raises on non-string values.</remarks>
public sealed class ExpectColumnValuesToBeDateutilParseable : ColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_be_dateutil_parseable";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValuesToBeDateutilParseable(c, k),
        static d => d.Sentence("values in {column} must be parseable as dates"));

    internal ExpectColumnValuesToBeDateutilParseable(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs) => kwargs.RejectUnknown();

    private protected override MetricKey UnexpectedKey => new DateutilParseKey(Column);
}
