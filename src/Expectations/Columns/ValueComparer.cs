using System.Globalization;

namespace Dq.Expectations.Columns;

/// <summary>
/// Orders the plain values of results the way Python orders them where it can: null first, then numbers by
/// value, text by code point, dates and timestamps as instants; values of other kinds by their invariant text.
/// </summary>
internal sealed class ValueComparer : IComparer<object?>
{
    public static ValueComparer Instance { get; } = new();

    public int Compare(object? x, object? y)
    {
        if (x is null || y is null)
        {
            return (x is null ? 0 : 1) - (y is null ? 0 : 1);
        }
        if (IsNumber(x) && IsNumber(y))
        {
            // Integers compare exactly (doubles cannot tell 2^63 − 1 from 2^63 − 2); mixed kinds through double.
            return (x, y) switch
            {
                (long left, long right) => left.CompareTo(right),
                (long or ulong, long or ulong) => Convert.ToDecimal(x, CultureInfo.InvariantCulture).CompareTo(Convert.ToDecimal(y, CultureInfo.InvariantCulture)),
                _ => Convert.ToDouble(x, CultureInfo.InvariantCulture).CompareTo(Convert.ToDouble(y, CultureInfo.InvariantCulture)),
            };
        }
        if (Ticks(x) is { } p && Ticks(y) is { } q)
        {
            return p.CompareTo(q);
        }
        if (x is string a && y is string b)
        {
            return TextOrder.Compare(a, b);
        }
        if (x.GetType() == y.GetType() && x is IComparable comparable)
        {
            return comparable.CompareTo(y); // times of day, durations, booleans: by their own order
        }
        var rank = Rank(x).CompareTo(Rank(y));
        return rank != 0 ? rank : TextOrder.Compare(Convert.ToString(x, CultureInfo.InvariantCulture), Convert.ToString(y, CultureInfo.InvariantCulture));
    }

    private static bool IsNumber(object value) => value is long or ulong or double or decimal or int;

    private static long? Ticks(object value) => value switch
    {
        DateTime d => d.Ticks,
        DateTimeOffset d => d.UtcTicks,
        DateOnly d => d.ToDateTime(TimeOnly.MinValue).Ticks,
        _ => null,
    };

    private static int Rank(object value) => IsNumber(value) ? 0 : value is string ? 1 : Ticks(value) is not null ? 2 : 3;
}
