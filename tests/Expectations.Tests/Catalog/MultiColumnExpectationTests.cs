using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Catalog;

/// <summary>Kwargs, denominators and result fields of the multi-column expectations.</summary>
public sealed class MultiColumnExpectationTests
{
    [Theory]
    [InlineData(-0.3)]
    [InlineData(1.1)]
    public void Build_MostlyOutsideZeroToOne_ThrowsConfigurationError(double mostly) =>
        Assert.Throws<ConfigurationException>(() => ExpectationSuite.Create("s").ExpectCompoundColumnsToBeUnique(["a", "b"], mostly: mostly).Build());

    [Fact]
    public void Build_PairVocabularyOnColumnList_ThrowsNamingTheAllowedWords()
    {
        var e = Assert.Throws<ConfigurationException>(() => ExpectationSuite.Create("s").ExpectMulticolumnSumToEqual(["a", "b"], 1, "either_value_is_missing").Build());

        Assert.Contains("any_value_is_missing", e.Message);
    }

    [Fact]
    public void Build_ValuePairWithThreeValues_Throws() =>
        Assert.Throws<ConfigurationException>(() => ExpectationSuite.Create("s")
            .Expect("expect_column_pair_values_to_be_in_set", new Dictionary<string, object?> { ["column_A"] = "a", ["column_B"] = "b", ["value_pairs_set"] = new[] { new[] { 1, 2, 3 } } })
            .Build());

    [Fact]
    public void Validate_SkippedRows_AreMissingAndLeaveTheDenominator()
    {
        var batch = Arrays.Batch(("a", Arrays.Double([1, 1, 2, null])), ("b", Arrays.Double([1, 2, null, null])));

        var json = Runs.Json(batch, ExpectationSuite.Create("s").ExpectSelectColumnValuesToBeUniqueWithinRecord(["a", "b"], "any_value_is_missing", mostly: 0.5).Build());

        var result = Runs.Result(json);
        Assert.True(Runs.Success(json));
        Assert.Equal(2, result["missing_count"]!.GetValue<long>());
        Assert.Equal(50.0, result["unexpected_percent"]!.GetValue<double>());
        Assert.Equal(25.0, result["unexpected_percent_total"]!.GetValue<double>());
        Assert.Equal("[{\"value\":{\"a\":1,\"b\":1},\"count\":1}]", result["partial_unexpected_counts"]!.ToJsonString());
    }

    [Fact]
    public void Validate_MissingColumn_ReportsCannotJudge()
    {
        var batch = Arrays.Batch(("a", Arrays.Int64([1])));

        var json = Runs.Json(batch, ExpectationSuite.Create("s").ExpectColumnPairValuesToBeEqual("a", "nope").Build());

        Assert.Contains("`nope`", Runs.ExceptionMessage(json));
    }

    [Fact]
    public void Validate_RowCondition_CountsOnlySelectedRows()
    {
        var batch = Arrays.Batch(("a", Arrays.Int64([1, 2, 3, 4])), ("b", Arrays.Int64([1, 0, 3, 0])));
        var suite = SuiteJson.Parse("""{"name": "s", "expectations": [{"type": "expect_column_pair_values_to_be_equal", "kwargs": {"column_A": "a", "column_B": "b", "row_condition": "a > 1"}}]}""");

        var json = Runs.Json(batch, suite);

        Assert.Equal(3, Runs.Result(json)["element_count"]!.GetValue<long>());
        Assert.Equal([1L, 3L], Runs.UnexpectedIndexes(json));
    }
}
