using Dq.Expectations.Catalog;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Catalog.ModelGates;

/// <summary>
/// A suite file with all three model-gate types over one small predictions table: the JSON path end to end, the
/// builder writing the same kwargs, one shared scan for metrics of the same columns, and the sentences and one-line
/// outcomes that reports and Dq.Testing show.
/// </summary>
public sealed class ModelGateSuiteTests
{
    private const string SuiteFile = """
        {
          "name": "model_gate",
          "expectations": [
            {"type": "expect_classification_metric_to_be_between",
             "kwargs": {"label_column": "label", "prediction_column": "predicted", "metric": "accuracy", "min_value": 0.8}},
            {"type": "expect_classification_metric_to_be_between",
             "kwargs": {"label_column": "label", "prediction_column": "predicted", "score_column": "probability", "metric": "auc", "min_value": 0.7}},
            {"type": "expect_regression_metric_to_be_between",
             "kwargs": {"label_column": "amount", "prediction_column": "predicted_amount", "metric": "rmse", "max_value": 1.5}},
            {"type": "expect_bias_metric_to_be_between",
             "kwargs": {"facet_column": "group", "facet_values": ["b"], "label_column": "label", "prediction_column": "predicted",
                        "metric": "demographic_parity_difference", "max_value": 0.3}, "meta": {"severity": "warn"}}
          ]
        }
        """;

    /// <summary>
    /// Ten predictions: 7 right (accuracy 0.7), scores ranking every positive above every negative but one pair
    /// (auc 23/24), amounts off by 1 everywhere (rmse 1), and selection rates 3/5 (a) and 2/5 (b).
    /// </summary>
    private static Apache.Arrow.RecordBatch Table() => Arrays.Batch(
        ("label", Arrays.Int64([1, 1, 1, 0, 0, 1, 0, 0, 0, 0])),
        ("predicted", Arrays.Int64([1, 1, 0, 0, 1, 1, 0, 0, 1, 0])),
        ("probability", Arrays.Double([0.9, 0.8, 0.45, 0.1, 0.6, 0.7, 0.2, 0.3, 0.55, 0.05])),
        ("amount", Arrays.Double([10, 12, 9, 3, 4, 11, 2, 5, 6, 1])),
        ("predicted_amount", Arrays.Double([11, 11, 10, 2, 5, 10, 3, 4, 7, 2])),
        ("group", Arrays.String(["a", "a", "a", "a", "a", "b", "b", "b", "b", "b"])));

    [Fact]
    public void SuiteFile_ValidatesAllThreeTypes()
    {
        var json = Runs.Json(Table(), SuiteJson.Parse(SuiteFile));

        // Accuracy: rows 2, 4 and 8 are wrong → 0.7 < 0.8.
        Assert.False(Runs.Success(json, 0));
        Assert.Equal(0.7, Runs.Result(json, 0)["observed_value"]!.GetValue<double>(), 12);
        // AUC: positives score .9 .8 .45 .7, negatives .1 .6 .2 .3 .55 .05; only .45 loses, to .6 and .55 → (24 − 2)/24.
        Assert.Equal(22.0 / 24, Runs.Result(json, 1)["observed_value"]!.GetValue<double>(), 12);
        Assert.True(Runs.Success(json, 1));
        Assert.Equal(1.0, Runs.Result(json, 2)["observed_value"]!.GetValue<double>(), 12);
        Assert.True(Runs.Success(json, 2));
        // Selection rates: a predicts 1 for rows 0, 1, 4 (3/5), b for rows 5, 8 (2/5).
        Assert.Equal(0.2, Runs.Result(json, 3)["observed_value"]!.GetValue<double>(), 12);
        Assert.True(Runs.Success(json, 3));
        Assert.False(json["success"]!.GetValue<bool>());
    }

