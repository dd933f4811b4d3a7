using System.Text.Json.Nodes;
using Dq.Expectations.Catalog;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Tests.Suites;

/// <summary>Reading GX 1.x and 0.x suites, writing 1.x, and the configuration errors a suite can hold.</summary>
public sealed class SuiteJsonTests
{
    private const string Gx1 = """
        {
          "name": "orders",
          "expectations": [
            {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "id", "mostly": 0.95}, "meta": {"severity": "warn"}},
            {"type": "expect_column_values_to_be_between", "kwargs": {"column": "price", "min_value": 0, "max_value": 1.5e3, "strict_min": true}},
            {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "status", "value_set": ["open", "closed"]}, "meta": {}},
            {"type": "expect_table_row_count_to_equal", "kwargs": {"value": 3}}
          ],
          "meta": {"great_expectations_version": "1.3.0"}
        }
        """;

    [Fact]
    public void Parse_Gx1Suite_ReadsNameTypesKwargsAndMeta()
    {
        var suite = SuiteJson.Parse(Gx1, "orders.json");

        Assert.Equal("orders", suite.Name);
        Assert.Equal(["expect_column_values_to_not_be_null", "expect_column_values_to_be_between", "expect_column_values_to_be_in_set", "expect_table_row_count_to_equal"],
            suite.Expectations.Select(e => e.Type));
        Assert.Equal(0.95, Assert.IsType<ExpectColumnValuesToNotBeNull>(suite.Expectations[0]).Mostly);
        Assert.Equal("warn", suite.Expectations[0].Configuration.Meta["severity"]!.GetValue<string>());
        Assert.Equal(3, Assert.IsType<ExpectTableRowCountToEqual>(suite.Expectations[3]).Value);
        Assert.Equal("1.3.0", suite.Meta["great_expectations_version"]!.GetValue<string>());
    }

    [Fact]
    public void Parse_Gx0Suite_ReadsExpectationSuiteNameAndExpectationType()
    {
        const string gx0 = """
            {"expectation_suite_name": "legacy", "data_asset_type": "Dataset",
             "expectations": [{"expectation_type": "expect_column_to_exist", "kwargs": {"column": "a"}, "meta": {}}],
             "meta": {"great_expectations_version": "0.18.8"}}
            """;

        var suite = SuiteJson.Parse(gx0, "legacy.json");

        Assert.Equal("legacy", suite.Name);
        Assert.Equal("a", Assert.IsType<ExpectColumnToExist>(Assert.Single(suite.Expectations)).Column);
    }

    [Fact]
    public void Write_ThenParse_GivesTheSameSuite()
    {
        var suite = SuiteJson.Parse(Gx1, "orders.json");

        var written = SuiteJson.Write(suite);
        var again = SuiteJson.Parse(written, "written.json");

        Assert.Equal(suite.Name, again.Name);
        Assert.True(JsonNode.DeepEquals(suite.Meta, again.Meta));
        Assert.Equal(suite.Expectations.Count, again.Expectations.Count);
        foreach (var (a, b) in suite.Expectations.Zip(again.Expectations))
        {
            Assert.Equal(a.Type, b.Type);
            Assert.True(JsonNode.DeepEquals(a.Configuration.Kwargs, b.Configuration.Kwargs), a.Type);
            Assert.True(JsonNode.DeepEquals(a.Configuration.Meta, b.Configuration.Meta), a.Type);
        }
        Assert.Equal(written, SuiteJson.Write(again));
        Assert.Equal("orders", JsonNode.Parse(written)!["name"]!.GetValue<string>()); // 1.x keys
        Assert.NotNull(JsonNode.Parse(written)!["expectations"]![0]!["type"]);
    }

    [Fact]
    public void Parse_IntegerBound_KeepsItAnExactInteger()
    {
        var suite = SuiteJson.Parse("""
            {"name": "s", "expectations": [{"type": "expect_column_values_to_be_between",
              "kwargs": {"column": "a", "min_value": 9007199254740993, "max_value": 9223372036854775807}}]}
            """);

        var bounds = ((ExpectColumnValuesToBeBetween)suite.Expectations[0]).Bounds;

        Assert.Equal(9007199254740993L, Assert.IsType<long>(bounds.Min));
        Assert.Equal(long.MaxValue, Assert.IsType<long>(bounds.Max));
    }

