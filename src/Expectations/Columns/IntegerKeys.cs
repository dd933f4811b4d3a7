using Apache.Arrow.Types;

namespace Dq.Expectations.Columns;

/// <summary>
/// The Arrow types whose values are stored as 32- or 64-bit integers that order and compare as the values do: dates
/// (days, milliseconds), timestamps of every unit and time zone (ticks of their unit), times of day, durations. Kernels
/// scan such columns as their integers, and turn only the few values a result reports back into plain values here,
/// exactly as <see cref="ArrowValues.Get"/> does, so samples read the same on every path.
/// </summary>
internal static class IntegerKeys
{
    private static readonly int s_epochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>Whether the values of <paramref name="type"/> are 32-bit integers (date32, time32).</summary>
    public static bool IsInt32Backed(IArrowType type) => type is Date32Type or Time32Type;

    /// <summary>Whether the values of <paramref name="type"/> are 64-bit integers (date64, timestamps, time64, durations).</summary>
    public static bool IsInt64Backed(IArrowType type) => type is Date64Type or TimestampType or Time64Type or DurationType;

    /// <summary>The plain value of a stored integer of a temporal type; null for a type that is not temporal.</summary>
    public static Func<long, object?>? ToValue(IArrowType type) => type switch
    {
        Date32Type => static days => Date32(days),
        Date64Type => static milliseconds => Date64(milliseconds),
        TimestampType timestamp => Timestamp(timestamp),
        Time32Type time => TimeOfDay(time.Unit),
        Time64Type time => TimeOfDay(time.Unit),
        DurationType duration => Duration(duration.Unit),
        _ => null,
    };

    public static DateOnly Date32(long days) => DateOnly.FromDayNumber(s_epochDay + (int)days);

    public static DateOnly Date64(long milliseconds) => DateOnly.FromDateTime(DateTime.UnixEpoch.AddTicks(milliseconds * TimeSpan.TicksPerMillisecond));

    /// <summary>
    /// A timestamp: <see cref="DateTime"/> (unspecified kind) without a time zone, <see cref="DateTimeOffset"/> (UTC)
    /// with one. Nanoseconds keep the .NET tick (100 ns) they fall in.
    /// </summary>
    public static Func<long, object?> Timestamp(TimestampType type)
    {
        var perTick = TicksOf(type.Unit);
        if (string.IsNullOrEmpty(type.Timezone))
        {
            return value => new DateTime(DateTime.UnixEpoch.Ticks + perTick(value), DateTimeKind.Unspecified);
        }
        return value => new DateTimeOffset(DateTime.UnixEpoch.Ticks + perTick(value), TimeSpan.Zero);
    }

    private static Func<long, object?> TimeOfDay(TimeUnit unit)
    {
        var perTick = TicksOf(unit);
        // A stored time outside the day (a damaged file) is reported as the span it is rather than thrown on.
        return value => perTick(value) is var ticks && ticks >= 0 && ticks < TimeSpan.TicksPerDay ? new TimeOnly(ticks) : new TimeSpan(ticks);
    }

    private static Func<long, object?> Duration(TimeUnit unit)
    {
        var perTick = TicksOf(unit);
        return value => new TimeSpan(perTick(value));
    }

    private static Func<long, long> TicksOf(TimeUnit unit) => unit switch
    {
        TimeUnit.Second => static v => v * TimeSpan.TicksPerSecond,
        TimeUnit.Millisecond => static v => v * TimeSpan.TicksPerMillisecond,
        TimeUnit.Microsecond => static v => v * 10,
        _ => static v => v / 100,
    };
}
