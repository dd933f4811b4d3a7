using Apache.Arrow;
using Dq.Expectations.Catalog;
using Dq.Expectations.Tests.Support;
using static Dq.Expectations.Tests.Catalog.ModelGates.ModelGateRuns;

namespace Dq.Expectations.Tests.Catalog.ModelGates;

/// <summary>
/// <c>expect_classification_metric_to_be_between</c> through suite JSON: SageMaker's and scikit-learn's documented
/// examples, the confusion matrix in the details, label classes, and the bad-input rules.
/// </summary>
public sealed class ClassificationExpectationTests
{
    private const string Type = ExpectClassificationMetricToBeBetween.TypeName;

    /// <summary>
    /// SageMaker's model quality example (model-monitor-model-quality-metrics.md): confusion matrix
    /// {0: {0: 1, 1: 2}, 1: {0: 0, 1: 1}}, that is one TN, two FP and one TP.
    /// </summary>
    private static RecordBatch SageMakerExample() => Arrays.Batch(
        ("label", Arrays.Int64([0, 0, 0, 1])),
        ("prediction", Arrays.Int64([0, 1, 1, 1])));

    [Theory]
    [InlineData("precision", 1.0 / 3)]
    [InlineData("recall", 1.0)]
    [InlineData("accuracy", 0.5)]
    [InlineData("f0_5", 5.0 / 13)] // (1.25·1) / (1.25·1 + .25·0 + 2) = 0.3846, the doc's value
    [InlineData("f1", 0.5)]
    [InlineData("f2", 5.0 / 7)] // 5 / (5 + 0 + 2) = 0.7143
    [InlineData("true_negative_rate", 1.0 / 3)]
    [InlineData("false_positive_rate", 2.0 / 3)]
    [InlineData("false_negative_rate", 0.0)]
    [InlineData("accuracy_best_constant_classifier", 0.25)]
    [InlineData("f2_best_constant_classifier", 0.625)]
    public void SageMakerDocumentedExample_ObservesThePublishedValue(string metric, double expected)
    {
        var result = Run(SageMakerExample(), Type, $""" "label_column": "label", "prediction_column": "prediction", "metric": "{metric}" """);

        Assert.Equal(expected, Observed(result), 12);
        Assert.True(Success(result), "no bounds: always passes");
    }

    [Fact]
    public void Details_HoldSageMakersConfusionMatrixAndTheRowCounts()
    {
        var result = Run(SageMakerExample(), Type, """ "label_column": "label", "prediction_column": "prediction", "metric": "accuracy", "min_value": 0.8 """);

        Assert.False(Success(result));
        var details = Details(result);
        Assert.Equal("""{"0":{"0":1,"1":2},"1":{"0":0,"1":1}}""", details["confusion_matrix"]!.ToJsonString());
        Assert.Equal(4, Long(result, "rows"));
        Assert.Equal(0, Long(result, "missing_rows"));
        Assert.Equal("accuracy", details["metric"]!.GetValue<string>());
        Assert.Null(details["rows_outside_classes"]);
    }

    [Fact]
    public void Auc_ScikitLearnDocumentedExample()
    {
        // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        var batch = Arrays.Batch(
            ("y", Arrays.Int64([0, 0, 1, 1])), ("y_hat", Arrays.Int64([0, 0, 0, 1])), ("p", Arrays.Double([0.1, 0.4, 0.35, 0.8])));

        var result = Run(batch, Type, """ "label_column": "y", "prediction_column": "y_hat", "score_column": "p", "metric": "auc", "min_value": 0.7 """);

