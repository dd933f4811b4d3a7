using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Kernels.Sets;

/// <summary>
/// expect_column_values_to_be_in_set / _not_be_in_set per column type, end to end on sliced arrays with nulls,
/// against LINQ membership over the same values.
/// </summary>
public sealed class SetKernelsTests
{
    private static readonly long[] s_members = [-3, 0, 2, 7, 11];

    [Theory]
    [InlineData(true, 0)]
    [InlineData(true, 5)]
    [InlineData(false, 3)]
    public void Validate_IntegerColumnsWithIntegerMembers_FlagByMembership(bool inSet, int padding)
    {
        var random = new Random(40);
        var longs = Enumerable.Range(0, 150).Select(_ => random.Next(8) == 0 ? null : (long?)random.Next(-5, 13)).ToList();
        bool Unexpected(long? v) => v is { } x && s_members.Contains(x) != inSet;

        AssertRows(Arrays.Sliced(v => Arrays.Int64(v), longs, padding, 0L), Suite(inSet, s_members), Reference.Rows(longs, Unexpected));
        var ints = longs.Select(v => (int?)v).ToList();
        AssertRows(Arrays.Sliced(v => Arrays.Int32(v), ints, padding, 0), Suite(inSet, s_members), Reference.Rows(longs, Unexpected));
        var bytes = longs.Select(v => v is { } x && x >= 0 ? (byte?)x : null).ToList();
        AssertRows(Arrays.Sliced(v => Arrays.UInt8(v), bytes, padding, (byte)0), Suite(inSet, s_members), Reference.Rows(bytes, b => Unexpected(b)));
    }

    [Fact]
    public void Validate_Int64MemberAbove2Pow53_MatchesExactlyThatValue()
    {
        long?[] values = [9007199254740992, 9007199254740993, 9007199254740994];

        var json = Runs.Json(Arrays.Batch(("x", Arrays.Int64(values))), Suite(true, [9007199254740993L]));

        Assert.Equal(Reference.Rows(values, v => v != 9007199254740993), Runs.UnexpectedIndexes(json));
    }

    [Fact]
    public void Validate_IntegerColumnWithRealMemberWrittenAsOnePointZero_MatchesOne()
    {
        // GX: 1 == 1.0, so the member 1.0 (as a suite file writes it) admits the integer 1.
        var suite = SuiteJson.Parse("""{"name": "s", "expectations": [{"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "x", "value_set": [1.0, 2.5]}}]}""");
        long?[] values = [1, 2, 3];

        var json = Runs.Json(Arrays.Batch(("x", Arrays.Int64(values))), suite);

        Assert.Equal(Reference.Rows(values, v => v != 1), Runs.UnexpectedIndexes(json));
    }

    [Fact]
    public void Validate_UInt64MaxValueMember_Matches()
    {
        ulong?[] values = [ulong.MaxValue, 0, ulong.MaxValue - 1];

        var json = Runs.Json(Arrays.Batch(("x", Arrays.UInt64(values))), Suite(true, [ulong.MaxValue]));

        Assert.Equal(Reference.Rows(values, v => v != ulong.MaxValue), Runs.UnexpectedIndexes(json));
    }

    [Fact]
    public void Validate_DoubleAndFloatColumns_MatchMembersByExactValue()
    {
        double?[] doubles = [0.5, 1, 0.1, double.NaN, null, 2.0, -0.0, double.PositiveInfinity];
        float?[] floats = [0.5f, 1f, 0.1f, float.NaN, null, 2f, -0f, float.PositiveInfinity];
        double[] members = [0.5, 1, 0.1, 0];

        var doubleJson = Runs.Json(Arrays.Batch(("x", Arrays.Double(doubles))), Suite(true, members));
        var floatJson = Runs.Json(Arrays.Batch(("x", Arrays.Float(floats))), Suite(true, members));

        // 0.1f is not the double 0.1, so it is no member of a float column's set; -0.0 equals 0.
        Assert.Equal(Reference.Rows(doubles, v => v is { } x && !members.Contains(x)), Runs.UnexpectedIndexes(doubleJson));
        Assert.Equal(Reference.Rows(floats, v => v is { } x && !members.Contains((double)x)), Runs.UnexpectedIndexes(floatJson));
    }

