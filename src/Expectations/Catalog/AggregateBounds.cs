using System.Globalization;
using Dq.Expectations.Columns;
using Dq.Expectations.Kernels.Range;
using Dq.Expectations.Metrics;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// GX's between rule for a measured value (a mean, a maximum, a count): inclusive unless strict, a null bound is
/// open, and no bounds at all pass (GX's "vacuously true").
/// </summary>
internal static class AggregateBounds
{
    /// <summary>Numeric bounds (min_value, max_value, strict_min, strict_max), min ≤ max.</summary>
    public static RangeBounds ReadNumbers(KwargReader kwargs)
    {
        var min = kwargs.OptionalNumber("min_value");
        var max = kwargs.OptionalNumber("max_value");
        if (min is not null && max is not null && Convert.ToDouble(min, CultureInfo.InvariantCulture) > Convert.ToDouble(max, CultureInfo.InvariantCulture))
        {
            throw kwargs.Error("min_value", $"({ValueText.Format(min)}) is greater than `max_value` ({ValueText.Format(max)})", "swap the bounds");
        }
        return new RangeBounds(min, max, kwargs.Boolean("strict_min", false), kwargs.Boolean("strict_max", false));
    }

    /// <summary>Bounds that may also be text or dates, for extremes of any orderable column.</summary>
    public static RangeBounds ReadAny(KwargReader kwargs) => Between.ReadBounds(kwargs, requireOne: false);

    /// <summary>Whether <paramref name="observed"/> lies within the bounds; null when a bound cannot be compared with it.</summary>
    public static bool? Contains(RangeBounds bounds, object observed)
    {
        var lower = bounds.Min is null ? 1 : Compare(observed, bounds.Min);
        var upper = bounds.Max is null ? -1 : Compare(observed, bounds.Max);
        if (lower is null || upper is null)
        {
            return null;
        }
        return (bounds.StrictMin ? lower > 0 : lower >= 0) && (bounds.StrictMax ? upper < 0 : upper <= 0);
    }

    /// <summary>The order of a measured value and a bound: numbers by value, text by code point, dates as instants.</summary>
    private static int? Compare(object observed, object bound)
    {
        if (IsNumber(observed) && IsNumber(bound))
        {
            return Convert.ToDouble(observed, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(bound, CultureInfo.InvariantCulture));
        }
        if (observed is DateTime or DateOnly or DateTimeOffset && RangeKernels.TryTicks(bound) is { } boundTicks && RangeKernels.TryTicks(observed) is { } ticks)
        {
            return ticks.CompareTo(boundTicks);
        }
        return observed is string s && bound is string t ? Math.Sign(TextOrder.Compare(s, t)) : null;
    }

    private static bool IsNumber(object value) => value is long or ulong or double or decimal or int or bool;

}