        Assert.Equal(0.75, Observed(result), 15);
        Assert.True(Success(result));
    }

    [Fact]
    public void Multiclass_ScikitLearnDocumentedExample_WeightedMetrics()
    {
        // precision_recall_fscore_support(y_true, y_pred, average='weighted') over these labels is
        // (0.2222, 0.3333, 0.2667) in scikit-learn's docs.
        var batch = Arrays.Batch(
            ("y", Arrays.String(["cat", "dog", "pig", "cat", "dog", "pig"])),
            ("y_hat", Arrays.String(["cat", "pig", "dog", "cat", "cat", "dog"])));
        double Metric(string metric) => Observed(Run(batch, Type, $""" "label_column": "y", "prediction_column": "y_hat", "metric": "{metric}" """));

        Assert.Equal(2.0 / 9, Metric("weighted_precision"), 12);
        Assert.Equal(1.0 / 3, Metric("weighted_recall"), 12);
        Assert.Equal(4.0 / 15, Metric("weighted_f1"), 12);
        var accuracy = Run(batch, Type, """ "label_column": "y", "prediction_column": "y_hat", "metric": "accuracy", "problem_type": "MulticlassClassification" """);
        Assert.Equal(2.0 / 6, Observed(accuracy), 12);
        Assert.Equal("""["cat","dog","pig"]""", Details(accuracy)["labels"]!.ToJsonString());
        Assert.Equal("""{"cat":{"cat":2,"dog":0,"pig":0},"dog":{"cat":1,"dog":0,"pig":1},"pig":{"cat":0,"dog":2,"pig":0}}""",
            Details(accuracy)["confusion_matrix"]!.ToJsonString());
    }

    [Fact]
    public void TextLabels_WithAPositiveLabel_EveryOtherValueIsNegative()
    {
        // Labels yes, yes, no, maybe; predictions yes, no, no, yes. With positive "yes", "no" and "maybe" are negative:
        // TP 1, FN 1, TN 1, FP 1.
        var batch = Arrays.Batch(
            ("y", Arrays.DictionaryString(["yes", "yes", "no", "maybe"])), ("y_hat", Arrays.String(["yes", "no", "no", "yes"])));

        var result = Run(batch, Type, """ "label_column": "y", "prediction_column": "y_hat", "metric": "precision", "positive_label": "yes" """);

        Assert.Equal(0.5, Observed(result));
        Assert.Equal("""{"not yes":{"not yes":1,"yes":1},"yes":{"not yes":1,"yes":1}}""", Details(result)["confusion_matrix"]!.ToJsonString());
        Assert.Equal("yes", Details(result)["positive_label"]!.GetValue<string>());
    }

    [Fact]
    public void NegativeLabel_MakesOtherValuesOutsideTheClasses()
    {
        var batch = Arrays.Batch(("y", Arrays.String(["yes", "no", "maybe"])), ("y_hat", Arrays.String(["yes", "yes", "no"])));

        var result = Run(batch, Type, """ "label_column": "y", "prediction_column": "y_hat", "metric": "accuracy", "positive_label": "yes", "negative_label": "no" """);

        Assert.Equal(0.5, Observed(result));
        Assert.Equal(1, Long(result, "rows_outside_classes"));
        Assert.Equal("""["maybe"]""", Details(result)["values_outside_classes"]!.ToJsonString());
    }

    [Fact]
    public void LabelsOfNeitherClass_AreCountedAndReported_NotACrash()
    {
        // Rows 2 and 4 have label 2, row 3 predicts 7: those three rows are left out; TP 1, TN 1 remain.
        var batch = Arrays.Batch(("y", Arrays.Int64([1, 0, 2, 1, 2])), ("y_hat", Arrays.Double([1, 0, 1, 7, 0])));

        var result = Run(batch, Type, """ "label_column": "y", "prediction_column": "y_hat", "metric": "accuracy" """);

        Assert.Equal(1.0, Observed(result));
        Assert.Equal(2, Long(result, "rows"));
        Assert.Equal(3, Long(result, "rows_outside_classes"));
        Assert.Equal(2, Long(result, "labels_outside_classes"));
        Assert.Equal(1, Long(result, "predictions_outside_classes"));
        Assert.Equal("[2,7]", Details(result)["values_outside_classes"]!.ToJsonString());
    }

    [Fact]
    public void BooleanAndTextColumns_MatchTheDefaultClasses()
    {
        // Labels as booleans, predictions as the texts "1"/"0": true = "1" is positive, false = "0" negative.
        var batch = Arrays.Batch(("y", Arrays.Boolean([true, false, true])), ("y_hat", Arrays.String(["1", "0", "0"])));

        var result = Run(batch, Type, """ "label_column": "y", "prediction_column": "y_hat", "metric": "recall" """);

        Assert.Equal(0.5, Observed(result));
    }

    [Fact]
    public void MissingValues_AreLeftOutAndCounted()
    {
        var batch = Arrays.Batch(("y", Arrays.Int64([1, null, 0, 1])), ("y_hat", Arrays.Int64([1, 1, null, 0])), ("p", Arrays.Double([0.9, 0.5, 0.2, double.NaN])));

        var result = Run(batch, Type, """ "label_column": "y", "prediction_column": "y_hat", "score_column": "p", "metric": "accuracy" """);

        Assert.Equal(1.0, Observed(result));
        Assert.Equal(1, Long(result, "rows"));
        Assert.Equal(3, Long(result, "missing_rows"));
    }

    [Fact]
    public void ScoreOutsideZeroToOne_ErrorsNamingTheColumnAndRow()
    {
        var batch = Arrays.Batch(("y", Arrays.Int64([0, 1, 1])), ("y_hat", Arrays.Int64([0, 1, 1])), ("p", Arrays.Double([0.2, 1.7, -3])));

        var result = Run(batch, Type, """ "label_column": "y", "prediction_column": "y_hat", "score_column": "p", "metric": "auc" """);

        Assert.False(Success(result));
        Assert.Equal("`score_column` `p` holds 1.7 at row 1, outside [0, 1] (2 rows out of range); give the model's probability of the positive class, between 0 and 1.",
            result["exception_info"]!["exception_message"]!.GetValue<string>());
    }

    [Fact]
    public void TextScoreColumn_IsNotNumeric()
    {
        var batch = Arrays.Batch(("y", Arrays.Int64([0, 1])), ("y_hat", Arrays.Int64([0, 1])), ("p", Arrays.String(["a", "b"])));

        var result = Run(batch, Type, """ "label_column": "y", "prediction_column": "y_hat", "score_column": "p", "metric": "auc" """);

        Assert.Contains("`score_column` `p` (utf8) is not numeric", result["exception_info"]!["exception_message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void AucWithOneClass_FailsWithANote_NeverNaN()
    {
        var batch = Arrays.Batch(("y", Arrays.Int64([1, 1])), ("y_hat", Arrays.Int64([1, 0])), ("p", Arrays.Double([0.9, 0.3])));

        var result = Run(batch, Type, """ "label_column": "y", "prediction_column": "y_hat", "score_column": "p", "metric": "auc" """);

        Assert.False(Success(result));
        Assert.Null(result["result"]!["observed_value"]);
        Assert.True(result["result"]!.AsObject().ContainsKey("observed_value"));
        Assert.Equal("`auc` needs rows of both classes, and all 2 rows have the label 1", Details(result)["note"]!.GetValue<string>());
        Assert.DoesNotContain("NaN", Runs.Json(batch, Suite(Type, """ "label_column": "y", "prediction_column": "y_hat", "score_column": "p", "metric": "auc" """)).ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void NoRowsOfTheClasses_FailsWithANote()
    {
        var batch = Arrays.Batch(("y", Arrays.Int64([5, null])), ("y_hat", Arrays.Int64([1, 1])));

        var result = Run(batch, Type, """ "label_column": "y", "prediction_column": "y_hat", "metric": "accuracy", "min_value": 0 """);

        Assert.False(Success(result));
        Assert.Null(result["result"]!["observed_value"]);
        Assert.Equal("none of the 2 rows has a label and a prediction of the classes (1 with a missing value, 1 of neither class)", Details(result)["note"]!.GetValue<string>());
    }

    [Fact]
    public void RowCondition_ComputesOverTheSelectedRowsOnly()
    {
        // Segment "a": labels 1, 0 predicted 1, 0 (accuracy 1); segment "b": both wrong.
        var batch = Arrays.Batch(
            ("y", Arrays.Int64([1, 0, 1, 0])), ("y_hat", Arrays.Int64([1, 0, 0, 1])), ("segment", Arrays.String(["a", "a", "b", "b"])));

        var a = Run(batch, Type, """ "label_column": "y", "prediction_column": "y_hat", "metric": "accuracy", "row_condition": "segment == \"a\"", "condition_parser": "pandas" """);
        var all = Run(batch, Type, """ "label_column": "y", "prediction_column": "y_hat", "metric": "accuracy" """);

        Assert.Equal(1.0, Observed(a));
        Assert.Equal(2, Long(a, "rows"));
        Assert.Equal(0.5, Observed(all));
    }

    [Theory]
    [InlineData(0.5, null, false, true)]
    [InlineData(0.5, null, true, false)] // strict: 0.5 is not above 0.5
    [InlineData(null, 0.5, false, true)]
    [InlineData(0.6, 1.0, false, false)]
    public void Bounds_FollowGxsBetweenRule(double? min, double? max, bool strictMin, bool expected)
    {
        var bounds = string.Join(", ", new[]
        {
            min is { } lo ? $"\"min_value\": {lo}" : null, max is { } hi ? $"\"max_value\": {hi}" : null, strictMin ? "\"strict_min\": true" : null,
        }.OfType<string>());

        var result = Run(SageMakerExample(), Type, $""" "label_column": "label", "prediction_column": "prediction", "metric": "accuracy", {bounds} """);

        Assert.Equal(expected, Success(result));
    }

    [Fact]
    public void MissingColumn_FailsWithTheColumnNamed()
    {
        var result = Run(SageMakerExample(), Type, """ "label_column": "label", "prediction_column": "predicted", "metric": "accuracy" """);

        Assert.False(Success(result));
        Assert.Contains("`predicted`", result["exception_info"]!["exception_message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
