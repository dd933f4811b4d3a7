using Apache.Arrow;
using Dq.Expectations.Kernels;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Kernels.Range;

/// <summary>
/// expect_column_values_to_be_between on integer and float columns, end to end, for every kernel variant, on
/// sliced arrays with nulls, against an exact naive comparison of the same values.
/// </summary>
public sealed class RangeKernelsNumericTests
{
    public static TheoryData<double?, bool, double?, bool, int> RealBounds => new()
    {
        { 1.5, true, 40.0, false, 3 },
        { 1.5, false, 40.5, true, 13 },
        { -3.0, true, 3.0, true, 0 },
        { -2.5, false, null, false, 5 },
        { null, false, -0.5, true, 7 },
        { 7.0, true, 7.0, false, 1 },
        { 7.0, false, 7.0, false, 9 },
    };

    [Theory]
    [MemberData(nameof(RealBounds))]
    public void Validate_Int64ColumnWithBounds_FlagsExactlyTheRowsOutside(double? min, bool strictMin, double? max, bool strictMax, int padding)
    {
        var values = Values(11, 200, r => (long?)r.Next(-50, 51), long.MinValue, long.MaxValue);

        var column = Arrays.Sliced(v => Arrays.Int64(v), values, padding, 0L);

        AssertUnexpected(column, Suite(min, max, strictMin, strictMax), Reference.Rows(values, v => v is { } x && !Reference.WithinNumbers(x, min, max, strictMin, strictMax)));
    }

    [Theory]
    [MemberData(nameof(RealBounds))]
    public void Validate_Int32Int8UInt8UInt64Columns_FlagExactlyTheRowsOutside(double? min, bool strictMin, double? max, bool strictMax, int padding)
    {
        var suite = Suite(min, max, strictMin, strictMax);
        bool Outside(object? v) => v is not null && !Reference.WithinNumbers(v, min, max, strictMin, strictMax);

        var ints = Values(12, 150, r => (int?)r.Next(-50, 51), int.MinValue, int.MaxValue);
        AssertUnexpected(Arrays.Sliced(v => Arrays.Int32(v), ints, padding, 0), suite, Reference.Rows(ints, v => Outside(v)));
        var sbytes = Values(13, 150, r => (sbyte?)r.Next(-50, 51), sbyte.MinValue, sbyte.MaxValue);
        AssertUnexpected(Arrays.Sliced(v => Arrays.Int8(v), sbytes, padding, (sbyte)0), suite, Reference.Rows(sbytes, v => Outside((int?)v)));
        var bytes = Values(14, 150, r => (byte?)r.Next(0, 51), byte.MinValue, byte.MaxValue);
        AssertUnexpected(Arrays.Sliced(v => Arrays.UInt8(v), bytes, padding, (byte)0), suite, Reference.Rows(bytes, v => Outside((int?)v)));
        var ulongs = Values(15, 150, r => (ulong?)r.Next(0, 51), ulong.MinValue, ulong.MaxValue);
        AssertUnexpected(Arrays.Sliced(v => Arrays.UInt64(v), ulongs, padding, 0UL), suite, Reference.Rows(ulongs, v => Outside(v)));
    }

    [Theory]
    [InlineData(200L, null, 0)]        // every int8 is below 200
    [InlineData(null, -1L, 0)]         // every uint8 is above -1
    [InlineData(-1000L, 1000L, 3)]     // every int8 is inside
    [InlineData(1e300, null, 0)]
    [InlineData(-1e300, 1e300, 5)]
    public void Validate_BoundsBeyondTheColumnType_FlagAllOrNone(object? min, object? max, int padding)
    {
        var sbytes = Values(16, 100, r => (sbyte?)r.Next(-128, 128), sbyte.MinValue, sbyte.MaxValue);
        var bytes = Values(17, 100, r => (byte?)r.Next(0, 256), byte.MinValue, byte.MaxValue);
        var suite = Suite(min, max, false, false);

        AssertUnexpected(Arrays.Sliced(v => Arrays.Int8(v), sbytes, padding, (sbyte)0), suite,
            Reference.Rows(sbytes, v => v is { } x && !Reference.WithinNumbers((int)x, min, max, false, false)));
        AssertUnexpected(Arrays.Sliced(v => Arrays.UInt8(v), bytes, padding, (byte)0), suite,
            Reference.Rows(bytes, v => v is { } x && !Reference.WithinNumbers((int)x, min, max, false, false)));
    }

    /// <summary>Exact integer bounds at the ends of int64 (GX compares int64 with a Python int exactly).</summary>
    [Theory]
    [InlineData(long.MaxValue, true)]
    [InlineData(long.MinValue, false)]
    public void Validate_Int64ExtremeLongBounds_AreExact(long bound, bool isMax)
    {
        var values = Values(18, 130, r => (long?)r.NextInt64(-3, 4) + (isMax ? long.MaxValue - 3 : long.MinValue + 3), long.MinValue, long.MaxValue);
        var suite = isMax ? Suite(null, bound, false, true) : Suite(bound, null, true, false);
        object? min = isMax ? null : bound, max = isMax ? bound : null;

        AssertUnexpected(Arrays.Sliced(v => Arrays.Int64(v), values, 5, 0L), suite,
            Reference.Rows(values, v => v is { } x && !Reference.WithinNumbers(x, min, max, !isMax, isMax)));
    }