    public static TheoryData<string, string, string[]> Errors => new()
    {
        { """{"type": "expect_column_values_to_be_pink", "kwargs": {"column": "a"}}""", "unknown", ["expect_column_values_to_be_pink"] },
        { """{"type": "expect_column_values_to_not_be_null", "kwargs": {}}""", "missing", ["`column`"] },
        { """{"type": "expect_column_values_to_not_be_null", "kwargs": {"column": 5}}""", "wrong type", ["`column`", "5"] },
        { """{"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "a", "mostly": 1.5}}""", "mostly", ["`mostly`", "1.5"] },
        { """{"type": "expect_column_values_to_be_unique", "kwargs": {"column": "a", "colum": "b"}}""", "unknown kwarg", ["`colum`"] },
        { """{"type": "expect_column_values_to_be_between", "kwargs": {"column": "a", "min_value": 5, "max_value": 1}}""", "min > max", ["`min_value`", "`max_value`"] },
        { """{"type": "expect_column_values_to_be_between", "kwargs": {"column": "a"}}""", "no bound", ["`min_value`"] },
        { """{"type": "expect_column_values_to_be_between", "kwargs": {"column": "a", "min_value": 1, "strict_min": "yes"}}""", "strict", ["`strict_min`"] },
        { """{"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "a"}}""", "no set", ["`value_set`"] },
        { """{"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "a", "value_set": "x"}}""", "set not list", ["`value_set`"] },
        { """{"type": "expect_table_row_count_to_equal", "kwargs": {"value": -1}}""", "negative count", ["`value`"] },
        { """{"type": "expect_column_to_exist", "kwargs": {"column": "a", "result_format": "EVERYTHING"}}""", "result format", ["EVERYTHING"] },
        { """{"type": "expect_column_to_exist", "kwargs": {"column": "a"}, "meta": {"severity": "fatal"}}""", "severity", ["severity"] },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void Parse_InvalidExpectation_ConfigurationExceptionNamingSourceIndexAndType(string expectation, string why, string[] mentions)
    {
        var json = """{"name": "s", "expectations": [{"type": "expect_column_to_exist", "kwargs": {"column": "ok"}}, """ + expectation + "]}";
        var type = JsonNode.Parse(expectation)!["type"]!.GetValue<string>();

        var error = Assert.Throws<ConfigurationException>(() => SuiteJson.Parse(json, "suites/bad.json"));

        Assert.Contains("suites/bad.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("expectation 1", error.Message, StringComparison.Ordinal);
        Assert.Contains(type, error.Message, StringComparison.Ordinal);
        Assert.All(mentions, m => Assert.Contains(m, error.Message, StringComparison.Ordinal));
        Assert.NotEmpty(why);
    }

    [Fact]
    public void Parse_InvalidJson_ConfigurationExceptionWithSourceAndLine()
    {
        const string json = "{\n  \"name\": \"s\",\n  \"expectations\": [\n    {\"type\": \"expect_column_to_exist\" \"kwargs\": {}}\n  ]\n}";

        var error = Assert.Throws<ConfigurationException>(() => SuiteJson.Parse(json, "broken.json"));

        Assert.Contains("broken.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[]""")]
    [InlineData("""{"expectations": []}""")]
    [InlineData("""{"name": "s"}""")]
    [InlineData("""{"name": "s", "expectations": [{"kwargs": {}}]}""")]
    public void Parse_NotASuite_ConfigurationExceptionNamingTheSource(string json)
    {
        var error = Assert.Throws<ConfigurationException>(() => SuiteJson.Parse(json, "odd.json"));

        Assert.Contains("odd.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_InfiniteBoundFromCode_ConfigurationExceptionNotArgumentException()
    {
        var error = Record.Exception(() => ExpectationSuite.Create("code").ExpectColumnValuesToBeBetween("a", 0, double.PositiveInfinity).Build());

        var configuration = Assert.IsType<ConfigurationException>(error);
        Assert.Contains("Use null for an open bound", configuration.Message, StringComparison.Ordinal);
    }
}