    [Theory]
    [InlineData(true, 0)]
    [InlineData(false, 11)]
    public void Validate_StringAndDictionaryColumns_FlagByOrdinalMembership(bool inSet, int padding)
    {
        var random = new Random(41);
        var values = Enumerable.Range(0, 160).Select(_ => random.Next(8) == 0 ? null : Reference.RandomText(random)).ToList();
        string[] members = ["a", "é", "\U0001F600", "", "ab", "B"];
        var expected = Reference.Rows(values, v => v is not null && members.Contains(v, StringComparer.Ordinal) != inSet);

        AssertRows(Arrays.Sliced(v => Arrays.String(v), values, padding, "pad"), Suite(inSet, members), expected);
        AssertRows(ArrowArrayFactory.Slice(Arrays.DictionaryString([.. Enumerable.Repeat("pad", padding), .. values]), padding, values.Count), Suite(inSet, members), expected);
    }

    [Theory]
    [InlineData(TimeUnit.Second)]
    [InlineData(TimeUnit.Millisecond)]
    [InlineData(TimeUnit.Microsecond)]
    [InlineData(TimeUnit.Nanosecond)]
    public void Validate_TimestampColumnWithIsoMembers_MatchesTheExactInstants(TimeUnit unit)
    {
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        DateTimeOffset?[] values = [start, start.AddSeconds(1), start.AddMilliseconds(123), start.AddTicks(1_234_560), null, start.AddDays(400)];
        string[] members = ["2024-01-01T00:00:00", "2024-01-01T00:00:00.123", "2024-01-01T00:00:00.123456", "2025-02-04T00:00:00Z"];
        var instants = members.Select(Reference.Instant).ToHashSet();
        long ticksPerUnit = unit switch { TimeUnit.Second => TimeSpan.TicksPerSecond, TimeUnit.Millisecond => TimeSpan.TicksPerMillisecond, TimeUnit.Microsecond => 10, _ => 1 };
        var stored = values.Select(v => v is { } t ? (DateTimeOffset?)t.AddTicks(-(t.Ticks % ticksPerUnit)) : null).ToList();

        var json = Runs.Json(Arrays.Batch(("x", Arrays.Timestamp(unit, values))), Suite(true, members));

        Assert.Equal(Reference.Rows(stored, v => v is { } t && !instants.Contains(t)), Runs.UnexpectedIndexes(json));
    }

    [Fact]
    public void Validate_Date32ColumnWithIsoMembers_MatchesTheDays()
    {
        DateOnly?[] values = [new(2024, 2, 29), new(2024, 3, 1), null, new(1969, 12, 31)];
        string[] members = ["2024-02-29", "1969-12-31", "2024-03-01T12:00:00"]; // the last is no whole day

        var json = Runs.Json(Arrays.Batch(("x", Arrays.Date32(values))), Suite(true, members));

        Assert.Equal(Reference.Rows(values, v => v is { } d && !(d == new DateOnly(2024, 2, 29) || d == new DateOnly(1969, 12, 31))), Runs.UnexpectedIndexes(json));
    }

    [Fact]
    public void Validate_BooleanColumn_MatchesBooleanMembers()
    {
        bool?[] values = [true, false, null, true];

        var json = Runs.Json(Arrays.Batch(("x", Arrays.Boolean(values))), Suite(true, [true]));

        Assert.Equal(Reference.Rows(values, v => v == false), Runs.UnexpectedIndexes(json));
    }

    private static ExpectationSuite Suite<T>(bool inSet, IEnumerable<T> members) => inSet
        ? ExpectationSuite.Create("sets").ExpectColumnValuesToBeInSet("x", members).Build()
        : ExpectationSuite.Create("sets").ExpectColumnValuesToNotBeInSet("x", members).Build();

    private static void AssertRows(IArrowArray column, ExpectationSuite suite, long[] expected)
    {
        var json = Runs.Json(Arrays.Batch(("x", column)), suite);
        Assert.Null(Runs.ExceptionMessage(json));
        Assert.Equal(expected, Runs.UnexpectedIndexes(json));
    }
}
