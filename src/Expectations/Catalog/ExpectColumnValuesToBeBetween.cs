using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_values_to_be_between</c>: every non-null value lies within [min_value, max_value].
/// </summary>
/// <remarks>
/// Bounds are inclusive unless <c>strict_min</c>/<c>strict_max</c>; a null bound is unbounded, but not both.
/// Numbers compare with numeric bounds (NaN is always outside), text with text bounds by code point, dates and
/// timestamps with ISO 8601 bounds. A bound of another kind than the column is reported as an error result.
/// </remarks>
public sealed class ExpectColumnValuesToBeBetween : ColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_values_to_be_between";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValuesToBeBetween(c, k),
        static d => d.Sentence("values in {column} must be {range}"));

    internal ExpectColumnValuesToBeBetween(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Bounds = Between.ReadBounds(kwargs, requireOne: true);
        kwargs.RejectUnknown("parse_strings_as_datetimes", "output_strftime_format");
    }

    /// <summary>The bounds, as given.</summary>
    internal RangeBounds Bounds { get; }

    private protected override MetricKey UnexpectedKey => new OutOfRangeKey(Column, Bounds);
}
