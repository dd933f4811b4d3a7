using Apache.Arrow.Types;
using Dq.Expectations.Suites;
using Dq.Expectations.Suites.Parameters;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Suites.Parameters;

/// <summary>
/// <c>{"$PARAMETER": ...}</c> kwargs: named run parameters and GX's expressions, evaluated against a fixed now(); errors
/// are configuration errors naming the expectation and the kwarg.
/// </summary>
public sealed class SuiteParameterTests
{
    private static readonly DateTime s_now = new(2024, 3, 1, 12, 0, 0);

    [Theory]
    [InlineData("now()", "2024-03-01T12:00:00")]
    [InlineData("now() - timedelta(weeks=52)", "2023-03-03T12:00:00")]
    [InlineData("now() + timedelta(days=1, hours=2, minutes=3, seconds=4)", "2024-03-02T14:03:04")]
    [InlineData("datetime(2003, 1, 1)", "2003-01-01T00:00:00")]
    [InlineData("datetime(2003, 1, 2, 3, 4, 5) - timedelta(hours=4)", "2003-01-01T23:04:05")]
    [InlineData("date(2020, 2, 29) + timedelta(weeks=1) * 2", "2020-03-14T00:00:00")]
    [InlineData("now() - (timedelta(days=1) + timedelta(days=1))", "2024-02-28T12:00:00")]
    public void Resolve_DateExpressions_AreDatesRelativeToFixedNow(string expression, string expected)
    {
        var value = new SuiteParameters(now: s_now).Resolve(expression);

        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Fact]
    public void Resolve_DateMinusDate_IsTimedelta()
    {
        Assert.Equal(s_now - new DateTime(2024, 1, 1), new SuiteParameters(now: s_now).Resolve("now() - datetime(2024, 1, 1)"));
    }

    [Theory]
    [InlineData("(1 + 2) * 3", 9.0)]
    [InlineData("limit / 4 - 0.5", 2.0)]
    [InlineData("-limit + 1", -9.0)]
    [InlineData("  limit  ", 10L)]
    public void Resolve_NumbersAndNamedParameters_Arithmetic(string expression, object expected)
    {
        var parameters = new SuiteParameters(new Dictionary<string, object?> { ["limit"] = 10L }, s_now);

        Assert.Equal(expected, parameters.Resolve(expression));
    }

    [Theory]
    [InlineData(-6, true)]
    [InlineData(-8, false)]
    public void MaxBound_NowMinusOneWeek_JudgesAgainstFixedNow(int days, bool expected)
    {
        var suite = Parse("\"column\": \"t\", \"min_value\": {\"$PARAMETER\": \"now() - timedelta(weeks=1)\"}", new SuiteParameters(now: s_now));
        var batch = Arrays.Batch(("t", Arrays.Timestamp(TimeUnit.Second, [new DateTimeOffset(s_now.AddDays(days)), new DateTimeOffset(s_now.AddDays(-30))])));

        var json = Runs.Json(batch, suite);

        Assert.Equal(expected, Runs.Success(json));
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void MaxBound_NamedParameter_JudgesAgainstItsValue(long max, bool expected)
    {
        var suite = Parse("\"column\": \"n\", \"max_value\": {\"$PARAMETER\": \"limit\"}", new SuiteParameters(new Dictionary<string, object?> { ["limit"] = 10L }));

        var json = Runs.Json(Arrays.Batch(("n", Arrays.Int64([1, max, null]))), suite);

        Assert.Equal(expected, Runs.Success(json));
    }

    /// <summary>A named parameter given from code as an int (the docs: "numbers") is a number like a long.</summary>
    [Fact]
    public void MaxBound_NamedIntParameter_IsANumber()
    {
        var suite = Parse("\"column\": \"n\", \"max_value\": {\"$PARAMETER\": \"limit\"}", new SuiteParameters(new Dictionary<string, object?> { ["limit"] = 10 }));

        var json = Runs.Json(Arrays.Batch(("n", Arrays.Int64([1, 10]))), suite);

        Assert.True(Runs.Success(json));
    }

    [Theory]
    [InlineData("missing_name")]
    [InlineData("now( - 1")]
    [InlineData("now() +")]
    [InlineData("datetime(2003, 1)")]
    [InlineData("yesterday()")]
    [InlineData("timedelta(days=1) * now()")]
    [InlineData("now() now()")]
    [InlineData("")]
    public void Parameter_UnknownNameOrBadSyntax_ConfigurationErrorNamingExpectationAndKwarg(string expression)
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            Parse($"\"column\": \"n\", \"max_value\": {{\"$PARAMETER\": \"{expression}\"}}", new SuiteParameters(now: s_now)));

        Assert.Contains("expectation 0 (`expect_column_max_to_be_between`) of suite", error.Message, StringComparison.Ordinal);
        Assert.Contains("kwarg `max_value`", error.Message, StringComparison.Ordinal);
    }

    /// <summary>datetime(2003, 13, 1) is a ValueError in Python: a configuration error here, not an escaping .NET exception.</summary>
    [Theory]
    [InlineData("datetime(2003, 13, 1)")]
    [InlineData("datetime(2003, 2, 30)")]
    [InlineData("datetime(1, 1, 1) - timedelta(days=1)")]
    public void Parameter_ImpossibleDate_ConfigurationErrorNamingKwarg(string expression)
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            Parse($"\"column\": \"n\", \"min_value\": {{\"$PARAMETER\": \"{expression}\"}}", new SuiteParameters(now: s_now)));

        Assert.Contains("kwarg `min_value`", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Python's timedelta has no `months`: a typo'd unit must not silently become a zero duration.</summary>
    [Theory]
    [InlineData("now() - timedelta(months=1)")]
    [InlineData("now() - timedelta(day=1)")]
    public void Parameter_UnknownTimedeltaUnit_ConfigurationError(string expression)
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            Parse($"\"column\": \"n\", \"min_value\": {{\"$PARAMETER\": \"{expression}\"}}", new SuiteParameters(now: s_now)));

        Assert.Contains("kwarg `min_value`", error.Message, StringComparison.Ordinal);
    }

    private static ExpectationSuite Parse(string kwargs, SuiteParameters parameters) => SuiteJson.Parse(
        $$$"""{"name": "p", "expectations": [{"type": "expect_column_max_to_be_between", "kwargs": { {{{kwargs}}} } }]}""", "suite", parameters);
}
