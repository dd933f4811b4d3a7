using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_value_lengths_to_be_between</c>: the length of every non-null text value, in code points
/// (Python <c>len</c>), lies within [min_value, max_value].
/// </summary>
/// <remarks>
/// Bounds are whole numbers, inclusive unless <c>strict_min</c>/<c>strict_max</c>; a null bound is open, both null is
/// an error. <c>min_value &gt; max_value</c> makes every value unexpected (GX). A non-text column is an error result.
/// </remarks>
public sealed class ExpectColumnValueLengthsToBeBetween : ColumnMapExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_value_lengths_to_be_between";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnValueLengthsToBeBetween(c, k),
        static d => d.Sentence("lengths of values in {column} must be {range}"));

    internal ExpectColumnValueLengthsToBeBetween(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        MinValue = kwargs.OptionalInteger("min_value");
        MaxValue = kwargs.OptionalInteger("max_value");
        if (MinValue is null && MaxValue is null)
        {
            throw kwargs.Error("min_value", "and `max_value` are both null", "give at least one bound (GX: min_value and max_value cannot both be None)");
        }
        StrictMin = kwargs.Boolean("strict_min", false);
        StrictMax = kwargs.Boolean("strict_max", false);
        kwargs.RejectUnknown();
    }

    /// <summary>The smallest allowed length; null for none.</summary>
    public long? MinValue { get; }

    /// <summary>The largest allowed length; null for none.</summary>
    public long? MaxValue { get; }

    /// <summary>Whether a length equal to <see cref="MinValue"/> is unexpected.</summary>
    public bool StrictMin { get; }

    /// <summary>Whether a length equal to <see cref="MaxValue"/> is unexpected.</summary>
    public bool StrictMax { get; }

    private protected override MetricKey UnexpectedKey => new TextLengthKey(Column, MinValue, MaxValue, StrictMin, StrictMax);
}
