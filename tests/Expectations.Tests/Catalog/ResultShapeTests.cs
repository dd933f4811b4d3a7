using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Catalog;

/// <summary>Result formats, missing columns, table expectations and severity.</summary>
public sealed class ResultShapeTests
{
    [Fact]
    public void BooleanOnly_FailedExpectation_HasNoResultDetails()
    {
        var batch = Arrays.Batch(("a", Arrays.Int64([1, 5])));
        var suite = ExpectationSuite.Create("t").ExpectColumnValuesToBeBetween("a", 0, 2).WithResultFormat(ResultFormatLevel.BooleanOnly).Build();

        var result = Validator.Validate(batch, suite);

        Assert.False(result.Results[0].Success);
        Assert.Null(result.Results[0].Result);
        Assert.Empty(Runs.Result(ValidationResultJson.ToNode(result)));
    }

    [Theory]
    [InlineData(ResultFormatLevel.Basic, false, false)]
    [InlineData(ResultFormatLevel.Summary, true, false)]
    [InlineData(ResultFormatLevel.Complete, true, true)]
    public void ResultFormatLevels_HaveTheirFields(ResultFormatLevel level, bool summary, bool complete)
    {
        var batch = Arrays.Batch(("a", Arrays.Int64(Enumerable.Range(0, 30).Select(i => (long?)i))));
        var suite = ExpectationSuite.Create("t").ExpectColumnValuesToBeBetween("a", 100, 200).Build();

        var result = Runs.Result(Runs.Json(batch, suite, options: new ValidationOptions { ResultFormat = new ResultFormat(level) }));

        Assert.Equal(20, result["partial_unexpected_list"]!.AsArray().Count); // the first 20 of 30
        Assert.Equal(summary, result.ContainsKey("partial_unexpected_counts"));
        Assert.Equal(summary, result.ContainsKey("partial_unexpected_index_list"));
        Assert.Equal(complete, result.ContainsKey("unexpected_list"));
        Assert.Equal(complete ? 30 : 0, complete ? result["unexpected_index_list"]!.AsArray().Count : 0);
    }

    [Fact]
    public void PartialUnexpectedCount_LimitsThePartialListToTheFirstRows()
    {
        var suite = SuiteJson.Parse("""
            {"name": "t", "expectations": [{"type": "expect_column_values_to_be_in_set",
              "kwargs": {"column": "a", "value_set": [], "result_format": {"result_format": "SUMMARY", "partial_unexpected_count": 3}}}]}
            """);

        var result = Runs.Result(Runs.Json(Arrays.Batch(("a", Arrays.String(["e", "d", null, "c", "b", "a"]))), suite));

        Assert.Equal("""["e","d","c"]""", result["partial_unexpected_list"]!.ToJsonString());
        Assert.Equal("[0,1,3]", result["partial_unexpected_index_list"]!.ToJsonString());
    }

    [Theory]
    [InlineData("expect_column_values_to_not_be_null")]
    [InlineData("expect_column_values_to_be_unique")]
    [InlineData("expect_column_values_to_be_between")]
    [InlineData("expect_column_values_to_be_in_set")]
    public void MissingColumn_FailedResultWithExceptionInfoNamingItAndListingTheColumns(string type)
    {
        var kwargs = new Dictionary<string, object?> { ["column"] = "Price" };
        if (type.EndsWith("between", StringComparison.Ordinal))
        {
            kwargs["min_value"] = 0;
        }
        if (type.EndsWith("set", StringComparison.Ordinal))
        {
            kwargs["value_set"] = new[] { 1 };
        }
        var suite = ExpectationSuite.Create("t").Expect(type, kwargs).ExpectTableRowCountToEqual(2).Build();

        var json = Runs.Json(Arrays.Batch(("price", Arrays.Int64([1, 2])), ("qty", Arrays.Int64([3, 4]))), suite);

        Assert.False(Runs.Success(json));
        Assert.True(json["results"]![0]!["exception_info"]!["raised_exception"]!.GetValue<bool>());
        var message = Runs.ExceptionMessage(json)!;
        Assert.Contains("`Price`", message, StringComparison.Ordinal);
        Assert.Contains("`price`, `qty`", message, StringComparison.Ordinal);
        Assert.True(Runs.Success(json, 1));
    }

    [Theory]
    [InlineData(3, 3, false, false, true)]   // equal to both bounds, inclusive
    [InlineData(3, 3, true, false, false)]   // strict min: 3 > 3 fails
    [InlineData(null, 2, false, false, false)]
    [InlineData(null, null, false, false, true)]
    public void TableRowCountBetween_BoundsInclusiveUnlessStrict(int? min, int? max, bool strictMin, bool strictMax, bool success)
    {
        var kwargs = new Dictionary<string, object?> { ["min_value"] = min, ["max_value"] = max, ["strict_min"] = strictMin, ["strict_max"] = strictMax };
        var suite = ExpectationSuite.Create("t").Expect("expect_table_row_count_to_be_between", kwargs).Build();

        var json = Runs.Json(Arrays.Batch(("a", Arrays.Int64([1, null, 3]))), suite);

        Assert.Equal(success, Runs.Success(json));
        Assert.Equal(3, Runs.Result(json)["observed_value"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("b", null, true)]
    [InlineData("b", 1, true)]
    [InlineData("b", 0, false)]
    [InlineData("B", null, false)]
    public void ColumnToExist_NameAndZeroBasedIndex(string column, int? index, bool success)
    {
        var suite = ExpectationSuite.Create("t").ExpectColumnToExist(column, index).Build();

        var json = Runs.Json(Arrays.Batch(("a", Arrays.Int64([1])), ("b", Arrays.Int64([2]))), suite);

        Assert.Equal(success, Runs.Success(json));
    }

    [Fact]
    public void WarnSeverity_FailureDoesNotFailTheValidation()
    {
        var suite = ExpectationSuite.Create("t").ExpectTableRowCountToEqual(5).AsWarning().ExpectTableRowCountToEqual(1).Build();

        var result = Validator.Validate(Arrays.Batch(("a", Arrays.Int64([1]))), suite);

        Assert.True(result.Success);
        Assert.Equal(1, result.Statistics.UnsuccessfulExpectations);
    }
}
