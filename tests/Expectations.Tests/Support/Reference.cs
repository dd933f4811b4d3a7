using System.Globalization;
using System.Numerics;
using System.Text;

namespace Dq.Expectations.Tests.Support;

/// <summary>
/// Naive, exact comparisons the tests judge the engine against: numbers compare by mathematical value as Python
/// compares int and float (no rounding to double), text by code point.
/// </summary>
internal static class Reference
{
    /// <summary>Compares two finite or infinite numbers (long, ulong, int, double, float) exactly; NaN is not allowed.</summary>
    public static int CompareNumbers(object a, object b)
    {
        var (x, y) = (AsExtended(a), AsExtended(b));
        if (x.Infinity != y.Infinity)
        {
            return x.Infinity.CompareTo(y.Infinity);
        }
        if (x.Infinity != 0)
        {
            return 0;
        }
        var floors = x.Floor.CompareTo(y.Floor);
        return floors != 0 ? floors : x.Fraction.CompareTo(y.Fraction);
    }

    /// <summary>GX's between on numbers: NaN is never within; a null bound is open.</summary>
    public static bool WithinNumbers(object value, object? min, object? max, bool strictMin, bool strictMax)
    {
        if (value is double.NaN or float.NaN)
        {
            return false;
        }
        var aboveMin = min is null || (strictMin ? CompareNumbers(value, min) > 0 : CompareNumbers(value, min) >= 0);
        var belowMax = max is null || (strictMax ? CompareNumbers(value, max) < 0 : CompareNumbers(value, max) <= 0);
        return aboveMin && belowMax;
    }

    /// <summary>Compares text by Unicode code point (Python's str order).</summary>
    public static int CompareCodePoints(string a, string b)
    {
        var x = a.EnumerateRunes().Select(r => r.Value).ToList();
        var y = b.EnumerateRunes().Select(r => r.Value).ToList();
        for (var i = 0; i < Math.Min(x.Count, y.Count); i++)
        {
            if (x[i] != y[i])
            {
                return x[i].CompareTo(y[i]);
            }
        }
        return x.Count.CompareTo(y.Count);
    }

    public static bool WithinText(string value, string? min, string? max, bool strictMin, bool strictMax) =>
        (min is null || (strictMin ? CompareCodePoints(value, min) > 0 : CompareCodePoints(value, min) >= 0))
        && (max is null || (strictMax ? CompareCodePoints(value, max) < 0 : CompareCodePoints(value, max) <= 0));

    /// <summary>An ISO 8601 bound as an instant; a bound without a zone is UTC.</summary>
    public static DateTimeOffset Instant(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static string RandomText(Random random)
    {
        string[] pieces = ["a", "b", "B", "z", "é", "ß", "\u00ff", "\uffff", "\U0001F600", "0", " ", "ab"];
        var builder = new StringBuilder();
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            builder.Append(pieces[random.Next(pieces.Length)]);
        }
        return builder.ToString();
    }

    /// <summary>The indexes (as row indexes) of the rows for which <paramref name="unexpected"/> holds.</summary>
    public static long[] Rows<T>(IReadOnlyList<T> values, Func<T, bool> unexpected) =>
        [.. values.Select((v, i) => (v, i)).Where(p => unexpected(p.v)).Select(p => (long)p.i)];

    private static (int Infinity, BigInteger Floor, double Fraction) AsExtended(object number) => number switch
    {
        long l => (0, l, 0),
        ulong u => (0, u, 0),
        int i => (0, i, 0),
        float f => AsExtended((double)f),
        double d when double.IsNaN(d) => throw new ArgumentException("NaN has no order."),
        double d when double.IsInfinity(d) => (Math.Sign(d), 0, 0),
        double d => (0, new BigInteger(Math.Floor(d)), d - Math.Floor(d)),
        _ => throw new ArgumentException($"Not a number: {number}"),
    };
}
