using System.Globalization;
using System.Numerics;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Metrics;

namespace Dq.Expectations.Kernels.Range;

/// <summary>Builds the range kernel for a column's Arrow type, converting the bounds to that type once.</summary>
internal static class RangeKernels
{
    public static ColumnKernel Create(Field field, RangeBounds bounds, KernelVariant variant, int sampleLimit)
    {
        var type = field.DataType is DictionaryType dictionary ? dictionary.ValueType : field.DataType;
        return type switch
        {
            Int8Type => Integer<sbyte>(field, bounds, variant, sampleLimit),
            Int16Type => Integer<short>(field, bounds, variant, sampleLimit),
            Int32Type => Integer<int>(field, bounds, variant, sampleLimit),
            Int64Type => Integer<long>(field, bounds, variant, sampleLimit),
            UInt8Type => Integer<byte>(field, bounds, variant, sampleLimit),
            UInt16Type => Integer<ushort>(field, bounds, variant, sampleLimit),
            UInt32Type => Integer<uint>(field, bounds, variant, sampleLimit),
            UInt64Type => Integer<ulong>(field, bounds, variant, sampleLimit),
            DoubleType => new NumericRangeKernel<double>(Doubles(field, bounds), variant, sampleLimit),
            FloatType => new NumericRangeKernel<float>(Singles(field, bounds), variant, sampleLimit),
            Decimal128Type => new DecimalRangeKernel(Reals(field, bounds), sampleLimit, bounds.StrictMin, bounds.StrictMax),
            StringType =>
                new TextRangeKernel(Text(field, bounds.Min, "min_value"), Text(field, bounds.Max, "max_value"), bounds.StrictMin, bounds.StrictMax, sampleLimit),
            Date32Type => Temporal<int>(field, bounds, unitsPerSecond: 1, secondsPerUnit: 86_400, variant, sampleLimit),
            Date64Type => Temporal<long>(field, bounds, unitsPerSecond: 1_000, secondsPerUnit: 1, variant, sampleLimit),
            TimestampType t => Temporal<long>(field, bounds, UnitsPerSecond(t.Unit), secondsPerUnit: 1, variant, sampleLimit),
            _ => throw new MetricPreconditionException(
                $"column `{field.Name}` has type {type.Name}, which a range check cannot compare; range checks take numbers, text, dates and timestamps."),
        };
    }

