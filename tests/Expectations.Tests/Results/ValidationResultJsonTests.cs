using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Apache.Arrow.Types;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Results;

/// <summary>The GX 1.x validation-result JSON: values JSON cannot hold, and the shape of the document.</summary>
public sealed class ValidationResultJsonTests
{
    [Fact]
    public void ToJson_NaNAndInfinities_WrittenAsStringsAndTheOutputParses()
    {
        double?[] values = [0.5, double.NaN, double.PositiveInfinity, null, double.NegativeInfinity, 2.5];
        var suite = ExpectationSuite.Create("t").ExpectColumnValuesToBeBetween("x", 0, 1).ExpectColumnValuesToNotBeInSet("x", [0.5]).Build();
        var result = Validator.Validate(Arrays.Batch(("x", Arrays.Double(values))), suite, Runs.Complete);

        var text = ValidationResultJson.ToJson(result);

        using var document = JsonDocument.Parse(text); // strict JSON: would throw on a bare NaN
        var expected = values.OfType<double>().Where(v => !(v >= 0 && v <= 1)).Select(Expected);
        Assert.Equal(expected, document.RootElement.GetProperty("results")[0].GetProperty("result").GetProperty("unexpected_list").EnumerateArray().Select(e => e.ToString()));
    }

    [Fact]
    public void BadRows_TravelInTheRunMeta_AndReadBack()
    {
        var suite = ExpectationSuite.Create("t").ExpectColumnValuesToNotBeNull("x").Build();
        var result = Validator.Validate(Arrays.Batch(("x", Arrays.Int64([1]))), suite, Runs.Complete)
            .WithBadRows(new BadRows(3, [4, 9, 12], "line 4 has 3 fields; the header has 2"));

        var json = JsonNode.Parse(ValidationResultJson.ToJson(result))!;
        var back = ValidationResultJson.Read(ValidationResultJson.ToJson(result));

        Assert.Equal(3, json["meta"]!["bad_rows"]!["count"]!.GetValue<long>());
        Assert.Equal([4L, 9L, 12L], json["meta"]!["bad_rows"]!["first_lines"]!.AsArray().Select(n => n!.GetValue<long>()));
        Assert.Equal("line 4 has 3 fields; the header has 2", json["meta"]!["bad_rows"]!["first_reason"]!.GetValue<string>());
        Assert.Equal(3, back.Run.BadRows.Count);
        Assert.Equal([4L, 9L, 12L], back.Run.BadRows.FirstLines);
        Assert.Equal(result.Run.BadRows.FirstReason, back.Run.BadRows.FirstReason);
    }

    [Fact]
    public void NoBadRows_NoBadRowsMember()
    {
        var suite = ExpectationSuite.Create("t").ExpectColumnValuesToNotBeNull("x").Build();
        var result = Validator.Validate(Arrays.Batch(("x", Arrays.Int64([1]))), suite, Runs.Complete);

        var json = JsonNode.Parse(ValidationResultJson.ToJson(result))!;

        Assert.Null(json["meta"]!["bad_rows"]);
        Assert.Equal(0, ValidationResultJson.Read(ValidationResultJson.ToJson(result)).Run.BadRows.Count);
    }

    [Fact]
    public void ToJson_DatesAndTimestamps_WrittenAsIsoText()
    {
        var day = new DateOnly(2024, 2, 29);
        var instant = new DateTimeOffset(2024, 3, 1, 10, 30, 15, TimeSpan.Zero);
        var batch = Arrays.Batch(("d", Arrays.Date32([day])), ("t", Arrays.Timestamp(TimeUnit.Millisecond, [instant])), ("z", Arrays.Timestamp(TimeUnit.Second, [instant], "+02:00")));
        var suite = ExpectationSuite.Create("t")
            .ExpectColumnValuesToBeNull("d").ExpectColumnValuesToBeNull("t").ExpectColumnValuesToBeNull("z").Build();

        var json = Runs.Json(batch, suite);

        Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Runs.Result(json, 0)["unexpected_list"]![0]!.GetValue<string>());
        Assert.Equal("2024-03-01T10:30:15", Runs.Result(json, 1)["unexpected_list"]![0]!.GetValue<string>());
        Assert.Equal(instant, DateTimeOffset.Parse(Runs.Result(json, 2)["unexpected_list"]![0]!.GetValue<string>(), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void ToJson_Shape_HasGxValidationResultFields()
    {
        var suite = ExpectationSuite.Create("shape")
            .ExpectColumnValuesToNotBeNull("a").WithMeta("notes", "n")
            .ExpectColumnValuesToBeBetween("missing", 0, 1)
            .ExpectTableRowCountToEqual(3)
            .Build();
        var batch = Arrays.Batch(("a", Arrays.Int64([1, null, 3])));

        var json = ValidationResultJson.ToNode(Validator.Validate(batch, suite, new ValidationOptions { RunId = "r1" }));

        Assert.False(json["success"]!.GetValue<bool>());
        Assert.Equal("shape", json["suite_name"]!.GetValue<string>());
        var results = json["results"]!.AsArray();
        Assert.Equal(3, results.Count);
        foreach (var r in results)
        {
            Assert.Contains(r!["success"]!.GetValueKind(), new[] { JsonValueKind.True, JsonValueKind.False });
            Assert.IsType<JsonObject>(r["expectation_config"]!["kwargs"]);
            Assert.IsType<JsonObject>(r["expectation_config"]!["meta"]);
            Assert.IsType<JsonObject>(r["result"]);
            Assert.IsType<JsonObject>(r["exception_info"]);
        }
        Assert.Equal("expect_column_values_to_not_be_null", results[0]!["expectation_config"]!["type"]!.GetValue<string>());
        Assert.Equal("a", results[0]!["expectation_config"]!["kwargs"]!["column"]!.GetValue<string>());
        Assert.Equal("n", results[0]!["expectation_config"]!["meta"]!["notes"]!.GetValue<string>());
        Assert.False(results[0]!["exception_info"]!["raised_exception"]!.GetValue<bool>());
        Assert.True(results[1]!["exception_info"]!["raised_exception"]!.GetValue<bool>());
        Assert.Equal(3, results[2]!["result"]!["observed_value"]!.GetValue<long>());

        var statistics = json["statistics"]!;
        Assert.Equal(3, statistics["evaluated_expectations"]!.GetValue<int>());
        Assert.Equal(1, statistics["successful_expectations"]!.GetValue<int>());
        Assert.Equal(2, statistics["unsuccessful_expectations"]!.GetValue<int>());
        Assert.Equal(100.0 / 3, statistics["success_percent"]!.GetValue<double>(), 9);
        Assert.Equal("r1", json["meta"]!["run_id"]!.GetValue<string>());
        Assert.Equal(3, json["meta"]!["row_count"]!.GetValue<long>());
        Assert.NotNull(json["meta"]!["run_time"]);
    }

    [Fact]
    public void Write_ToStream_SameAsToJson()
    {
        var suite = ExpectationSuite.Create("t").ExpectTableRowCountToEqual(1).Build();
        var result = Validator.Validate(Arrays.Batch(("a", Arrays.Int64([1]))), suite);
        using var stream = new MemoryStream();

        ValidationResultJson.Write(result, stream);

        Assert.Equal(ValidationResultJson.ToJson(result), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static string Expected(double value) => double.IsNaN(value) ? "NaN"
        : double.IsPositiveInfinity(value) ? "Infinity"
        : double.IsNegativeInfinity(value) ? "-Infinity"
        : value.ToString(CultureInfo.InvariantCulture);
}
