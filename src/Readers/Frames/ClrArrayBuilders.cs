using System.Reflection;
using Apache.Arrow.Types;

namespace Dq.Readers.Frames;

/// <summary>
/// The mapping of .NET value types to Arrow types, shared by the DataFrame and enumerable sources: integers and
/// floats keep their width and sign, <see cref="bool"/> → boolean, <see cref="string"/>, <see cref="char"/> and
/// enums → UTF-8 text (enums by name), <see cref="decimal"/> → decimal128(38, the column's largest scale),
/// <see cref="DateOnly"/> → date32, <see cref="DateTime"/> → timestamp in microseconds without a time zone (the
/// wall-clock value, whatever its kind), <see cref="DateTimeOffset"/> → timestamp in microseconds in UTC.
/// </summary>
/// <remarks>
/// Arrow's finest common timestamp unit that covers every <see cref="DateTime"/> is the microsecond (nanoseconds
/// overflow outside 1677–2262), so the 100 ns ticks below a microsecond are dropped, rounding toward the past.
/// </remarks>
internal static class ClrArrayBuilders
{
    private static readonly HashSet<Type> s_supported =
    [
        typeof(sbyte), typeof(short), typeof(int), typeof(long), typeof(byte), typeof(ushort), typeof(uint), typeof(ulong),
        typeof(Half), typeof(float), typeof(double), typeof(decimal), typeof(bool), typeof(string), typeof(char),
        typeof(DateOnly), typeof(DateTime), typeof(DateTimeOffset),
    ];

    private static readonly long s_epochTicks = DateTime.UnixEpoch.Ticks;
    private static readonly int s_epochDay = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The supported .NET types, for messages.</summary>
    public const string SupportedTypes =
        "sbyte, short, int, long, byte, ushort, uint, ulong, Half, float, double, decimal, bool, string, char, enums, " +
        "DateOnly, DateTime and DateTimeOffset, and their nullable forms";

    /// <summary>Whether values of <paramref name="type"/> (or of its nullable form) can become a column.</summary>
    public static bool IsSupported(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return s_supported.Contains(underlying) || underlying.IsEnum;
    }

    /// <summary>Whether values of <paramref name="type"/> are decimals, whose scale must be known before building.</summary>
    public static bool IsDecimal(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(decimal);

    /// <summary>Creates the builder of <typeparamref name="TValue"/>; <paramref name="decimalType"/> is required for decimals.</summary>
    public static ClrArrayBuilder<TValue> Create<TValue>(Decimal128Type? decimalType = null)
    {
        var type = typeof(TValue);
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return (ClrArrayBuilder<TValue>)Activator.CreateInstance(
                typeof(NullableBuilder<>).MakeGenericType(underlying), CreateFor(underlying, decimalType))!;
        }
        return (ClrArrayBuilder<TValue>)CreateFor(type, decimalType);
    }

    /// <summary>Microseconds since the Unix epoch of a wall-clock time, rounded toward the past.</summary>
    public static long Microseconds(DateTime value) => Math.DivRem(value.Ticks - s_epochTicks, TimeSpan.TicksPerMicrosecond) switch
    {
        (var q, < 0) => q - 1,
        (var q, _) => q,
    };

    private static object CreateFor(Type type, Decimal128Type? decimalType)
    {
        if (type.IsEnum)
        {
            return typeof(ClrArrayBuilders).GetMethod(nameof(EnumText), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(type).Invoke(null, null)!;
        }
        return type switch
        {
            _ when type == typeof(sbyte) => new FixedWidthBuilder<sbyte, sbyte>(Int8Type.Default, static v => v),
            _ when type == typeof(short) => new FixedWidthBuilder<short, short>(Int16Type.Default, static v => v),
            _ when type == typeof(int) => new FixedWidthBuilder<int, int>(Int32Type.Default, static v => v),
            _ when type == typeof(long) => new FixedWidthBuilder<long, long>(Int64Type.Default, static v => v),
            _ when type == typeof(byte) => new FixedWidthBuilder<byte, byte>(UInt8Type.Default, static v => v),
            _ when type == typeof(ushort) => new FixedWidthBuilder<ushort, ushort>(UInt16Type.Default, static v => v),
            _ when type == typeof(uint) => new FixedWidthBuilder<uint, uint>(UInt32Type.Default, static v => v),
            _ when type == typeof(ulong) => new FixedWidthBuilder<ulong, ulong>(UInt64Type.Default, static v => v),
            _ when type == typeof(Half) => new FixedWidthBuilder<Half, Half>(HalfFloatType.Default, static v => v),
            _ when type == typeof(float) => new FixedWidthBuilder<float, float>(FloatType.Default, static v => v),
            _ when type == typeof(double) => new FixedWidthBuilder<double, double>(DoubleType.Default, static v => v),
            _ when type == typeof(bool) => new BooleanBuilder(),
            _ when type == typeof(string) => new TextBuilder<string?>(static v => v),
            _ when type == typeof(char) => new TextBuilder<char>(CharText.Of),
            _ when type == typeof(decimal) => new DecimalBuilder(decimalType ?? throw new ArgumentNullException(nameof(decimalType))),
            _ when type == typeof(DateOnly) => new FixedWidthBuilder<DateOnly, int>(Date32Type.Default, static v => v.DayNumber - s_epochDay),
            _ when type == typeof(DateTime) => new FixedWidthBuilder<DateTime, long>(
                new TimestampType(TimeUnit.Microsecond, (string?)null), Microseconds),
            _ when type == typeof(DateTimeOffset) => new FixedWidthBuilder<DateTimeOffset, long>(
                new TimestampType(TimeUnit.Microsecond, "UTC"), static v => Microseconds(v.UtcDateTime)),
            _ => throw new NotSupportedException($"{type} has no Arrow mapping; check IsSupported first."),
        };
    }

    private static TextBuilder<TEnum> EnumText<TEnum>()
        where TEnum : struct, Enum => new(static v => v.ToString());
}
