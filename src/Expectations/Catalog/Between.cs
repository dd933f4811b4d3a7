using System.Globalization;
using Dq.Expectations.Metrics;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>GX's between rules, shared by every expectation with <c>min_value</c>/<c>max_value</c>.</summary>
internal static class Between
{
    /// <summary>Reads min_value, max_value, strict_min and strict_max, rejecting min &gt; max.</summary>
    /// <param name="kwargs">The kwargs.</param>
    /// <param name="requireOne">Whether at least one bound is required (GX 1.x for value checks).</param>
    public static RangeBounds ReadBounds(KwargReader kwargs, bool requireOne)
    {
        var min = kwargs.Bound("min_value");
        var max = kwargs.Bound("max_value");
        var bounds = new RangeBounds(min, max, kwargs.Boolean("strict_min", false), kwargs.Boolean("strict_max", false));
        if (requireOne && min is null && max is null)
        {
            throw kwargs.Error("min_value", "and `max_value` are both null", "give at least one bound");
        }
        if (min is not null && max is not null && Compare(min, max) is > 0)
        {
            throw kwargs.Error("min_value", $"({ValueText.Format(min)}) is greater than `max_value` ({ValueText.Format(max)})", "swap the bounds");
        }
        return bounds;
    }

    /// <summary>Reads integer bounds, as table counts need.</summary>
    public static (long? Min, long? Max, bool StrictMin, bool StrictMax) ReadCountBounds(KwargReader kwargs)
    {
        var min = kwargs.OptionalInteger("min_value");
        var max = kwargs.OptionalInteger("max_value");
        if (min is not null && max is not null && min > max)
        {
            throw kwargs.Error("min_value", $"({min}) is greater than `max_value` ({max})", "swap the bounds");
        }
        return (min, max, kwargs.Boolean("strict_min", false), kwargs.Boolean("strict_max", false));
    }

    public static bool IsWithin(double value, double? min, double? max, bool strictMin, bool strictMax) =>
        !(min is { } lo && (strictMin ? value <= lo : value < lo)) && !(max is { } hi && (strictMax ? value >= hi : value > hi));

    /// <summary>The order of two bounds of the same kind; null when their kinds differ (checked later, against the column).</summary>
    private static int? Compare(object a, object b) => (a, b) switch
    {
        (string x, string y) => Columns.TextOrder.Compare(x, y),
        (long or double, long or double) => Convert.ToDouble(a, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(b, CultureInfo.InvariantCulture)),
        _ when a is DateTime or DateOnly or DateTimeOffset || b is DateTime or DateOnly or DateTimeOffset =>
            Kernels.Range.RangeKernels.TryTicks(a) is { } x && Kernels.Range.RangeKernels.TryTicks(b) is { } y ? x.CompareTo(y) : null,
        _ => null,
    };

}
