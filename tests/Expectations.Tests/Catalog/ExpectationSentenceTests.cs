using System.Text.Json.Nodes;
using Dq.Expectations.Catalog;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Tests.Catalog;

public sealed class ExpectationSentenceTests
{
    [Fact]
    public void EveryCatalogType_HasItsOwnDescriptor()
    {
        Assert.Equal(ExpectationCatalog.Types.Order(), ExpectationCatalog.Descriptors.Select(d => d.Type).Order());
        Assert.Equal(ExpectationCatalog.Descriptors.Count, ExpectationCatalog.Descriptors.Select(d => d.Type).Distinct().Count());
    }

    [Fact]
    public void EveryCatalogType_RendersWithoutUnfilledPlaceholders()
    {
        foreach (var type in ExpectationCatalog.Types)
        {
            var kwargs = new JsonObject
            {
                ["column"] = "c",
                ["column_A"] = "a",
                ["column_B"] = "b",
                ["column_list"] = new JsonArray("a", "b"),
                ["column_set"] = new JsonArray("a"),
                ["min_value"] = 1,
                ["max_value"] = 2,
                ["value"] = 3,
                ["value_set"] = new JsonArray(1, 2),
                ["regex"] = "^x",
                ["regex_list"] = new JsonArray("a", "b"),
                ["strftime_format"] = "%Y",
                ["json_schema"] = new JsonObject { ["type"] = "string" },
                ["type_"] = "int",
                ["type_list"] = new JsonArray("int"),
                ["threshold"] = 3,
                ["quantile_ranges"] = new JsonObject { ["quantiles"] = new JsonArray(0.5) },
                ["value_pairs_set"] = new JsonArray(new JsonArray(1, 2)),
                ["sum_total"] = 10,
            };

            var sentence = ExpectationCatalog.Describe(new ExpectationConfiguration(type, kwargs));

            Assert.Equal(type, sentence.TemplateId);
            Assert.DoesNotContain("?", sentence.ToPlainText(), StringComparison.Ordinal);
            Assert.DoesNotContain("expect_", sentence.ToPlainText(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void StrftimeWithMostly_ReadsAsTheIssueExample()
    {
        var c = new ExpectationConfiguration("expect_column_values_to_match_strftime_format",
            new JsonObject { ["column"] = "order_date", ["strftime_format"] = "%Y-%m-%d", ["mostly"] = 0.95 });

        var sentence = ExpectationCatalog.Describe(c);

        Assert.Equal("Values in `order_date` must match `%Y-%m-%d`, at least 95% of the time", sentence.ToPlainText());
        Assert.Equal(["column", "strftime_format", "mostly"], sentence.Parameters.Select(p => p.Name));
        Assert.Equal(SentenceParameterKind.Column, sentence.Parameters[0].Kind);
    }

    [Theory]
    [InlineData("{\"column\":\"x\",\"min_value\":1,\"max_value\":5}", "Values in `x` must be between 1 and 5")]
    [InlineData("{\"column\":\"x\",\"min_value\":1,\"strict_min\":true}", "Values in `x` must be more than 1")]
    [InlineData("{\"column\":\"x\",\"max_value\":5,\"strict_max\":true}", "Values in `x` must be less than 5")]
    [InlineData("{\"column\":\"x\",\"min_value\":1,\"max_value\":5,\"strict_max\":true}", "Values in `x` must be at least 1 and less than 5")]
    public void Between_PhrasesTheBounds(string kwargs, string expected)
    {
        var c = new ExpectationConfiguration("expect_column_values_to_be_between", (JsonObject)JsonNode.Parse(kwargs)!);

        Assert.Equal(expected, ExpectationCatalog.Describe(c).ToPlainText());
    }

    [Fact]
    public void UnknownType_UsesTheGenericTemplate()
    {
        var sentence = ExpectationCatalog.Describe(new ExpectationConfiguration("expect_something_new", new JsonObject { ["k"] = 1 }));

        Assert.Equal("generic", sentence.TemplateId);
        Assert.Equal("`expect_something_new` with {k: 1}", sentence.ToPlainText());
    }
}
