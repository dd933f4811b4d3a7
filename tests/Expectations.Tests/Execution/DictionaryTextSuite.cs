using Dq.Expectations.Suites;

namespace Dq.Expectations.Tests.Execution;

/// <summary>
/// Every expectation that reads a text column, on text column <c>t</c> (and <c>u</c>, with int64 <c>n</c>, for
/// multi-column checks and row conditions); those that do not apply to text report why, and must report it alike.
/// </summary>
internal static class DictionaryTextSuite
{
    /// <summary>The values the random columns draw from: each check finds some of them unexpected.</summary>
    public static readonly string[] Pool =
    [
        "a", "b", "B", "ab", "abc", "", " a", "zz", "é", "ß", "\U0001F600", "a\U0001F600", "\uffff",
        "1", "1.5", "-2", "true", "null", "{\"a\": 1}", "[1, 2]", "{\"a\": \"x\"}", "{bad json",
        "2024-01-31", "2024-13-01", "31/01/2024", "Jan 5 2020", "12:30", "xyz123",
    ];

    public static ExpectationSuite Build()
    {
        var b = ExpectationSuite.Create("text");
        b.ExpectColumnValuesToNotBeNull("t")
            .ExpectColumnValuesToBeNull("t", mostly: 0.1)
            .ExpectColumnValuesToBeInSet("t", ["a", "b", "", "é", "2024-01-31", "\U0001F600"])
            .ExpectColumnValuesToNotBeInSet("t", ["ab", "zz", "1"])
            .ExpectColumnValuesToBeBetween("t", "B", "zz")
            .ExpectColumnValuesToBeBetween("t", min: "a", strictMin: true, mostly: 0.5)
            .ExpectColumnValueLengthsToBeBetween("t", 1, 3)
            .ExpectColumnValueLengthsToEqual("t", 1)
            .ExpectColumnValuesToMatchRegex("t", "^[a-z]+$")
            .ExpectColumnValuesToNotMatchRegex("t", "\\d")
            .ExpectColumnValuesToMatchRegexList("t", ["^a", "b$"], matchAll: true)
            .ExpectColumnValuesToNotMatchRegexList("t", ["^a", "^\\{"])
            .ExpectColumnValuesToMatchStrftimeFormat("t", "%Y-%m-%d")
            .ExpectColumnValuesToBeJsonParseable("t")
            .ExpectColumnValuesToMatchJsonSchema("t", """{"type": "object", "properties": {"a": {"type": "integer"}}}""")
            .ExpectColumnValuesToBeDateutilParseable("t")
            .ExpectColumnValuesToBeUnique("t")
            .ExpectColumnValuesToBeIncreasing("t")
            .ExpectColumnValuesToBeDecreasing("t", strictly: true)
            .ExpectColumnValuesToBeOfType("t", "str")
            .ExpectColumnValuesToBeOfType("t", "int")
            .ExpectColumnValuesToBeInTypeList("t", ["int", "string_types"])
            .ExpectColumnValuesToBeInTypeList("t", ["object"])
            .ExpectColumnValueZScoresToBeLessThan("t", 3)
            .ExpectColumnPairValuesToBeEqual("t", "u")
            .ExpectColumnPairValuesAToBeGreaterThanB("t", "u", orEqual: true, ignoreRowIf: "either_value_is_missing")
            .ExpectColumnPairValuesToBeInSet("t", "u", [("a", "a"), ("b", "é"), ("", "1")])
            .ExpectCompoundColumnsToBeUnique(["t", "u"])
            .ExpectSelectColumnValuesToBeUniqueWithinRecord(["t", "u"], ignoreRowIf: "any_value_is_missing")
            .ExpectMulticolumnSumToEqual(["n", "t"], 3);
        foreach (var (type, kwargs) in ByKwargs())
        {
            b.Expect(type, kwargs);
        }
        return b.Build();
    }

    private static IEnumerable<(string Type, Dictionary<string, object?> Kwargs)> ByKwargs()
    {
        // Row conditions that read the text columns.
        yield return ("expect_column_values_to_be_in_set", new() { ["column"] = "n", ["value_set"] = new[] { 0, 1, 2 }, ["row_condition"] = "t == 'a'" });
        yield return ("expect_column_values_to_not_be_null", new() { ["column"] = "n", ["row_condition"] = "t.isnull()" });
        yield return ("expect_column_values_to_be_between", new() { ["column"] = "t", ["min_value"] = "a", ["max_value"] = "b", ["row_condition"] = "u > 'b'" });
        yield return ("expect_column_values_to_be_unique", new() { ["column"] = "u", ["row_condition"] = "t.notnull() and n != 1" });
        yield return ("expect_column_values_to_match_regex", new() { ["column"] = "u", ["regex"] = "^[ab]", ["row_condition"] = "t is null or t < 'b'" });
        yield return ("expect_column_min_to_be_between", new() { ["column"] = "t", ["min_value"] = "a", ["max_value"] = "b" });
        yield return ("expect_column_max_to_be_between", new() { ["column"] = "t", ["min_value"] = "b" });
        yield return ("expect_column_distinct_values_to_be_in_set", new() { ["column"] = "t", ["value_set"] = new[] { "a", "b", "é" } });
        yield return ("expect_column_distinct_values_to_contain_set", new() { ["column"] = "t", ["value_set"] = new[] { "a", "" } });
        yield return ("expect_column_distinct_values_to_equal_set", new() { ["column"] = "u", ["value_set"] = new[] { "a", "b" } });
        yield return ("expect_column_unique_value_count_to_be_between", new() { ["column"] = "t", ["min_value"] = 2, ["max_value"] = 6 });
        yield return ("expect_column_proportion_of_unique_values_to_be_between", new() { ["column"] = "t", ["min_value"] = 0.1, ["max_value"] = 0.5 });
        yield return ("expect_column_most_common_value_to_be_in_set", new() { ["column"] = "t", ["value_set"] = new[] { "a", "b" } });
        yield return ("expect_column_median_to_be_between", new() { ["column"] = "t", ["min_value"] = 0, ["max_value"] = 1 });
        yield return ("expect_column_mean_to_be_between", new() { ["column"] = "t", ["min_value"] = 0 });
        yield return ("expect_column_sum_to_be_between", new() { ["column"] = "t", ["min_value"] = 0 });
        yield return ("expect_column_stdev_to_be_between", new() { ["column"] = "t", ["min_value"] = 0 });
        yield return ("expect_column_quantile_values_to_be_between", new()
        {
            ["column"] = "t",
            ["quantile_ranges"] = System.Text.Json.Nodes.JsonNode.Parse("""{"quantiles": [0.5], "value_ranges": [["a", "b"]]}"""),
        });
        yield return ("expect_column_kl_divergence_to_be_less_than", new()
        {
            ["column"] = "t",
            ["partition_object"] = System.Text.Json.Nodes.JsonNode.Parse("""{"values": ["a", "b", "é"], "weights": [0.5, 0.25, 0.25]}"""),
            ["threshold"] = 0.5,
        });
        yield return ("expect_column_values_to_be_in_set", new() { ["column"] = "t", ["value_set"] = new[] { "a", "b" }, ["result_format"] = "SUMMARY" });
        yield return ("expect_column_values_to_be_unique", new() { ["column"] = "u", ["result_format"] = "BASIC" });
    }
}