    [Fact]
    public void Builder_WritesTheSuiteFilesKwargs()
    {
        var built = ExpectationSuite.Create("model_gate")
            .ExpectClassificationMetricToBeBetween("accuracy", "label", "predicted", min: 0.8)
            .ExpectClassificationMetricToBeBetween("auc", "label", "predicted", min: 0.7, scoreColumn: "probability")
            .ExpectRegressionMetricToBeBetween("rmse", "amount", "predicted_amount", max: 1.5)
            .ExpectBiasMetricToBeBetween("demographic_parity_difference", "group", ["b"], "label", "predicted", max: 0.3).AsWarning()
            .Build();
        var written = SuiteJson.Parse(SuiteFile);

        for (var i = 0; i < written.Expectations.Count; i++)
        {
            Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(written.Expectations[i].Configuration.Kwargs, built.Expectations[i].Configuration.Kwargs),
                $"{built.Expectations[i].Configuration.Kwargs.ToJsonString()} differs from the suite file's");
        }
        Assert.Equal(Runs.WithoutRunMeta(Runs.Json(Table(), written)), Runs.WithoutRunMeta(Runs.Json(Table(), built)));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 2)]
    public void MetricsOfTheSameColumns_ShareOneScanPerBatch(int batches, int threads)
    {
        var suite = ExpectationSuite.Create("shared")
            .ExpectClassificationMetricToBeBetween("accuracy", "label", "predicted", scoreColumn: "probability")
            .ExpectClassificationMetricToBeBetween("f1", "label", "predicted", scoreColumn: "probability")
            .ExpectClassificationMetricToBeBetween("auc", "label", "predicted", scoreColumn: "probability")
            .Build();
        var table = Table();

        var (json, statistics) = Runs.Validate(table.Schema, Arrays.Split(table, 10 / batches), suite, new ValidationOptions { Threads = threads });

        Assert.Equal(batches, statistics.ColumnScans);
        Assert.Equal(22.0 / 24, Runs.Result(json, 2)["observed_value"]!.GetValue<double>(), 12);
    }

    [Fact]
    public void Sentences_NameTheMetricAndColumns()
    {
        var suite = SuiteJson.Parse(SuiteFile);
        string Sentence(int i) => ExpectationCatalog.Describe(suite.Expectations[i].Configuration).ToPlainText();

        Assert.Equal("The `accuracy` of the predictions in `predicted` against the labels in `label` must be at least 0.8", Sentence(0));
        Assert.Equal("The `auc` of the scores in `probability` against the labels in `label` must be at least 0.7", Sentence(1));
        Assert.Equal("The `rmse` of the predictions in `predicted_amount` against the labels in `amount` must be at most 1.5", Sentence(2));
        Assert.Equal("The bias metric `demographic_parity_difference` between the rows whose `group` is in [\"b\"] and the other rows, for the labels in `label` and the predictions in `predicted`, must be at most 0.3", Sentence(3));
    }

    [Fact]
    public void Outcomes_SayTheValueAgainstTheBoundAndTheRows()
    {
        var result = Validator.Validate(Table(), SuiteJson.Parse(SuiteFile));

        Assert.Equal("accuracy 0.7 is below 0.8 (on 10 rows)", ExpectationCatalog.DescribeOutcome(result.Results[0]));
        Assert.Equal("auc 0.9167 is at least 0.7 (on 10 rows)", ExpectationCatalog.DescribeOutcome(result.Results[1]));
        Assert.Equal("rmse 1 is at most 1.5 (on 10 rows)", ExpectationCatalog.DescribeOutcome(result.Results[2]));
    }

    [Fact]
    public void Outcome_ReadBackFromResultJson_IsTheSame()
    {
        var result = Validator.Validate(Table(), SuiteJson.Parse(SuiteFile));

        var readBack = ValidationResultJson.Read(ValidationResultJson.ToNode(result).ToJsonString());

        Assert.Equal(ExpectationCatalog.DescribeOutcome(result.Results[0]), ExpectationCatalog.DescribeOutcome(readBack.Results[0]));
    }

    [Theory]
    [InlineData(0.79996, 0.8, false, "accuracy 0.79996 is below 0.8 (on 20,000 rows)")]
    [InlineData(0.8, 0.8, true, "accuracy 0.8 is not above 0.8 (on 20,000 rows)")]
    [InlineData(0.74, 0.8, false, "accuracy 0.74 is below 0.8 (on 20,000 rows)")]
    public void Outcome_NeverReadsAsTheBoundItFailed(double observed, double min, bool strict, string expected)
    {
        var configuration = ExpectationSuite.Create("s")
            .ExpectClassificationMetricToBeBetween("accuracy", "y", "p", min: min, strictMin: strict).Build().Expectations[0].Configuration;
        var result = new ExpectationResult(configuration, false, new ResultDetails
        {
            HasObservedValue = true,
            ObservedValue = observed,
            Details = new Dictionary<string, object?> { ["rows"] = 20_000L },
        });

        Assert.Equal(expected, ExpectationCatalog.DescribeOutcome(result));
    }

    [Fact]
    public void Outcome_OfAnUndefinedMetric_GivesTheNote()
    {
        var batch = Arrays.Batch(("y", Arrays.Int64([1])), ("p", Arrays.Int64([1])), ("g", Arrays.String(["a"])));
        var suite = ExpectationSuite.Create("s").ExpectBiasMetricToBeBetween("ci", "g", ["b"], "y", max: 0.5).Build();

        var result = Validator.Validate(batch, suite);

        Assert.Equal("ci could not be measured: facet d (the rows whose `g` is in [\"b\"]) has no rows, so the groups cannot be compared",
            ExpectationCatalog.DescribeOutcome(result.Results[0]));
    }
}
