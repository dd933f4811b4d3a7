using System.Globalization;

namespace Dq.Expectations.Kernels.Profile;

/// <summary>What one text value looks like to Deequ's type inference.</summary>
internal enum DeequTextKind
{
    Integral,
    Fractional,
    Boolean,
    String,
}

/// <summary>
/// Deequ's value classes (<c>StatefulDataType</c>), matched by hand instead of by regex:
/// Integral <c>^(-|\+)? ?\d+$</c>, Fractional <c>^(-|\+)? ?\d+((\.\d+)|((?:\.\d+)?[Ee][-+]?\d+))$</c>, Boolean
/// <c>^(true|false)$</c> (case-sensitive); anything else is String. So <c>.5</c>, <c>1.</c>, <c>1,000</c>, <c>NaN</c>
/// and <c>inf</c> are String, and <c>- 5</c> (one space after the sign) is Integral.
/// </summary>
internal static class DeequTextType
{
    /// <summary>Classifies <paramref name="utf8"/> and, for Integral and Fractional, gives its value.</summary>
    public static DeequTextKind Classify(ReadOnlySpan<byte> utf8, out double value)
    {
        value = 0;
        if (utf8.SequenceEqual("true"u8) || utf8.SequenceEqual("false"u8))
        {
            return DeequTextKind.Boolean;
        }
        var i = 0;
        var negative = false;
        if (i < utf8.Length && (utf8[i] == (byte)'-' || utf8[i] == (byte)'+'))
        {
            negative = utf8[i] == (byte)'-';
            i++;
        }
        if (i < utf8.Length && utf8[i] == (byte)' ')
        {
            i++;
        }
        var digitsStart = i;
        while (i < utf8.Length && IsDigit(utf8[i]))
        {
            i++;
        }
        if (i == digitsStart)
        {
            return DeequTextKind.String;
        }
        if (i == utf8.Length)
        {
            value = Parse(utf8, digitsStart, negative);
            return DeequTextKind.Integral;
        }
        if (utf8[i] == (byte)'.')
        {
            var fractionStart = ++i;
            while (i < utf8.Length && IsDigit(utf8[i]))
            {
                i++;
            }
            if (i == fractionStart)
            {
                return DeequTextKind.String;
            }
            if (i == utf8.Length)
            {
                value = Parse(utf8, digitsStart, negative);
                return DeequTextKind.Fractional;
            }
        }
        if (utf8[i] is not ((byte)'e' or (byte)'E'))
        {
            return DeequTextKind.String;
        }
        i++;
        if (i < utf8.Length && (utf8[i] == (byte)'-' || utf8[i] == (byte)'+'))
        {
            i++;
        }
        var exponentStart = i;
        while (i < utf8.Length && IsDigit(utf8[i]))
        {
            i++;
        }
        if (i == exponentStart || i != utf8.Length)
        {
            return DeequTextKind.String;
        }
        value = Parse(utf8, digitsStart, negative);
        return DeequTextKind.Fractional;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    /// <summary>The number from its unsigned part (the sign and the optional space already skipped).</summary>
    private static double Parse(ReadOnlySpan<byte> utf8, int unsignedStart, bool negative)
    {
        var unsigned = utf8[unsignedStart..];
        var magnitude = unsigned.Length <= 15 && unsigned.IndexOfAnyExcept("0123456789"u8) < 0
            ? Digits(unsigned)
            : double.Parse(unsigned, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        return negative ? -magnitude : magnitude;
    }

    private static double Digits(ReadOnlySpan<byte> digits)
    {
        long accumulator = 0;
        foreach (var d in digits)
        {
            accumulator = (accumulator * 10) + (d - '0');
        }
        return accumulator;
    }
}