    [Theory]
    [MemberData(nameof(RealBounds))]
    public void Validate_DoubleColumnWithNaNAndInfinities_FlagsNaNAndRowsOutside(double? min, bool strictMin, double? max, bool strictMax, int padding)
    {
        var values = Values(19, 200, r => (double?)Math.Round((r.NextDouble() * 100) - 50, r.Next(0, 3)),
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.MaxValue, double.MinValue, -0.0, 7.0, 1.5, 40.0);

        AssertUnexpected(Arrays.Sliced(v => Arrays.Double(v), values, padding, 0.0), Suite(min, max, strictMin, strictMax),
            Reference.Rows(values, v => v is { } x && !Reference.WithinNumbers(x, min, max, strictMin, strictMax)));
    }

    [Fact]
    public void Validate_DoubleColumnOneOpenBound_InfinityOnTheOpenSideIsInRange()
    {
        double?[] values = [double.NegativeInfinity, -1, 0, 1, double.PositiveInfinity, double.NaN, null];
        var column = Arrays.Double(values);

        var minOnly = Runs.Json(Arrays.Batch(("x", column)), Suite(0.0, null, false, false));
        var maxOnly = Runs.Json(Arrays.Batch(("x", column)), Suite(null, 0.0, false, false));

        Assert.Equal(Reference.Rows(values, v => v is { } x && !(x >= 0)), Runs.UnexpectedIndexes(minOnly));
        Assert.Equal(Reference.Rows(values, v => v is { } x && !(x <= 0)), Runs.UnexpectedIndexes(maxOnly));
    }

    public static TheoryData<double?, bool, double?, bool> SingleBounds => new()
    {
        { 0.1, false, 1.0 / 3, false },
        { 0.1, true, 1.0 / 3, true },
        { 16777217.0, false, null, false },   // 2^24 + 1: no float equals it
        { null, false, 16777217.0, true },
        { -1e39, false, 1e39, false },        // beyond float's range
        { 1e-46, true, null, false },         // below float's smallest subnormal
    };

    [Theory]
    [MemberData(nameof(SingleBounds))]
    public void Validate_FloatColumnWithDoubleBounds_RoundsTheBoundsToFloatAsNumpyDoes(double? min, bool strictMin, double? max, bool strictMax)
    {
        var near = new[] { min, max }.OfType<double>()
            .SelectMany(b => new[] { (float)b, MathF.BitIncrement((float)b), MathF.BitDecrement((float)b) }).Select(f => (float?)f);
        var values = Values(20, 190, r => (float?)((r.NextSingle() * 2) - 0.5f),
            [.. near, float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.MaxValue, float.MinValue, float.Epsilon, 0f]);

        // pandas compares a float32 column with a Python float in float32: the bound is rounded to float first.
        double? minF = min is { } a ? (float)a : null, maxF = max is { } b ? (float)b : null;
        AssertUnexpected(Arrays.Sliced(v => Arrays.Float(v), values, 11, 0f), Suite(min, max, strictMin, strictMax),
            Reference.Rows(values, v => v is { } x && !Reference.WithinNumbers(x, minF, maxF, strictMin, strictMax)));
    }

    [Fact]
    public void Validate_DoubleColumnLongBoundBeyond2Pow53_ComparesExactly()
    {
        // 2^53 + 1 has no double; the double 2^53 lies below it, so it is below min_value (Python compares int and float exactly).
        double?[] values = [9007199254740992.0, 9007199254740994.0, null];
        const long min = 9007199254740993;

        AssertUnexpected(Arrays.Double(values), Suite(min, null, false, false), Reference.Rows(values, v => v is { } x && !Reference.WithinNumbers(x, min, null, false, false)));
    }

    internal static ExpectationSuite Suite(object? min, object? max, bool strictMin, bool strictMax) =>
        ExpectationSuite.Create("range").ExpectColumnValuesToBeBetween("x", min, max, strictMin, strictMax).Build();

    /// <summary>Asserts, for every kernel variant, that the run reports exactly the expected rows and no error.</summary>
    internal static void AssertUnexpected(IArrowArray column, ExpectationSuite suite, long[] expected)
    {
        foreach (var variant in KernelVariants.All)
        {
            var json = Runs.Json(Arrays.Batch(("x", column)), suite, variant);
            Assert.Null(Runs.ExceptionMessage(json));
            Assert.Equal(expected, Runs.UnexpectedIndexes(json));
        }
    }

    /// <summary>Seeded values: ~15% nulls, the extremes at random places, the rest from <paramref name="next"/>.</summary>
    internal static IReadOnlyList<T?> Values<T>(int seed, int count, Func<Random, T?> next, params T?[] extremes)
        where T : struct
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, count).Select(_ => random.Next(100) < 15 ? null : next(random)).ToList();
        foreach (var extreme in extremes)
        {
            values[random.Next(count)] = extreme;
        }
        return values;
    }
}
