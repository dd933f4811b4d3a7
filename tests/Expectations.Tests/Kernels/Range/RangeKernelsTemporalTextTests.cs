using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;
using static Dq.Expectations.Tests.Kernels.Range.RangeKernelsNumericTests;

namespace Dq.Expectations.Tests.Kernels.Range;

/// <summary>
/// expect_column_values_to_be_between on dates, timestamps and text (plain and dictionary-encoded), and bounds of
/// the wrong kind, end to end against a naive comparison of the same values.
/// </summary>
public sealed class RangeKernelsTemporalTextTests
{
    private static readonly DateOnly s_firstDay = new(2023, 12, 1);

    [Theory]
    [InlineData("2024-01-10", false, "2024-02-01T12:00:00", true, 3)]
    [InlineData("2024-01-10T00:00:01", false, null, false, 13)]
    [InlineData(null, false, "2024-02-01", true, 0)]
    [InlineData("2024-01-10", true, "2024-01-10", false, 5)]
    public void Validate_Date32ColumnWithIsoBounds_FlagsDaysOutside(string? min, bool strictMin, string? max, bool strictMax, int padding)
    {
        var values = Values(30, 180, r => (DateOnly?)s_firstDay.AddDays(r.Next(0, 90)));

        AssertUnexpected(Arrays.Sliced(v => Arrays.Date32(v), values, padding, s_firstDay), Suite(min, max, strictMin, strictMax),
            Reference.Rows(values, v => v is { } d && !Within(new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), min, max, strictMin, strictMax)));
    }

    public static TheoryData<TimeUnit, string?, string?, bool, string?, bool> TimestampCases => new()
    {
        { TimeUnit.Second, null, "2024-03-01T10:00:00.5", false, "2024-03-01T10:02:00", true },
        { TimeUnit.Millisecond, "UTC", "2024-03-01T10:00:00.5", true, null, false },
        { TimeUnit.Microsecond, null, null, false, "2024-03-01T12:00:30.0000015+02:00", false },
        { TimeUnit.Nanosecond, "Europe/Paris", "2024-03-01T10:00:00.0000001", true, "2024-03-01T10:01:00.0000001", true },
        { TimeUnit.Nanosecond, null, "2024-03-01T10:00:00.0000001", false, "2024-03-01T10:00:00.0000001", false },
    };

    [Theory]
    [MemberData(nameof(TimestampCases))]
    public void Validate_TimestampColumnWithIsoBounds_FlagsInstantsOutside(TimeUnit unit, string? zone, string? min, bool strictMin, string? max, bool strictMax)
    {
        var start = new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero);
        long ticksPerUnit = unit switch { TimeUnit.Second => TimeSpan.TicksPerSecond, TimeUnit.Millisecond => TimeSpan.TicksPerMillisecond, TimeUnit.Microsecond => 10, _ => 1 };
        var values = Values(31, 200, r =>
        {
            var ticks = r.Next(0, 6) == 0 ? r.Next(-3, 4) : r.NextInt64(-TimeSpan.TicksPerMinute, 3 * TimeSpan.TicksPerMinute);
            return (DateTimeOffset?)start.AddTicks(ticks - (((ticks % ticksPerUnit) + ticksPerUnit) % ticksPerUnit));
        });

        AssertUnexpected(Arrays.Sliced(v => Arrays.Timestamp(unit, v, zone), values, 7, start), Suite(min, max, strictMin, strictMax),
            Reference.Rows(values, v => v is { } t && !Within(t, min, max, strictMin, strictMax)));
    }

    [Theory]
    [InlineData("b", false, "z", true, 3)]
    [InlineData("", true, "\uffff", false, 0)]
    [InlineData("é", false, "\U0001F600", false, 9)]
    [InlineData(null, false, "B", false, 13)]
    [InlineData("ab", true, null, false, 1)]
    public void Validate_StringColumnsWithTextBounds_FlagByCodePointOrder(string? min, bool strictMin, string? max, bool strictMax, int padding)
    {
        var random = new Random(32);
        var values = Enumerable.Range(0, 170).Select(_ => random.Next(8) == 0 ? null : Reference.RandomText(random)).ToList();
        var expected = Reference.Rows(values, v => v is not null && !Reference.WithinText(v, min, max, strictMin, strictMax));
        var suite = Suite(min, max, strictMin, strictMax);

        AssertUnexpected(Arrays.Sliced(v => Arrays.String(v), values, padding, "pad"), suite, expected);
        AssertUnexpected(ArrowArrayFactory.Slice(Arrays.DictionaryString([.. Enumerable.Repeat("pad", padding), .. values]), padding, values.Count), suite, expected);
    }

    [Fact]
    public void Build_TextBoundsInCodePointOrderButNotUtf16Order_IsAccepted()
    {
        // U+FFFF < U+1F600 by code point (Python), but its UTF-16 unit 0xFFFF sorts after the surrogate 0xD83D.
        var suite = Suite("\uffff", "\U0001F600", false, false);
        string?[] values = ["\uffff", "\U0001F600", "\ufffe", "\U0001F601"];

        AssertUnexpected(Arrays.String(values), suite, Reference.Rows(values, v => !Reference.WithinText(v!, "\uffff", "\U0001F600", false, false)));
    }

    [Fact]
    public void Validate_DictionaryEncodedInt64Column_FlagsRowsOutside()
    {
        var values = Values(33, 150, r => (long?)r.Next(-20, 21));

        AssertUnexpected(Arrays.DictionaryInt64(values), Suite(-5L, 5L, false, true),
            Reference.Rows(values, v => v is { } x && !(x >= -5 && x < 5)));
    }

    public static TheoryData<string, IArrowArray, object?, object?> WrongKindBounds => new()
    {
        { "number column, text bound", Arrays.Int64([1, 2, null]), "a", null },
        { "float column, date bound", Arrays.Double([1.5]), null, "2024-01-01" },
        { "text column, number bound", Arrays.String(["a", null]), 1L, null },
        { "date column, text that is no date", Arrays.Date32([new DateOnly(2024, 1, 1)]), "soon", null },
        { "timestamp column, number bound", Arrays.Timestamp(TimeUnit.Millisecond, [DateTimeOffset.UnixEpoch]), null, 5.5 },
    };

    [Theory]
    [MemberData(nameof(WrongKindBounds))]
    public void Validate_BoundOfAnotherKindThanTheColumn_FailedResultWithExceptionInfo(string _, IArrowArray column, object? min, object? max)
    {
        var suite = ExpectationSuite.Create("kinds").ExpectColumnValuesToBeBetween("price", min, max).ExpectColumnValuesToNotBeNull("other").Build();
        var batch = Arrays.Batch(("price", column), ("other", Arrays.Int64(Enumerable.Repeat<long?>(1, column.Length))));

        var json = Runs.Json(batch, suite);

        Assert.False(Runs.Success(json));
        Assert.True(json["results"]![0]!["exception_info"]!["raised_exception"]!.GetValue<bool>());
        Assert.Contains("`price`", Runs.ExceptionMessage(json), StringComparison.Ordinal);
        Assert.True(Runs.Success(json, 1)); // the other expectation still ran
    }

    private static bool Within(DateTimeOffset value, string? min, string? max, bool strictMin, bool strictMax) =>
        (min is null || (strictMin ? value > Reference.Instant(min) : value >= Reference.Instant(min)))
        && (max is null || (strictMax ? value < Reference.Instant(max) : value <= Reference.Instant(max)));
}
