using System.Numerics;

namespace Dq.Expectations.Kernels.Range;

/// <summary>
/// Turns a bound into the smallest (lower) or largest (upper) integer that satisfies it, exactly, for integer
/// columns and for dates and timestamps stored as integers in their unit.
/// </summary>
internal static class IntegerBound
{
    /// <summary>The rational bound <paramref name="numerator"/> / <paramref name="denominator"/> (denominator &gt; 0).</summary>
    public static Int128 Lower(Int128 numerator, Int128 denominator, bool strict) =>
        strict ? FloorDivide(numerator, denominator) + 1 : CeilingDivide(numerator, denominator);

    public static Int128 Upper(Int128 numerator, Int128 denominator, bool strict) =>
        strict ? CeilingDivide(numerator, denominator) - 1 : FloorDivide(numerator, denominator);

    /// <summary>A real bound; infinities are handled by the caller.</summary>
    public static Int128 Lower(double bound, bool strict) =>
        strict ? Saturate(Math.Floor(bound)) + 1 : Saturate(Math.Ceiling(bound));

    public static Int128 Upper(double bound, bool strict) =>
        strict ? Saturate(Math.Ceiling(bound)) - 1 : Saturate(Math.Floor(bound));

    /// <summary>Clamps <paramref name="lo"/>..<paramref name="hi"/> into T; null when no T lies in the range.</summary>
    public static (T Lo, T Hi)? Fit<T>(Int128 lo, Int128 hi)
        where T : IBinaryInteger<T>, IMinMaxValue<T>
    {
        var min = Int128.CreateChecked(T.MinValue);
        var max = Int128.CreateChecked(T.MaxValue);
        lo = Int128.Max(lo, min);
        hi = Int128.Min(hi, max);
        return lo > hi ? null : (T.CreateChecked(lo), T.CreateChecked(hi));
    }

    private static Int128 Saturate(double integral) =>
        integral >= 1e37 ? (Int128)1e37 : integral <= -1e37 ? (Int128)(-1e37) : (Int128)integral;

    private static Int128 FloorDivide(Int128 n, Int128 d)
    {
        var q = Int128.DivRem(n, d);
        return q.Remainder != 0 && (q.Remainder < 0) != (d < 0) ? q.Quotient - 1 : q.Quotient;
    }

    private static Int128 CeilingDivide(Int128 n, Int128 d)
    {
        var q = Int128.DivRem(n, d);
        return q.Remainder != 0 && (q.Remainder < 0) == (d < 0) ? q.Quotient + 1 : q.Quotient;
    }
}
