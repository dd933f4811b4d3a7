using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Expectations.Columns;

/// <summary>
/// Decimal128 columns as their unscaled 128-bit integers: within one column every value has the same scale, so the
/// integers order and compare as the decimals do. Kernels scan them as integers (as 64-bit ones when the precision
/// is at most 18, which always fit) and turn only reported values into plain values here.
/// </summary>
internal static class DecimalKeys
{
    /// <summary>The largest precision whose unscaled values always fit a 64-bit integer (10^18 − 1 &lt; 2^63).</summary>
    public const int Int64Precision = 18;

    /// <summary>The unscaled values of a decimal128 array, one per row (offset applied).</summary>
    public static ReadOnlySpan<Int128> Values(Decimal128Array array) =>
        MemoryMarshal.Cast<byte, Int128>(array.ValueBuffer.Span).Slice(array.Offset, array.Length);

    /// <summary>
    /// The low 64-bit words of the unscaled values, at even positions (row r at 2r): for precision ≤ 18 they are the
    /// values themselves.
    /// </summary>
    public static ReadOnlySpan<long> LowWords(Decimal128Array array) =>
        MemoryMarshal.Cast<byte, long>(array.ValueBuffer.Span).Slice(array.Offset * 2, array.Length * 2);

    /// <summary>The plain value of an unscaled integer of a column with this type.</summary>
    public static object Value(Int128 unscaled, Decimal128Type type) => Value(unscaled, type.Scale);

    /// <summary>
    /// A <see cref="decimal"/> when it holds the value exactly (up to 28–29 digits), else the exact value as text:
    /// decimal128 reaches 38 digits, which no .NET number type holds.
    /// </summary>
    public static object Value(Int128 unscaled, int scale)
    {
        var magnitude = unscaled < 0 ? -(UInt128)unscaled : (UInt128)unscaled;
        if (scale is >= 0 and <= 28 && magnitude >> 96 == 0)
        {
            return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), unscaled < 0, (byte)scale);
        }
        var digits = BigInteger.Abs((BigInteger)unscaled).ToString(CultureInfo.InvariantCulture);
        if (scale > 0)
        {
            digits = digits.PadLeft(scale + 1, '0');
            digits = digits[..^scale] + "." + digits[^scale..];
        }
        else if (scale < 0)
        {
            digits += new string('0', -scale);
        }
        return unscaled < 0 ? "-" + digits : digits;
    }
}
