using System.Text.Json.Nodes;
using Dq.Expectations.Baselines;
using Dq.Expectations.Profiling;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Profiling;

/// <summary>statistics.json and constraints.json: SageMaker's shape, symmetric reading and writing, located errors.</summary>
public sealed class BaselineJsonTests
{
    private static DataProfile SampleProfile()
    {
        var random = new Random(11);
        var rows = 3000;
        return Profiler.Profile(Arrays.Batch(
            ("amount", Arrays.Double(Enumerable.Range(0, rows).Select(i => i % 50 == 0 ? (double?)null : random.NextDouble() * 100))),
            ("count", Arrays.Int64(Enumerable.Range(0, rows).Select(i => (long?)(i % 7)))),
            ("status", Arrays.String(Enumerable.Range(0, rows).Select(i => i % 9 == 0 ? null : new[] { "new", "paid", "sent" }[i % 3]))),
            ("flag", Arrays.Boolean(Enumerable.Range(0, rows).Select(i => (bool?)(i % 2 == 0))))));
    }

    [Fact]
    public void Statistics_HaveSageMakersShapeAndValues()
    {
        var profile = SampleProfile();
        var json = JsonNode.Parse(StatisticsJson.Write(BaselineStatistics.FromProfile(profile)))!;
        Assert.Equal(0, json["version"]!.GetValue<double>());
        Assert.Equal(3000, json["dataset"]!["item_count"]!.GetValue<long>());
        var amount = json["features"]![0]!;
        Assert.Equal("Fractional", amount["inferred_type"]!.GetValue<string>());
        var numeric = amount["numerical_statistics"]!;
        Assert.Equal(2940, numeric["common"]!["num_present"]!.GetValue<long>());
        Assert.Equal(60, numeric["common"]!["num_missing"]!.GetValue<long>());
        var buckets = numeric["distribution"]!["kll"]!["buckets"]!.AsArray();
        Assert.Equal(10, buckets.Count);
        Assert.Equal(2940, buckets.Sum(b => b!["count"]!.GetValue<long>())); // the sketch is exact at this size
        Assert.Equal(numeric["min"]!.GetValue<double>(), buckets[0]!["lower_bound"]!.GetValue<double>());
        Assert.Equal(numeric["max"]!.GetValue<double>(), buckets[9]!["upper_bound"]!.GetValue<double>());
        var parameters = numeric["distribution"]!["kll"]!["sketch"]!["parameters"]!;
        Assert.Equal(0.64, parameters["c"]!.GetValue<double>());
        Assert.Equal(2048, parameters["k"]!.GetValue<double>());
        var status = json["features"]![2]!["string_statistics"]!;
        Assert.Equal(3, status["distinct_count"]!.GetValue<long>());
        var categories = status["distribution"]!["categorical"]!["buckets"]!.AsArray();
        Assert.Equal(profile.Column("status")!.Present, categories.Sum(c => c!["count"]!.GetValue<long>()));
        Assert.Equal("String", json["features"]![3]!["inferred_type"]!.GetValue<string>()); // booleans are String in SageMaker's files
    }

    [Fact]
    public void Statistics_RoundTrip_ReadThenWriteGivesTheSameText()
    {
        var text = StatisticsJson.Write(BaselineStatistics.FromProfile(SampleProfile()));
        var read = StatisticsJson.Read(text, "statistics.json");
        Assert.Equal(text, StatisticsJson.Write(read));
        var amount = read.Feature("amount")!.Numerical!;
        Assert.Equal(2940, amount.Sketch!.Count);
    }

    [Fact]
    public void Constraints_FromProfile_AndRoundTrip()
    {
        var constraints = BaselineConstraints.FromProfile(SampleProfile());
        var text = ConstraintsJson.Write(constraints);
        var json = JsonNode.Parse(text)!;
        var amount = json["features"]![0]!;
        Assert.Equal(0.98, amount["completeness"]!.GetValue<double>(), 12);
        Assert.True(amount["num_constraints"]!["is_non_negative"]!.GetValue<bool>());
        var status = json["features"]![2]!;
        Assert.Equal(["new", "paid", "sent"], status["string_constraints"]!["domains"]!.AsArray().Select(d => d!.GetValue<string>()).Order());
        var config = json["monitoring_config"]!;
        Assert.Equal("Enabled", config["evaluate_constraints"]!.GetValue<string>());
        Assert.Equal(0.1, config["datatype_check_threshold"]!.GetValue<double>());
        Assert.Equal("Robust", config["distribution_constraints"]!["comparison_method"]!.GetValue<string>());
        Assert.Equal("LInfinity", config["distribution_constraints"]!["categorical_drift_method"]!.GetValue<string>());
        Assert.Equal(text, ConstraintsJson.Write(ConstraintsJson.Read(text, "constraints.json")));
    }

