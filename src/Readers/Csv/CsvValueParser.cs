using System.Globalization;

namespace Dq.Readers.Csv;

/// <summary>
/// Classifies and parses CSV field values from their UTF-8 bytes, invariantly.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Int64: an optional sign and decimal digits that fit a 64-bit integer. No whitespace, no thousands separators.</item>
/// <item>Double: an optional sign, digits with an optional decimal point and exponent (<c>1.5</c>, <c>.5</c>, <c>1e-3</c>,
/// <c>-2.5E+10</c>), integers too large for Int64, and the special values <c>NaN</c>, <c>Infinity</c>, <c>inf</c> with
/// an optional sign, in any ASCII case (NumPy and pandas write <c>inf</c>, .NET writes <c>Infinity</c>).</item>
/// <item>Boolean: <c>true</c> or <c>false</c> in any ASCII case; <c>0</c>/<c>1</c>, <c>yes</c>/<c>no</c> are not booleans.</item>
/// <item>A number with a leading zero before another digit (<c>007</c>, <c>-01.5</c>) is text: such columns hold codes
/// (zip codes, ids) whose zeros matter, so the whole column stays a string.</item>
/// </list>
/// </remarks>
internal static class CsvValueParser
{
    private const NumberStyles IntegerStyle = NumberStyles.AllowLeadingSign;
    private const NumberStyles FloatStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>The type of one non-empty value.</summary>
    public static CsvColumnType Classify(ReadOnlySpan<byte> value)
    {
        if (TryParseBoolean(value, out _))
        {
            return CsvColumnType.Boolean;
        }
        if (HasLeadingZero(value))
        {
            return CsvColumnType.String;
        }
        if (TryParseInt64(value, out _))
        {
            return CsvColumnType.Int64;
        }
        return TryParseDouble(value, out _) ? CsvColumnType.Double : CsvColumnType.String;
    }

    /// <summary>The narrowest type that holds values of both types: Int64 and Double give Double; any other mix gives String.</summary>
    public static CsvColumnType Widen(CsvColumnType current, CsvColumnType next)
    {
        if (current == next || next == CsvColumnType.Unknown)
        {
            return current;
        }
        if (current == CsvColumnType.Unknown)
        {
            return next;
        }
        bool bothNumbers = current is CsvColumnType.Int64 or CsvColumnType.Double && next is CsvColumnType.Int64 or CsvColumnType.Double;
        return bothNumbers ? CsvColumnType.Double : CsvColumnType.String;
    }

    public static bool TryParseInt64(ReadOnlySpan<byte> value, out long result) =>
        long.TryParse(value, IntegerStyle, CultureInfo.InvariantCulture, out result);

    public static bool TryParseDouble(ReadOnlySpan<byte> value, out double result)
    {
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
        if (System.Text.Ascii.EqualsIgnoreCase(value, "true"u8))
        {
            result = true;
            return true;
        }
        result = false;
        return System.Text.Ascii.EqualsIgnoreCase(value, "false"u8);
    }

    private static bool HasLeadingZero(ReadOnlySpan<byte> value)
    {
        ReadOnlySpan<byte> unsigned = value.Length > 0 && (value[0] == (byte)'-' || value[0] == (byte)'+') ? value[1..] : value;
        return unsigned.Length >= 2 && unsigned[0] == (byte)'0' && char.IsAsciiDigit((char)unsigned[1]);
    }
}
