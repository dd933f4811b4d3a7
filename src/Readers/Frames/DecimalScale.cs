using Apache.Arrow.Types;

namespace Dq.Readers.Frames;

/// <summary>
/// Finds the decimal128 type that holds every value of a decimal column exactly: the largest scale among the
/// values, with precision 38 (Arrow's maximum).
/// </summary>
/// <remarks>
/// A .NET <see cref="decimal"/> carries its own scale (0–28) per value, while an Arrow column has one scale, so the
/// column's scale is the largest one found; values with fewer fraction digits are padded with zeros, never rounded.
/// </remarks>
internal sealed class DecimalScale
{
    private const int MaxPrecision = 38;
    private int _scale;
    private int _integerDigits;

    public void Add(decimal value)
    {
        _scale = Math.Max(_scale, value.Scale);
        _integerDigits = Math.Max(_integerDigits, IntegerDigits(value));
    }

    /// <summary>The type, or an exception naming <paramref name="column"/> when no single scale fits in 38 digits.</summary>
    /// <exception cref="ArgumentException">The largest integer part and the largest scale together need more than 38 digits.</exception>
    public Decimal128Type ToType(string column, string paramName) =>
        _integerDigits + _scale <= MaxPrecision
            ? new Decimal128Type(MaxPrecision, _scale)
            : throw new ArgumentException(
                $"Decimal column `{column}` has values with {_integerDigits} integer digits and values with {_scale} fraction digits; " +
                $"one Arrow decimal128 column holds at most {MaxPrecision} digits in all. Round the column to fewer fraction digits " +
                "(decimal.Round) before validating it.",
                paramName);

    private static int IntegerDigits(decimal value)
    {
        var integer = decimal.Truncate(Math.Abs(value));
        var digits = 0;
        while (integer >= 1)
        {
            integer = decimal.Truncate(integer / 10);
            digits++;
        }
        return digits;
    }
}
