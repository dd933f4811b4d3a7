namespace Dq.Expectations.Kernels.Range;

/// <summary>
/// Turns a bound into the inclusive bound of the same meaning in a float column's own precision, so that the
/// scan compares values without widening them. For double columns, integer bounds are compared exactly, as Python
/// compares an int with a float: 2⁵³ + 1 is above the double 2⁵³ even though it converts to it.
/// </summary>
internal static class RealBound
{
    public static double Lower(object bound, bool strict) => bound switch
    {
        long l => LowerOfInteger(l, (double)l, strict, Math.BitIncrement),
        _ => strict ? Math.BitIncrement((double)bound) : (double)bound,
    };

    public static double Upper(object bound, bool strict) => bound switch
    {
        long l => UpperOfInteger(l, (double)l, strict, Math.BitDecrement),
        _ => strict ? Math.BitDecrement((double)bound) : (double)bound,
    };

    /// <summary>
    /// A bound for a float32 column. As numpy does when pandas compares a float32 column with a Python number, the
    /// bound is first rounded to float32 (so <c>max_value: 0.1</c> admits <c>0.1f</c>, which lies just above 0.1).
    /// </summary>
    public static float LowerSingle(object bound, bool strict)
    {
        var f = bound is long l ? (float)l : (float)(double)bound;
        return strict ? MathF.BitIncrement(f) : f;
    }

    /// <summary>The upper counterpart of <see cref="LowerSingle"/>.</summary>
    public static float UpperSingle(object bound, bool strict)
    {
        var f = bound is long l ? (float)l : (float)(double)bound;
        return strict ? MathF.BitDecrement(f) : f;
    }

    // The nearest float of an integer is itself an integer (all floats at or above 2²⁴ are), so Int128 compares exactly.
    private static T LowerOfInteger<T>(long bound, T nearest, bool strict, Func<T, T> next)
        where T : System.Numerics.IFloatingPoint<T>
    {
        var c = Int128.CreateChecked(nearest).CompareTo((Int128)bound);
        return (strict ? c <= 0 : c < 0) ? next(nearest) : nearest;
    }

    private static T UpperOfInteger<T>(long bound, T nearest, bool strict, Func<T, T> previous)
        where T : System.Numerics.IFloatingPoint<T>
    {
        var c = Int128.CreateChecked(nearest).CompareTo((Int128)bound);
        return (strict ? c >= 0 : c > 0) ? previous(nearest) : nearest;
    }
}
