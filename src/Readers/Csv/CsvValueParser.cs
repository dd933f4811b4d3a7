using System.Globalization;
using System.Runtime.CompilerServices;

namespace Dq.Readers.Csv;

/// <summary>The type inferred for a CSV column so far. The order is the widening order of numbers: Int64 widens to Double.</summary>
internal enum InferredType
{
    /// <summary>No non-null value seen yet; a column that stays so is read as an all-null string column.</summary>
    Unknown,
    Int64,
    Double,
    Boolean,
    String,
}

/// <summary>
/// Classifies and parses CSV field values from their UTF-8 bytes, invariantly, without strings.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Int64: an optional sign and decimal digits that fit a 64-bit integer. No whitespace, no thousands separators.</item>
/// <item>Double: an optional sign, digits with an optional decimal point and exponent (<c>1.5</c>, <c>.5</c>, <c>1e-3</c>,
/// <c>-2.5E+10</c>), and the special values <c>NaN</c>, <c>Infinity</c>, <c>inf</c> with
/// an optional sign, in any ASCII case (NumPy and pandas write <c>inf</c>, .NET writes <c>Infinity</c>).</item>
/// <item>An integer too large for Int64 is text: as a double it would lose digits (and distinct ids would become
/// duplicates).</item>
/// <item>Boolean: <c>true</c> or <c>false</c> in any ASCII case; <c>0</c>/<c>1</c>, <c>yes</c>/<c>no</c> are not booleans.</item>
/// <item>A number with a leading zero before another digit (<c>007</c>, <c>-01.5</c>) is text: such columns hold codes
/// (zip codes, ids) whose zeros matter, so the whole column stays a string.</item>
/// </list>
/// Doubles with at most 15 significant digits and a small exponent take an exact fast path (Clinger's: the digits and
/// the power of ten are both exact doubles, so one IEEE multiplication or division rounds correctly); others go
/// through <see cref="double.TryParse(ReadOnlySpan{byte}, NumberStyles, IFormatProvider?, out double)"/>.
/// </remarks>
internal static class CsvValueParser
{
    private const NumberStyles FloatStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    private static ReadOnlySpan<double> PowersOf10 =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
        1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>The type of one non-empty value.</summary>
    public static InferredType Classify(ReadOnlySpan<byte> value)
    {
        if (TryParseBoolean(value, out _))
        {
            return InferredType.Boolean;
        }
        if (HasLeadingZero(value))
        {
            return InferredType.String;
        }
        if (TryParseInt64(value, out _))
        {
            return InferredType.Int64;
        }
        if (IsIntegerLiteral(value))
        {
            // Beyond int64: as a double, 9223372036854775808 and ...809 would be one value (false duplicates), so
            // the column stays text, exact, as pandas keeps such a column as objects.
            return InferredType.String;
        }
        return TryParseDouble(value, out _) ? InferredType.Double : InferredType.String;
    }

    /// <summary>An optional sign and decimal digits only.</summary>
    public static bool IsIntegerLiteral(ReadOnlySpan<byte> value)
    {
        ReadOnlySpan<byte> digits = value.Length > 0 && value[0] is (byte)'-' or (byte)'+' ? value[1..] : value;
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9');
    }

    /// <summary>The narrowest type that holds values of both types: Int64 and Double give Double; any other mix gives String.</summary>
    public static InferredType Widen(InferredType current, InferredType next)
    {
        if (current == next || next == InferredType.Unknown)
        {
            return current;
        }
        if (current == InferredType.Unknown)
        {
            return next;
        }
        bool bothNumbers = current is InferredType.Int64 or InferredType.Double && next is InferredType.Int64 or InferredType.Double;
        return bothNumbers ? InferredType.Double : InferredType.String;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryParseInt64(ReadOnlySpan<byte> value, out long result)
    {
        int i = 0;
        bool negative = false;
        if (value.Length > 0 && (value[0] == (byte)'-' || value[0] == (byte)'+'))
        {
            negative = value[0] == (byte)'-';
            i = 1;
        }
        int digits = value.Length - i;
        if (digits <= 0)
        {
            result = 0;
            return false;
        }
        if (digits > 18)
        {
            // 19 digits may overflow: leave the exact check to the runtime.
            return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out result);
        }
        ulong accumulator = 0;
        for (; i < value.Length; i++)
        {
            uint digit = (uint)(value[i] - '0');
            if (digit > 9)
            {
                result = 0;
                return false;
            }
            accumulator = accumulator * 10 + digit;
        }
        result = negative ? -(long)accumulator : (long)accumulator;
        return true;
    }

    public static bool TryParseDouble(ReadOnlySpan<byte> value, out double result)
    {
        if (TryParseSimpleDouble(value, out result))
        {
            return true;
        }
        if (double.TryParse(value, FloatStyle, CultureInfo.InvariantCulture, out result))
        {
            return true;
        }
        ReadOnlySpan<byte> unsigned = value.Length > 0 && (value[0] == (byte)'-' || value[0] == (byte)'+') ? value[1..] : value;
        if (System.Text.Ascii.EqualsIgnoreCase(unsigned, "inf"u8))
        {
            result = value[0] == (byte)'-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }
        return false;
    }

    public static bool TryParseBoolean(ReadOnlySpan<byte> value, out bool result)
    {
        if (value.Length == 4 && System.Text.Ascii.EqualsIgnoreCase(value, "true"u8))
        {
            result = true;
            return true;
        }
        result = false;
        return value.Length == 5 && System.Text.Ascii.EqualsIgnoreCase(value, "false"u8);
    }

    public static bool HasLeadingZero(ReadOnlySpan<byte> value)
    {
        ReadOnlySpan<byte> unsigned = value.Length > 0 && (value[0] == (byte)'-' || value[0] == (byte)'+') ? value[1..] : value;
        return unsigned.Length >= 2 && unsigned[0] == (byte)'0' && char.IsAsciiDigit((char)unsigned[1]);
    }

    /// <summary>
    /// <c>[sign] digits [. digits]</c> with at most 15 significant digits and at most 22 decimals: exact. Anything else
    /// (exponents, more digits, special values) returns <see langword="false"/> for the general parser.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryParseSimpleDouble(ReadOnlySpan<byte> value, out double result)
    {
        int i = 0;
        bool negative = false;
        if (value.Length > 0 && (value[0] == (byte)'-' || value[0] == (byte)'+'))
        {
            negative = value[0] == (byte)'-';
            i = 1;
        }
        ulong mantissa = 0;
        int digits = 0, decimals = -1;
        for (; i < value.Length; i++)
        {
            uint digit = (uint)(value[i] - '0');
            if (digit <= 9)
            {
                mantissa = mantissa * 10 + digit;
                digits++;
                decimals += decimals >= 0 ? 1 : 0;
            }
            else if (value[i] == (byte)'.' && decimals < 0)
            {
                decimals = 0;
            }
            else
            {
                result = 0;
                return false;
            }
        }
        if (digits is 0 or > 15 || decimals > 22)
        {
            result = 0;
            return false;
        }
        double magnitude = decimals > 0 ? mantissa / PowersOf10[decimals] : mantissa;
        result = negative ? -magnitude : magnitude;
        return true;
    }
}
