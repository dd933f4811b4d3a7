using System.Text.Json.Nodes;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Tests.Support;
using static Dq.Expectations.Tests.Catalog.Aggregates.AggregateSuites;

namespace Dq.Expectations.Tests.Catalog.Aggregates;

/// <summary>Empty columns, wrong column kinds, dates, most common values and exactness of integer aggregates.</summary>
public sealed class AggregateEdgeTests
{
    public static TheoryData<string> AggregateTypes => new()
    {
        "column_min_to_be_between", "column_max_to_be_between", "column_mean_to_be_between", "column_median_to_be_between",
        "column_sum_to_be_between", "column_stdev_to_be_between", "column_proportion_of_unique_values_to_be_between",
        "column_quantile_values_to_be_between", "column_most_common_value_to_be_in_set", "column_kl_divergence_to_be_less_than",
    };

    [Theory]
    [MemberData(nameof(AggregateTypes))]
    public void Aggregate_OnlyNullsAndNaN_ObservedNullAndFails(string type)
    {
        var kwargs = type switch
        {
            "column_quantile_values_to_be_between" => "\"quantile_ranges\": {\"quantiles\": [0.5], \"value_ranges\": [[null, null]]}",
            "column_most_common_value_to_be_in_set" => "\"value_set\": [1]",
            "column_kl_divergence_to_be_less_than" => "\"partition_object\": {\"values\": [1], \"weights\": [1]}, \"threshold\": 1",
            _ => "\"min_value\": null",
        };

        foreach (var column in new IArrowArray[] { Arrays.Double([null, double.NaN, null]), Arrays.Int64([null, null]), Arrays.Int64([]) })
        {
            var result = RunOne(column, type, $"\"column\": \"x\", {kwargs}");

            Assert.False(Raised(result), result.ToJsonString());
            Assert.True(result["result"]!.AsObject().ContainsKey("observed_value"), result.ToJsonString());
            Assert.Null(Observed(result));
            Assert.False(Success(result));
        }
    }

    [Theory]
    [InlineData("column_mean_to_be_between")]
    [InlineData("column_sum_to_be_between")]
    [InlineData("column_stdev_to_be_between")]
    [InlineData("column_median_to_be_between")]
    [InlineData("column_quantile_values_to_be_between")]
    public void NumericAggregate_TextColumn_FailedResultWithExceptionInfo(string type)
    {
        var kwargs = type == "column_quantile_values_to_be_between"
            ? "\"quantile_ranges\": {\"quantiles\": [0.5], \"value_ranges\": [[null, null]]}"
            : "\"min_value\": 0";

        var result = RunOne(Arrays.String(["a", "b", null, "c"]), type, $"\"column\": \"x\", {kwargs}");

        Assert.False(Success(result));
        Assert.True(Raised(result));
        Assert.Contains("`x`", result["exception_info"]!["exception_message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"min_value\": \"2001-01-02\", \"max_value\": \"2001-01-02T00:00:00\"", true)]
    [InlineData("\"min_value\": \"2001-01-02T00:00:01\"", false)]
    [InlineData("\"max_value\": \"2001-01-02\", \"strict_max\": true", false)]
    public void Min_DateColumnWithIsoBounds_ComparedAsDates(string bounds, bool expected)
    {
        var dates = Arrays.Date32([new DateOnly(2001, 3, 1), null, new DateOnly(2001, 1, 2), new DateOnly(2002, 1, 1)]);

        var result = RunOne(dates, "column_min_to_be_between", $"\"column\": \"x\", {bounds}");

        Assert.False(Raised(result), result.ToJsonString());
        Assert.Equal(expected, Success(result));
        Assert.Equal("2001-01-02", Observed(result)!.GetValue<string>());
    }

    [Theory]
    [InlineData("\"max_value\": \"2001-01-01T12:00:01\"", true)]
    [InlineData("\"max_value\": \"2001-01-01T12:00:00\"", false)]
    [InlineData("\"min_value\": \"2001-01-01T12:00:01\", \"strict_min\": true", false)]
    public void Max_TimestampColumnWithIsoBounds_ComparedAsInstants(string bounds, bool expected)
    {
        var times = Arrays.Timestamp(TimeUnit.Microsecond, [Reference.Instant("2000-12-31T23:00:00"), Reference.Instant("2001-01-01T12:00:01"), null]);

        var result = RunOne(times, "column_max_to_be_between", $"\"column\": \"x\", {bounds}");

        Assert.False(Raised(result), result.ToJsonString());
        Assert.Equal(expected, Success(result));
    }

    [Theory]
    [InlineData("[\"a\"]", false, false)]
    [InlineData("[\"a\"]", true, true)]
    [InlineData("[\"c\"]", true, false)]
    public void MostCommon_TiedModes_ReportsBothAndNeedsTiesOkay(string set, bool tiesOkay, bool expected)
    {
        string?[] values = ["b", "a", null, null, null, "c", "a", "b"];

        var result = RunOne(Arrays.String(values), "column_most_common_value_to_be_in_set",
            $"\"column\": \"x\", \"value_set\": {set}, \"ties_okay\": {(tiesOkay ? "true" : "false")}");

        Assert.Equal(expected, Success(result));
        Assert.Equal(["a", "b"], Observed(result)!.AsArray().Select(n => n!.GetValue<string>()));
    }

    [Fact]
    public void MostCommon_SingleModeAmongIntegers_MatchesRealSetMember()
    {
        var result = RunOne(Arrays.Int64([5, 7, 7, null, 5, 7]), "column_most_common_value_to_be_in_set", "\"column\": \"x\", \"value_set\": [7.0]");

        Assert.True(Success(result));
        Assert.Equal([7L], Observed(result)!.AsArray().Select(n => n!.GetValue<long>()));
    }

    /// <summary>docs: "sum is exact for integer columns": 2·(2^63 − 1) must not wrap to −2.</summary>
    [Fact]
    public void Sum_Int64BeyondLongRange_IsExact()
    {
        var result = RunOne(Arrays.Int64([long.MaxValue, long.MaxValue]), "column_sum_to_be_between", "\"column\": \"x\", \"min_value\": 0");

        Assert.Equal("18446744073709551614", Observed(result)!.ToJsonString());
        Assert.True(Success(result));
    }

    /// <summary>Extremes of an int64 column are integers: 2^53 + 1 must be reported as itself, not as the double 2^53.</summary>
    [Fact]
    public void Max_Int64BeyondDoublePrecision_ReportsTheExactInteger()
    {
        var result = RunOne(Arrays.Int64([1, (1L << 53) + 1, null]), "column_max_to_be_between", "\"column\": \"x\"");

        Assert.Equal(JsonValue.Create((1L << 53) + 1).ToJsonString(), Observed(result)!.ToJsonString());
    }

    [Fact]
    public void Aggregates_NoBoundsAtAll_Pass()
    {
        foreach (var type in new[] { "min", "max", "mean", "median", "sum", "stdev", "unique_value_count", "proportion_of_unique_values" })
        {
            Assert.True(Success(RunOne(Arrays.Int64([3, 1, 2]), $"column_{type}_to_be_between", "\"column\": \"x\"")), type);
        }
    }

    [Fact]
    public void Mean_BooleanColumn_CountsTrueAsOne()
    {
        var result = RunOne(Arrays.Boolean([true, false, null, true, true]), "column_mean_to_be_between", "\"column\": \"x\"");

        Assert.Equal(0.75, Observed(result)!.GetValue<double>());
    }
}