    /// <summary>A statistics.json in the shape SageMaker's analyzer writes (its documentation's example; k as 2048.0, per-feature overrides by the SDK).</summary>
    [Fact]
    public void Read_SageMakerWrittenFiles()
    {
        const string statistics = """
            {"version":0.0,"dataset":{"item_count":4},
             "features":[{"name":"age","inferred_type":"Integral","numerical_statistics":{"common":{"num_present":4,"num_missing":0},
               "mean":2.5,"sum":10.0,"std_dev":1.118033988749895,"min":1.0,"max":4.0,
               "distribution":{"kll":{"buckets":[{"lower_bound":1.0,"upper_bound":2.5,"count":2.0},{"lower_bound":2.5,"upper_bound":4.0,"count":2.0}],
                 "sketch":{"parameters":{"c":0.64,"k":2048.0},"data":[[1.0,2.0,3.0,4.0]]}}}}},
               {"name":"city","inferred_type":"String","string_statistics":{"common":{"num_present":3,"num_missing":1},"distinct_count":2.0,
               "distribution":{"categorical":{"buckets":[{"value":"Oslo","count":2},{"value":"Rome","count":1}]}}}}]}
            """;
        var read = StatisticsJson.Read(statistics, "statistics.json");
        Assert.Equal(4, read.ItemCount);
        Assert.Equal(4, read.Feature("age")!.Numerical!.Sketch!.Count);
        Assert.Equal([1.0, 2.0, 3.0, 4.0], read.Feature("age")!.Numerical!.Sketch!.ToLevels()[0]);
        Assert.Equal(0.75, read.Feature("city")!.Completeness);
        const string constraints = """
            {"version":0.0,"features":[{"name":"city","inferred_type":"String","completeness":0.75,
              "string_constraints":{"domains":["Oslo","Rome"],"monitoring_config_overrides":{"evaluate_constraints":"Disabled"}}}],
             "monitoring_config":{"evaluate_constraints":"Enabled","emit_metrics":"Enabled","datatype_check_threshold":1.0,"domain_content_threshold":1.0,
              "distribution_constraints":{"perform_comparison":"Enabled","comparison_threshold":0.2,"comparison_method":"Simple"}}}
            """;
        var c = ConstraintsJson.Read(constraints, "constraints.json");
        Assert.False(c.Feature("city")!.EvaluateConstraints);
        Assert.Equal(0.2, c.MonitoringConfig.CategoricalComparisonThreshold); // defaults to comparison_threshold
        Assert.Equal(ComparisonMethod.Simple, c.MonitoringConfig.ComparisonMethod);
    }

    [Theory]
    [InlineData("""{"features":[]}""", "dataset is missing")]
    [InlineData("""{"dataset":{"item_count":-1},"features":[]}""", "dataset.item_count is -1, not a count")]
    [InlineData("""{"dataset":{"item_count":1},"features":[{"name":"a","inferred_type":"Bool"}]}""", "features[0].inferred_type is `Bool`; expected Integral, Fractional, String or Unknown")]
    [InlineData("""{"dataset":{"item_count":1},"features":[{"name":"a","inferred_type":"Integral","numerical_statistics":{"common":{"num_present":1,"num_missing":0},"mean":"x"}}]}""", "features[0].numerical_statistics.mean is the text \"x\", not a number")]
    [InlineData("""{"dataset":{"item_count":1},"features":[{"name":"a","inferred_type":"String"},{"name":"a","inferred_type":"String"}]}""", "feature `a` more than once")]
    [InlineData("""{"dataset": """, "is not valid JSON")]
    public void Read_BadStatistics_LocatedError(string json, string expected)
    {
        var error = Assert.Throws<ConfigurationException>(() => StatisticsJson.Read(json, "base/statistics.json"));
        Assert.Contains("`base/statistics.json`", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadConstraints_LocatedError()
    {
        var error = Assert.Throws<ConfigurationException>(() => ConstraintsJson.Read(
            """{"features":[],"monitoring_config":{"distribution_constraints":{"categorical_drift_method":"KL"}}}""", "constraints.json"));
        Assert.Contains("monitoring_config.distribution_constraints.categorical_drift_method is `KL`; expected LInfinity or ChiSquared", error.Message, StringComparison.Ordinal);
    }
}