    private static NumericRangeKernel<T> Integer<T>(Field field, RangeBounds bounds, KernelVariant variant, int sampleLimit)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        var (min, max) = Reals(field, bounds);
        Int128 lo = min switch
        {
            null => Int128.MinValue,
            long l => (Int128)l + (bounds.StrictMin ? 1 : 0),
            double d when double.IsNegativeInfinity(d) => Int128.MinValue,
            double d when double.IsPositiveInfinity(d) => Int128.MaxValue,
            double d => IntegerBound.Lower(d, bounds.StrictMin),
            _ => throw new InvalidOperationException(),
        };
        Int128 hi = max switch
        {
            null => Int128.MaxValue,
            long l => (Int128)l - (bounds.StrictMax ? 1 : 0),
            double d when double.IsPositiveInfinity(d) => Int128.MaxValue,
            double d when double.IsNegativeInfinity(d) => Int128.MinValue,
            double d => IntegerBound.Upper(d, bounds.StrictMax),
            _ => throw new InvalidOperationException(),
        };
        return new NumericRangeKernel<T>(IntegerBound.Fit<T>(lo, hi), variant, sampleLimit);
    }

    private static (double Lo, double Hi)? Doubles(Field field, RangeBounds bounds)
    {
        var (min, max) = Reals(field, bounds);
        var lo = min is null ? double.NegativeInfinity : RealBound.Lower(min, bounds.StrictMin);
        var hi = max is null ? double.PositiveInfinity : RealBound.Upper(max, bounds.StrictMax);
        return EmptyReal(min, bounds.StrictMin, +1) || EmptyReal(max, bounds.StrictMax, -1) || lo > hi ? null : (lo, hi);
    }

    private static (float Lo, float Hi)? Singles(Field field, RangeBounds bounds)
    {
        var (min, max) = Reals(field, bounds);
        var lo = min is null ? float.NegativeInfinity : RealBound.LowerSingle(min, bounds.StrictMin);
        var hi = max is null ? float.PositiveInfinity : RealBound.UpperSingle(max, bounds.StrictMax);
        return EmptyReal(min, bounds.StrictMin, +1) || EmptyReal(max, bounds.StrictMax, -1) || lo > hi ? null : (lo, hi);
    }

    /// <summary>A strict bound at the infinity on its own side (x &gt; +∞, x &lt; -∞) admits no value.</summary>
    private static bool EmptyReal(object? bound, bool strict, int side) =>
        strict && bound is double d && double.IsInfinity(d) && Math.Sign(d) == side;

    /// <summary>The bounds as numbers: a numeric column compared with text or dates is a configuration problem.</summary>
    internal static (object? Min, object? Max) Reals(Field field, RangeBounds bounds)
    {
        Check(bounds.Min, "min_value");
        Check(bounds.Max, "max_value");
        return (bounds.Min, bounds.Max);

        void Check(object? bound, string kwarg)
        {
            if (bound is not (null or long or double))
            {
                throw new MetricPreconditionException(
                    $"column `{field.Name}` holds numbers ({field.DataType.Name}) but `{kwarg}` is {Kind(bound)}, not a number; give numeric bounds or check the column.");
            }
        }
    }

    private static string? Text(Field field, object? bound, string kwarg) => bound switch
    {
        null => null,
        string s => s,
        _ => throw new MetricPreconditionException(
            $"column `{field.Name}` holds text but `{kwarg}` is {Kind(bound)}, not text; text is compared with text bounds only (ordinal, by code point)."),
    };

    private static NumericRangeKernel<T> Temporal<T>(Field field, RangeBounds bounds, long unitsPerSecond, long secondsPerUnit, KernelVariant variant, int sampleLimit)
        where T : unmanaged, IBinaryInteger<T>, IMinMaxValue<T>
    {
        // A bound in .NET ticks since the Unix epoch, as the exact fraction ticks·unitsPerSecond / (10⁷·secondsPerUnit) of the column's unit.
        var denominator = (Int128)TimeSpan.TicksPerSecond * secondsPerUnit;
        var lo = bounds.Min is null ? Int128.MinValue
            : IntegerBound.Lower(Ticks(field, bounds.Min, "min_value") * unitsPerSecond, denominator, bounds.StrictMin);
        var hi = bounds.Max is null ? Int128.MaxValue
            : IntegerBound.Upper(Ticks(field, bounds.Max, "max_value") * unitsPerSecond, denominator, bounds.StrictMax);
        return new NumericRangeKernel<T>(IntegerBound.Fit<T>(lo, hi), variant, sampleLimit);
    }

    internal static long UnitsPerSecond(TimeUnit unit) => unit switch
    {
        TimeUnit.Second => 1,
        TimeUnit.Millisecond => 1_000,
        TimeUnit.Microsecond => 1_000_000,
        _ => 1_000_000_000,
    };

    /// <summary>
    /// A date or time bound in ticks since the Unix epoch. Text is read as ISO 8601; a bound without a zone is
    /// taken as UTC, which is how zone-aware timestamps are stored.
    /// </summary>
    private static Int128 Ticks(Field field, object bound, string kwarg) => TryTicks(bound)
        ?? throw new MetricPreconditionException(
            $"column `{field.Name}` holds dates or timestamps ({field.DataType.Name}) but `{kwarg}` is {Kind(bound)}, not a date; give an ISO 8601 date such as \"2024-01-31\" or \"2024-01-31T12:00:00\".");

    /// <summary>A date, a time or ISO 8601 text as ticks since the Unix epoch; null for anything else.</summary>
    internal static Int128? TryTicks(object value)
    {
        DateTime? utc = value switch
        {
            DateTime dt => DateTime.SpecifyKind(dt, DateTimeKind.Utc),
            DateTimeOffset dto => dto.UtcDateTime,
            DateOnly d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            string s when TryParseInstant(s, out var parsed) => parsed,
            _ => null,
        };
        return utc is { } instant ? (Int128)(instant.Ticks - DateTime.UnixEpoch.Ticks) : null;
    }

    internal static bool TryParseInstant(string text, out DateTime utc)
    {
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc))
        {
            return true;
        }
        utc = default;
        return false;
    }

    /// <summary>
    /// What a bound is, in words. The engine names the kwarg and the kind rather than printing the value: values are
    /// shown by the result layer's one formatter, which the engine does not depend on.
    /// </summary>
    private static string Kind(object? bound) => bound switch
    {
        string => "text",
        bool => "true or false",
        long or double or decimal or int => "a number",
        DateTime or DateOnly or DateTimeOffset or TimeOnly => "a date or time",
        null => "null",
        _ => "a value of another kind",
    };
}
