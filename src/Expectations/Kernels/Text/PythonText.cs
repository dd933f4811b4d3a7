using System.Globalization;
using System.Text;

namespace Dq.Expectations.Kernels.Text;

/// <summary>
/// The text Python's <c>str()</c> gives a value (as pandas' <c>astype(str)</c> does before GX matches a regex on a
/// non-text column): <c>1.0</c>, <c>1e+16</c>, <c>nan</c>, <c>True</c>, <c>2024-01-31 00:00:00</c>.
/// </summary>
internal static class PythonText
{
    public static string Of(object value) => value switch
    {
        string s => s,
        bool b => b ? "True" : "False",
        double d => Real(d),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime instant => Timestamp(instant),
        DateTimeOffset instant => Timestamp(instant.DateTime) + instant.ToString("zzz", CultureInfo.InvariantCulture),
        byte[] bytes => Bytes(bytes),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)!,
    };

    /// <summary>Python's float repr: the shortest round-trip digits, fixed for exponents −4 to 15, else scientific.</summary>
    public static string Real(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        var shortest = value.ToString("R", CultureInfo.InvariantCulture);
        // Digits and exponent of the shortest round-trip form, whatever notation .NET chose for it.
        var sign = shortest.StartsWith('-') ? "-" : "";
        var unsigned = shortest.TrimStart('-');
        var e = unsigned.IndexOfAny(['E', 'e']);
        var mantissa = e < 0 ? unsigned : unsigned[..e];
        var exponent = e < 0 ? 0 : int.Parse(unsigned[(e + 1)..], CultureInfo.InvariantCulture);
        var point = mantissa.IndexOf('.');
        var digits = mantissa.Replace(".", "", StringComparison.Ordinal);
        var pointAt = (point < 0 ? mantissa.Length : point) + exponent;
        var leading = digits.Length - digits.TrimStart('0').Length;
        digits = digits.Trim('0');
        if (digits.Length == 0)
        {
            return sign + "0.0";
        }
        pointAt -= leading;
        var decimalExponent = pointAt - 1;
        if (decimalExponent is < -4 or >= 16)
        {
            var rest = digits.Length > 1 ? "." + digits[1..] : "";
            return $"{sign}{digits[0]}{rest}e{(decimalExponent < 0 ? '-' : '+')}{Math.Abs(decimalExponent):00}";
        }
        if (pointAt <= 0)
        {
            return $"{sign}0.{new string('0', -pointAt)}{digits}";
        }
        if (pointAt >= digits.Length)
        {
            return $"{sign}{digits}{new string('0', pointAt - digits.Length)}.0";
        }
        return $"{sign}{digits[..pointAt]}.{digits[pointAt..]}";
    }

    /// <summary>pandas' <c>str(Timestamp)</c>: microseconds only when there are any.</summary>
    private static string Timestamp(DateTime instant) =>
        instant.ToString(instant.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>Python's bytes repr: <c>b'…'</c> with printable ASCII kept and everything else as <c>\xNN</c>.</summary>
    private static string Bytes(byte[] bytes)
    {
        var builder = new StringBuilder("b'");
        foreach (var b in bytes)
        {
            builder.Append(b switch
            {
                (byte)'\\' => "\\\\",
                (byte)'\'' => "\\'",
                (byte)'\n' => "\\n",
                (byte)'\r' => "\\r",
                (byte)'\t' => "\\t",
                >= 0x20 and < 0x7f => ((char)b).ToString(),
                _ => $"\\x{b:x2}",
            });
        }
        return builder.Append('\'').ToString();
    }
}
