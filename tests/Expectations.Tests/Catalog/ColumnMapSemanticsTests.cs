using System.Text.Json.Nodes;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Catalog;

/// <summary>GX's column map semantics on small tables; every expected number is worked out in the comment beside it.</summary>
public sealed class ColumnMapSemanticsTests
{
    [Fact]
    public void HugeTextValues_AreCutInSamples_ButCountedWhole()
    {
        // A 60,000-character value (a whole document in one cell) is unexpected for both checks; the samples keep its
        // first 10,000 characters and an ellipsis, while the length check judged all 60,000.
        string huge = new('y', 60_000);

        var json = Runs.Json(Arrays.Batch(("b", Arrays.String(["ok", huge]))), ExpectationSuite.Create("huge").ExpectColumnValueLengthsToBeBetween("b", 0, 10).Build(),
            options: new ValidationOptions { ResultFormat = new Dq.Expectations.Results.ResultFormat(Dq.Expectations.Results.ResultFormatLevel.Complete) });

        var result = Runs.Result(json);
        Assert.Equal(1, result["unexpected_count"]!.GetValue<long>());
        string sample = result["partial_unexpected_list"]![0]!.GetValue<string>();
        Assert.Equal(new string('y', 10_000) + "…", sample);
        Assert.Equal(sample, result["unexpected_list"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData(2, true)]   // 8 of 10 present: 0.8 ≥ 0.8
    [InlineData(3, false)]  // 7 of 10 present: 0.7 < 0.8
    public void NotBeNull_MostlyAtExactBoundary_PassesOnlyWhenEqualOrAbove(int nulls, bool success)
    {
        var values = Enumerable.Range(0, 10).Select(i => i < nulls ? null : (long?)i);

        var json = Run(("a", Arrays.Int64(values)), s => s.ExpectColumnValuesToNotBeNull("a", mostly: 0.8));

        Assert.Equal(success, Runs.Success(json));
    }

    [Fact]
    public void Between_NullsSkipped_CountedAsMissingAndLeftOutOfThePercent()
    {
        // [1, 2, 3, 4, null] in [1, 3]: 4 is unexpected; 1 of 4 non-null = 25 %, of 5 rows = 20 %; 1 missing = 20 %.
        var json = Run(("a", Arrays.Int64([1, 2, 3, 4, null])), s => s.ExpectColumnValuesToBeBetween("a", 1, 3));

        var result = Runs.Result(json);
        Assert.False(Runs.Success(json));
        Assert.Equal(5, result["element_count"]!.GetValue<long>());
        Assert.Equal(1, result["missing_count"]!.GetValue<long>());
        Assert.Equal(20.0, result["missing_percent"]!.GetValue<double>());
        Assert.Equal(1, result["unexpected_count"]!.GetValue<long>());
        Assert.Equal(25.0, result["unexpected_percent"]!.GetValue<double>());
        Assert.Equal(20.0, result["unexpected_percent_total"]!.GetValue<double>());
        Assert.Equal(25.0, result["unexpected_percent_nonmissing"]!.GetValue<double>());
        Assert.Equal("[4]", result["partial_unexpected_list"]!.ToJsonString());
    }

    [Theory]
    [InlineData(0.75, true)]   // 3 of 4 non-null in range: 0.75 ≥ 0.75 (the null is not in the denominator)
    [InlineData(0.76, false)]
    public void Between_MostlyCountsOnlyNonNullRows(double mostly, bool success)
    {
        var json = Run(("a", Arrays.Int64([1, 2, 3, 4, null])), s => s.ExpectColumnValuesToBeBetween("a", 1, 3, mostly: mostly));

        Assert.Equal(success, Runs.Success(json));
    }

    [Fact]
    public void ToBeNull_DenominatorIsEveryRow_NoMissingFields()
    {
        // [null, 1, null, 2]: the 2 values are unexpected, 2 of 4 rows = 50 %.
        var json = Run(("a", Arrays.Int64([null, 1, null, 2])), s => s.ExpectColumnValuesToBeNull("a"));

        var result = Runs.Result(json);
        Assert.Equal(2, result["unexpected_count"]!.GetValue<long>());
        Assert.Equal(50.0, result["unexpected_percent"]!.GetValue<double>());
        Assert.Equal("[1,2]", result["partial_unexpected_list"]!.ToJsonString());
        Assert.False(result.ContainsKey("missing_count"));
        Assert.False(result.ContainsKey("unexpected_percent_nonmissing"));
    }

    [Fact]
    public void NotBeNull_DenominatorIsEveryRow_UnexpectedValuesAreNull()
    {
        // [null, 1, 2, null, 3, 4, 5, 6]: 2 of 8 rows = 25 %.
        var json = Run(("a", Arrays.Int64([null, 1, 2, null, 3, 4, 5, 6])), s => s.ExpectColumnValuesToNotBeNull("a"));

        var result = Runs.Result(json);
        Assert.Equal(2, result["unexpected_count"]!.GetValue<long>());
        Assert.Equal(25.0, result["unexpected_percent"]!.GetValue<double>());
        Assert.Equal("[null,null]", result["partial_unexpected_list"]!.ToJsonString());
        Assert.Equal("[0,3]", result["unexpected_index_list"]!.ToJsonString());
        Assert.False(result.ContainsKey("missing_count"));
    }

    [Fact]
    public void Unique_DuplicateGroups_EveryMemberIncludingTheFirstIsUnexpected()
    {
        // [1, 2, 1, 3, 1, 2, null, 4]: groups {1: rows 0, 2, 4} and {2: rows 1, 5}; 5 of 7 non-null.
        var json = Run(("a", Arrays.Int64([1, 2, 1, 3, 1, 2, null, 4])), s => s.ExpectColumnValuesToBeUnique("a"));

        var result = Runs.Result(json);
        Assert.Equal("[0,1,2,4,5]", result["unexpected_index_list"]!.ToJsonString());
        Assert.Equal("[1,2,1,1,2]", result["unexpected_list"]!.ToJsonString());
        Assert.Equal(100.0 * 5 / 7, result["unexpected_percent"]!.GetValue<double>(), 12);
        Assert.Equal(1, result["missing_count"]!.GetValue<long>());
    }

    [Fact]
    public void Unique_RepeatedNulls_AreNotDuplicates()
    {
        var json = Run(("a", Arrays.String([null, "x", null, "y", null])), s => s.ExpectColumnValuesToBeUnique("a"));

        Assert.True(Runs.Success(json));
        Assert.Equal(0, Runs.Result(json)["unexpected_count"]!.GetValue<long>());
    }

    [Fact]
    public void InSet_EmptyValueSet_EveryNonNullValueIsUnexpected()
    {
        var json = Run(("a", Arrays.String(["x", null, "y"])), s => s.ExpectColumnValuesToBeInSet("a", Array.Empty<string>()));

        Assert.False(Runs.Success(json));
        Assert.Equal("[0,2]", Runs.Result(json)["unexpected_index_list"]!.ToJsonString());
    }

    [Fact]
    public void NotInSet_EmptyValueSet_NothingIsUnexpected()
    {
        var json = Run(("a", Arrays.String(["x", null, "y"])), s => s.ExpectColumnValuesToNotBeInSet("a", Array.Empty<string>()));

        Assert.True(Runs.Success(json));
        Assert.Equal(0, Runs.Result(json)["unexpected_count"]!.GetValue<long>());
    }

    [Fact]
    public void InSet_NullValueSet_Passes()
    {
        var suite = ExpectationSuite.Create("t").Expect("expect_column_values_to_be_in_set", new Dictionary<string, object?> { ["column"] = "a", ["value_set"] = null }).Build();

        var json = Runs.Json(Arrays.Batch(("a", Arrays.String(["x", "y"]))), suite);

        Assert.True(Runs.Success(json));
        Assert.Equal(0, Runs.Result(json)["unexpected_count"]!.GetValue<long>());
    }

    [Fact]
    public void InSet_MembersByValue_OneEqualsOnePointZeroButNotTheTextOne()
    {
        // int64 [1, 2, 3] against {1.0, "2"}: 1 matches 1.0; "2" is text and matches no number.
        var json = Run(("a", Arrays.Int64([1, 2, 3])), s => s.ExpectColumnValuesToBeInSet("a", new object[] { 1.0, "2" }));

        Assert.Equal("[1,2]", Runs.Result(json)["unexpected_index_list"]!.ToJsonString());
    }

    [Fact]
    public void PartialUnexpectedCounts_MostFrequentFirstTiesByValue()
    {
        // Not in {"z"}: b ×3, a ×2, d ×2, c ×1 → b, then a and d tied (a < d), then c.
        var json = Run(("a", Arrays.String(["d", "b", "a", "b", "c", "a", "b", "d"])), s => s.ExpectColumnValuesToBeInSet("a", ["z"]));

        Assert.Equal("""[{"value":"b","count":3},{"value":"a","count":2},{"value":"d","count":2},{"value":"c","count":1}]""",
            Runs.Result(json)["partial_unexpected_counts"]!.ToJsonString());
    }

    [Fact]
    public void PartialUnexpectedCounts_TiedTextValues_OrderedByCodePoint()
    {
        // U+FFFF sorts before U+1F600 by code point (Python), though not by UTF-16 unit.
        var json = Run(("a", Arrays.String(["\U0001F600", "\uffff"])), s => s.ExpectColumnValuesToBeInSet("a", ["z"]));

        var counts = Runs.Result(json)["partial_unexpected_counts"]!.AsArray().Select(c => c!["value"]!.GetValue<string>());
        Assert.Equal(["\uffff", "\U0001F600"], counts);
    }

    [Fact]
    public void EmptyTable_ColumnMapExpectations_Pass()
    {
        var json = Run(("a", Arrays.Int64([])), s => s.ExpectColumnValuesToBeBetween("a", 1, 2).ExpectColumnValuesToNotBeNull("a").ExpectColumnValuesToBeInSet("a", Array.Empty<int>()));

        Assert.True(json["success"]!.GetValue<bool>());
        Assert.True(Runs.Result(json).ContainsKey("unexpected_percent"));
        Assert.Null(Runs.Result(json)["unexpected_percent"]); // 0 of 0: undefined, written as null
    }

    internal static JsonNode Run((string Name, Apache.Arrow.IArrowArray Array) column, Func<SuiteBuilder, SuiteBuilder> build) =>
        Runs.Json(Arrays.Batch(column), build(ExpectationSuite.Create("semantics")).Build());
}
