using System.Reflection;
using System.Text.Json.Nodes;
using Dq.Expectations.Catalog;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Suites;

public sealed class SuiteBuilderTests
{
    [Fact]
    public void EveryCataloguedType_HasABuilderMethodNamedAfterIt()
    {
        var methods = typeof(SuiteBuilder).GetMethods(BindingFlags.Public | BindingFlags.Instance).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);

        var missing = ExpectationCatalog.Descriptors.Select(d => d.Type).Where(t => !methods.Contains(PascalCase(t))).ToList();

        Assert.Empty(missing);
    }

    public static TheoryData<string, string> BuiltAndWritten => new()
    {
        { "min", """{"column": "x", "min_value": 1, "max_value": 5, "strict_min": true}""" },
        { "max", """{"column": "x", "max_value": 4}""" },
        { "mean", """{"column": "x", "min_value": 2.5, "max_value": 3.5}""" },
        { "median", """{"column": "x", "min_value": 3, "max_value": 3}""" },
        { "sum", """{"column": "x", "max_value": 14, "strict_max": true}""" },
        { "stdev", """{"column": "x", "min_value": 1}""" },
        { "unique", """{"column": "x", "min_value": 4, "max_value": 4}""" },
        { "proportion", """{"column": "x", "min_value": 0.9}""" },
        { "quantiles", """{"column": "x", "quantile_ranges": {"quantiles": [0.0, 0.5], "value_ranges": [[1, 1], [3, null]]}}""" },
        { "in_set", """{"column": "x", "value_set": [1, 2, 3, 4]}""" },
        { "contain", """{"column": "x", "value_set": [1, 6]}""" },
        { "equal", """{"column": "x", "value_set": [1, 2, 3, 4]}""" },
        { "most_common", """{"column": "x", "value_set": [2], "ties_okay": true}""" },
        { "kl", """{"column": "x", "partition_object": {"bins": [0, 2.5, 5], "weights": [0.4, 0.6]}, "threshold": 0.1}""" },
    };

    [Theory]
    [MemberData(nameof(BuiltAndWritten))]
    public void BuilderMethod_WritesTheSameKwargs_AndGivesTheSameVerdict_AsTheSuiteFile(string key, string kwargs)
    {
        var built = Build(key);
        var type = built.Expectations[0].Configuration.Type;
        var written = SuiteJson.Parse($$"""{"expectation_suite_name": "s", "expectations": [{"expectation_type": "{{type}}", "kwargs": {{kwargs}}}]}""");
        // x = 1, 2, 2, 4, 5 (with a null): min 1, max 5, mean 2.8, median 2, sum 14, population stdev 1.47, 4 distinct values.
        var batch = Arrays.Batch(("x", Arrays.Int64([1, 2, 2, null, 4, 5])));

        Assert.True(JsonNode.DeepEquals(written.Expectations[0].Configuration.Kwargs, built.Expectations[0].Configuration.Kwargs),
            $"{built.Expectations[0].Configuration.Kwargs.ToJsonString()} differs from {kwargs}");
        Assert.Equal(Runs.Success(Runs.Json(batch, written)), Runs.Success(Runs.Json(batch, built)));
    }

    [Fact]
    public void WithRowCondition_AppliesTheLastExpectationToTheMatchingRowsOnly()
    {
        var batch = Arrays.Batch(("x", Arrays.Int64([1, -5, 3])), ("kind", Arrays.String(["a", "b", "a"])));

        var unconditioned = ExpectationSuite.Create("s").ExpectColumnMinToBeBetween("x", min: 0).Build();
        var conditioned = ExpectationSuite.Create("s").ExpectColumnMinToBeBetween("x", min: 0).WithRowCondition("kind == \"a\"").Build();

        Assert.False(Runs.Success(Runs.Json(batch, unconditioned)));
        Assert.True(Runs.Success(Runs.Json(batch, conditioned)));
        Assert.Equal("kind == \"a\"", conditioned.Expectations[0].Configuration.Kwargs["row_condition"]!.GetValue<string>());
    }

    [Fact]
    public void WithRowCondition_BeforeAnyExpectation_SaysToAddOneFirst()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ExpectationSuite.Create("s").WithRowCondition("x > 1"));

        Assert.Contains("Add an expectation", error.Message, StringComparison.Ordinal);
    }

    private static ExpectationSuite Build(string key)
    {
        var b = ExpectationSuite.Create("s");
        return (key switch
        {
            "min" => b.ExpectColumnMinToBeBetween("x", 1L, 5L, strictMin: true),
            "max" => b.ExpectColumnMaxToBeBetween("x", max: 4L),
            "mean" => b.ExpectColumnMeanToBeBetween("x", 2.5, 3.5),
            "median" => b.ExpectColumnMedianToBeBetween("x", 3, 3),
            "sum" => b.ExpectColumnSumToBeBetween("x", max: 14, strictMax: true),
            "stdev" => b.ExpectColumnStdevToBeBetween("x", min: 1),
            "unique" => b.ExpectColumnUniqueValueCountToBeBetween("x", 4, 4),
            "proportion" => b.ExpectColumnProportionOfUniqueValuesToBeBetween("x", min: 0.9),
            "quantiles" => b.ExpectColumnQuantileValuesToBeBetween("x", [(0.0, 1, 1), (0.5, 3, null)]),
            "in_set" => b.ExpectColumnDistinctValuesToBeInSet("x", new[] { 1, 2, 3, 4 }),
            "contain" => b.ExpectColumnDistinctValuesToContainSet("x", new[] { 1, 6 }),
            "equal" => b.ExpectColumnDistinctValuesToEqualSet("x", new[] { 1, 2, 3, 4 }),
            "most_common" => b.ExpectColumnMostCommonValueToBeInSet("x", new[] { 2 }, tiesOkay: true),
            "kl" => b.ExpectColumnKlDivergenceToBeLessThan("x", [0, 2.5, 5], [0.4, 0.6], 0.1),
            _ => throw new ArgumentOutOfRangeException(nameof(key)),
        }).Build();
    }

    private static string PascalCase(string type) =>
        string.Concat(type.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));
}
