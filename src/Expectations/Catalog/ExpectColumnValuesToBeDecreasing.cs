using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_values_to_be_decreasing</c>: each non-null value is at most (with <c>strictly</c>, below) the
/// previous non-null value in row order. The first value is never unexpected; nulls are skipped.
/// </summary>
/// <remarks>
/// Numbers, text (by code point), dates and timestamps; NaN is always unexpected. The result is the same whatever
/// the batch size or thread count.
/// </remarks>
public sealed class ExpectColumnValuesToBeDecreasing : ColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_be_decreasing";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValuesToBeDecreasing(c, k),
        static d => d.Flag("strictly") ? d.Sentence("values in {column} must be strictly decreasing") : d.Sentence("values in {column} must be decreasing"));

    internal ExpectColumnValuesToBeDecreasing(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Strictly = kwargs.Boolean("strictly", false);
        kwargs.RejectUnknown("parse_strings_as_datetimes");
    }

    /// <summary>Whether a value equal to the previous one is unexpected.</summary>
    public bool Strictly { get; }

    private protected override MetricKey UnexpectedKey => new OrderKey(Column, Decreasing: true, Strictly);
}
