using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary><c>expect_column_values_to_not_be_null</c>: every value (or <c>mostly</c> of them) is present.</summary>
/// <remarks>Unlike other map expectations, every row is considered: the denominator is the row count.</remarks>
public sealed class ExpectColumnValuesToNotBeNull : ColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_not_be_null";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValuesToNotBeNull(c, k),
        static d => d.Sentence("values in {column} must not be null"));

    internal ExpectColumnValuesToNotBeNull(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs) => kwargs.RejectUnknown();

    private protected override bool SkipsNulls => false;

    private protected override MetricKey UnexpectedKey => new NullRowsKey(Column);
}
