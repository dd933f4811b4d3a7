using System.Text.Json.Nodes;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Conditions;

public sealed class FilteredExpectationTests
{
    private static ExpectationSuite Suite(string json) => SuiteJson.Parse(json, "filtered.json");

    [Fact]
    public void RowCondition_CountsOnlySelectedRows_AndKeepsTableRowIndexes()
    {
        long?[] amounts = [5, -1, 7, -2, null, -3];
        string?[] status = ["ok", "ok", "void", "void", "ok", "ok"];
        var batch = Arrays.Batch(("amount", Arrays.Int64(amounts)), ("status", Arrays.String(status)));
        var suite = Suite("""
            {"name": "f", "expectations": [{"type": "expect_column_values_to_be_between",
             "kwargs": {"column": "amount", "min_value": 0, "row_condition": "status == 'ok'", "condition_parser": "pandas"}}]}
            """);

        var json = Runs.Json(batch, suite);
        var result = Runs.Result(json);

        var selected = Enumerable.Range(0, amounts.Length).Where(i => status[i] == "ok").ToList();
        Assert.Equal(selected.Count, result["element_count"]!.GetValue<long>());
        Assert.Equal(selected.Count(i => amounts[i] is null), result["missing_count"]!.GetValue<long>());
        Assert.Equal(selected.Where(i => amounts[i] < 0).Select(i => (long)i), Runs.UnexpectedIndexes(json));
    }

    [Fact]
    public void RowCondition_OnTableRowCount_CountsSelectedRows()
    {
        var batch = Arrays.Batch(("x", Arrays.Int64([1, 2, 3, 4, null])));
        var suite = Suite("""{"name": "f", "expectations": [{"type": "expect_table_row_count_to_equal", "kwargs": {"value": 2, "row_condition": "x > 2"}}]}""");

        var json = Runs.Json(batch, suite);

        Assert.True(Runs.Success(json));
        Assert.Equal(2, Runs.Result(json)["observed_value"]!.GetValue<long>());
    }

    [Fact]
    public void RowCondition_ReadingAMissingColumn_IsAFailedResultNamingIt()
    {
        var batch = Arrays.Batch(("x", Arrays.Int64([1, 2])));
        var suite = Suite("""{"name": "f", "expectations": [{"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "x", "row_condition": "q == 1"}}]}""");

        var json = Runs.Json(batch, suite);

        Assert.False(Runs.Success(json));
        Assert.Contains("reads column `q`, which is not in the data", Runs.ExceptionMessage(json), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"condition_parser\": \"bad_parser\"", "condition_parser")]
    [InlineData("\"row_condition\": \"x ==\"", "position 5")]
    public void RowCondition_Invalid_IsAConfigurationErrorNamingTheExpectation(string kwarg, string expected)
    {
        var json = "{\"name\": \"f\", \"expectations\": [{\"type\": \"expect_column_values_to_not_be_null\", \"kwargs\": {\"column\": \"x\", " + kwarg + "}}]}";

        var error = Assert.Throws<ConfigurationException>(() => Suite(json));

        Assert.Contains("expectation 0 (`expect_column_values_to_not_be_null`) of filtered.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RowCondition_SameFilterTwice_EvaluatedForOneScan()
    {
        var batch = Arrays.Batch(("x", Arrays.Int64([1, 2, 3])), ("y", Arrays.String(["a", "b", "a"])));
        var suite = Suite("""
            {"name": "f", "expectations": [
              {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "x", "row_condition": "y == 'a'"}},
              {"type": "expect_column_values_to_be_between", "kwargs": {"column": "x", "min_value": 0, "row_condition": "(y=='a')"}}]}
            """);

        var (json, statistics) = Runs.Validate(batch.Schema, [batch], suite);

        Assert.Equal(1, statistics.ColumnScans);
        Assert.All(json["results"]!.AsArray(), r => Assert.Equal(2, r!["result"]!["element_count"]!.GetValue<long>()));
    }
}
