namespace Dq.Expectations.Kernels.Range;

/// <summary>
/// Turns a bound into the inclusive bound of the same meaning in a float column's own precision, so that the
/// scan compares values without widening them.
/// </summary>
internal static class RealBound
{
    public static double LowerDouble(double bound, bool strict) => strict ? Math.BitIncrement(bound) : bound;

    public static double UpperDouble(double bound, bool strict) => strict ? Math.BitDecrement(bound) : bound;

    /// <summary>The smallest float that is ≥ (or &gt; when strict) <paramref name="bound"/>.</summary>
    public static float LowerSingle(double bound, bool strict)
    {
        var f = (float)bound;
        return (strict ? f <= bound : f < bound) ? MathF.BitIncrement(f) : f;
    }

    /// <summary>The largest float that is ≤ (or &lt; when strict) <paramref name="bound"/>.</summary>
    public static float UpperSingle(double bound, bool strict)
    {
        var f = (float)bound;
        return (strict ? f >= bound : f > bound) ? MathF.BitDecrement(f) : f;
    }
}
