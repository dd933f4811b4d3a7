using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary><c>expect_column_values_to_be_null</c>: every value (or <c>mostly</c> of them) is null.</summary>
/// <remarks>Every row is considered: the denominator is the row count, and non-null values are the unexpected ones.</remarks>
public sealed class ExpectColumnValuesToBeNull : ColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_be_null";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValuesToBeNull(c, k),
        static d => d.Sentence("values in {column} must be null"));

    internal ExpectColumnValuesToBeNull(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs) => kwargs.RejectUnknown();

    private protected override bool SkipsNulls => false;

    private protected override MetricKey UnexpectedKey => new NonNullRowsKey(Column);
}
