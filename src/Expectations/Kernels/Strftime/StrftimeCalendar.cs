namespace Dq.Expectations.Kernels.Strftime;

/// <summary>
/// Proleptic Gregorian helpers over Python's day ordinals (0001-01-01 is day 1). Unlike <see cref="DateTime"/> they
/// accept year 0, which Python's week arithmetic can reach before <c>datetime.date</c> rejects it.
/// </summary>
internal static class StrftimeCalendar
{
    /// <summary>The ordinal of 9999-12-31, the last day <c>datetime.date</c> can hold.</summary>
    public const int MaxOrdinal = 3_652_059;

    // Days per month of a common year, indexed by month (1-12).
    private static ReadOnlySpan<byte> DaysInMonth => [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    /// <summary>Whether <paramref name="year"/> is a leap year; defined for year 0 as Python's <c>calendar.isleap</c>.</summary>
    public static bool IsLeapYear(int year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    /// <summary>Whether the date exists and is within <c>datetime.date</c>'s years 1 to 9999.</summary>
    public static bool IsValidDate(int year, int month, int day) =>
        (uint)(year - 1) < 9999 && (uint)(month - 1) < 12 && day >= 1
        && (day <= 28 || day <= DaysInMonth[month] || (month == 2 && day == 29 && IsLeapYear(year)));

    /// <summary>The ordinal of January 1st of a year in 1 to 9999.</summary>
    public static int FirstDayOfYear(int year) => new DateOnly(year, 1, 1).DayNumber + 1;

    /// <summary>The weekday, 0 = Monday, of a day ordinal.</summary>
    public static int Weekday(int ordinal) => (ordinal + 6) % 7;

    /// <summary>Converts an ordinal in 1 to <see cref="MaxOrdinal"/> to a date.</summary>
    public static DateOnly FromOrdinal(int ordinal) => DateOnly.FromDayNumber(ordinal - 1);
}
