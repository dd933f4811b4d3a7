using System.Globalization;
using Dq.Expectations.Columns;

namespace Dq.Expectations.Kernels.MultiColumn;

/// <summary>What a <see cref="Cell"/> holds; values of different kinds are never equal.</summary>
internal enum CellKind : byte
{
    /// <summary>Null, or NaN (pandas treats NaN as missing).</summary>
    Missing,

    /// <summary>Any integer, float or decimal: compared by mathematical value, so 1 equals 1.0.</summary>
    Number,

    /// <summary>Text, ordered by code point as Python orders <c>str</c>.</summary>
    Text,

    /// <summary>A boolean; not a number here, unlike Python's <c>True == 1</c>.</summary>
    Boolean,

    /// <summary>Dates, timestamps and anything else, compared through the boxed .NET value.</summary>
    Other,
}

/// <summary>
/// One value of a row, as multi-column checks compare it across columns of different Arrow types.
/// </summary>
/// <remarks>
/// Numbers are held without boxing: an integral value (an integer, or a float with no fraction inside the
/// <see cref="long"/> range) keeps its exact <see cref="Integer"/>, so equality and hashing agree for 1 and 1.0 and stay
/// exact above 2⁵³; other numbers compare as doubles. Missing cells equal each other, which is what duplicate
/// detection needs (pandas' <c>duplicated</c> and <c>nunique(dropna=False)</c> also group NaN with NaN); checks
/// that must treat a missing value as unequal (pair equality) test <see cref="IsMissing"/> first.
/// </remarks>
internal readonly struct Cell : IEquatable<Cell>
{
    private Cell(CellKind kind, bool integral, long integer, double real, object? reference, bool fromReal = false)
    {
        Kind = kind;
        IsIntegral = integral;
        Integer = integer;
        Real = real;
        Reference = reference;
        IsFromReal = fromReal;
    }

    public static Cell Missing => default;

    public CellKind Kind { get; }

    public bool IsMissing => Kind == CellKind.Missing;

    /// <summary>Whether a number is integral and exactly <see cref="Integer"/>.</summary>
    public bool IsIntegral { get; }

    public long Integer { get; }

    /// <summary>The number as a double (for an integral number, <see cref="Integer"/> rounded).</summary>
    public double Real { get; }

    /// <summary>The text, or the boxed value of <see cref="CellKind.Other"/>.</summary>
    public object? Reference { get; }

    /// <summary>Whether the number came from a float column, so it is shown as 1.0 rather than 1.</summary>
    public bool IsFromReal { get; }

    public static Cell FromInteger(long value) => new(CellKind.Number, true, value, value, null);

    public static Cell FromReal(double value)
    {
        if (double.IsNaN(value))
        {
            return Missing;
        }
        // 2^63 is exactly representable; values at or above it do not fit a long.
        return value == Math.Truncate(value) && value >= -9.2233720368547758E18 && value < 9.2233720368547758E18
            ? new Cell(CellKind.Number, true, (long)value, value, null, fromReal: true)
            : new Cell(CellKind.Number, false, 0, value, null, fromReal: true);
    }

    public static Cell FromText(string value) => new(CellKind.Text, false, 0, 0, value);

    public static Cell FromBoolean(bool value) => new(CellKind.Boolean, false, value ? 1 : 0, 0, null);

    /// <summary>A cell from a plain .NET value (an Arrow value read by <see cref="ArrowValues"/>, or a kwarg).</summary>
    public static Cell FromObject(object? value) => value switch
    {
        null => Missing,
        long l => FromInteger(l),
        int i => FromInteger(i),
        short s => FromInteger(s),
        sbyte b => FromInteger(b),
        byte b => FromInteger(b),
        ushort u => FromInteger(u),
        uint u => FromInteger(u),
        ulong u => u <= long.MaxValue ? FromInteger((long)u) : FromReal(u),
        double d => FromReal(d),
        float f => FromReal(f),
        decimal m => m == decimal.Truncate(m) && m >= long.MinValue && m <= long.MaxValue ? FromInteger((long)m) : FromReal((double)m),
        string s => FromText(s),
        bool b => FromBoolean(b),
        _ => new Cell(CellKind.Other, false, 0, 0, value),
    };

    /// <summary>The value as results show it: the column's own kind of number, text, or the boxed value.</summary>
    public object? ToValue() => Kind switch
    {
        CellKind.Missing => null,
        CellKind.Number when IsIntegral && !IsFromReal => Integer,
        CellKind.Number => Real,
        CellKind.Boolean => Integer != 0,
        _ => Reference,
    };

    public bool Equals(Cell other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }
        return Kind switch
        {
            CellKind.Missing => true,
            CellKind.Number => IsIntegral == other.IsIntegral && (IsIntegral ? Integer == other.Integer : Real == other.Real),
            CellKind.Boolean => Integer == other.Integer,
            CellKind.Text => string.Equals((string?)Reference, (string?)other.Reference, StringComparison.Ordinal),
            _ => Equals(Reference, other.Reference),
        };
    }

    public override bool Equals(object? obj) => obj is Cell other && Equals(other);

    public override int GetHashCode() => Kind switch
    {
        CellKind.Missing => 0,
        CellKind.Number => IsIntegral ? Integer.GetHashCode() : Real.GetHashCode(),
        CellKind.Boolean => HashCode.Combine(Kind, Integer),
        CellKind.Text => StringComparer.Ordinal.GetHashCode((string)Reference!),
        _ => Reference!.GetHashCode(),
    };

    /// <summary>
    /// Orders two present cells of comparable kinds; null when they cannot be ordered (text against a number, a
    /// date against a timestamp).
    /// </summary>
    public static int? Compare(in Cell a, in Cell b)
    {
        if (a.Kind != b.Kind || a.IsMissing)
        {
            return null;
        }
        return a.Kind switch
        {
            CellKind.Number => a.IsIntegral && b.IsIntegral ? a.Integer.CompareTo(b.Integer) : a.Real.CompareTo(b.Real),
            CellKind.Boolean => a.Integer.CompareTo(b.Integer),
            CellKind.Text => TextOrder.Compare((string)a.Reference!, (string)b.Reference!),
            _ => a.Reference!.GetType() == b.Reference!.GetType() && a.Reference is IComparable comparable ? comparable.CompareTo(b.Reference) : null,
        };
    }

    public override string ToString() => Convert.ToString(ToValue(), CultureInfo.InvariantCulture) ?? "null";
}
