using Dq.Expectations.Catalog;
using static Dq.Expectations.Tests.Catalog.ModelGates.ModelGateRuns;

namespace Dq.Expectations.Tests.Catalog.ModelGates;

/// <summary>Kwarg mistakes in model gates are configuration errors that say what, where and how to fix, before any data is read.</summary>
public sealed class ModelGateConfigurationTests
{
    private static string Error(string type, string kwargs) => Assert.Throws<ConfigurationException>(() => Suite(type, kwargs)).Message;

    [Fact]
    public void UnknownClassificationMetric_ListsTheNamesAndSuggestsTheClosest()
    {
        var message = Error(ExpectClassificationMetricToBeBetween.TypeName, """ "label_column": "y", "prediction_column": "p", "metric": "acuracy" """);

        Assert.StartsWith("expectation 0 (`expect_classification_metric_to_be_between`) of ", message, StringComparison.Ordinal);
        Assert.Contains("kwarg `metric` is `acuracy`, which is not a classification metric. Did you mean `accuracy`?", message, StringComparison.Ordinal);
        Assert.Contains("`weighted_f1`", message, StringComparison.Ordinal);
        Assert.Contains("`auc`", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rmsee", "rmse")]
    [InlineData("R2", "r2")]
    public void UnknownRegressionMetric_SuggestsTheClosest(string given, string suggested)
    {
        var message = Error(ExpectRegressionMetricToBeBetween.TypeName, $""" "label_column": "y", "prediction_column": "p", "metric": "{given}" """);

        Assert.Contains($"Did you mean `{suggested}`?", message, StringComparison.Ordinal);
        Assert.Contains("use one of `mae`, `mse`, `rmse`, `r2`, `mape`", message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownBiasMetric_SuggestsTheClosest()
    {
        var message = Error(ExpectBiasMetricToBeBetween.TypeName, """ "facet_column": "g", "facet_values": ["f"], "label_column": "y", "prediction_column": "p", "metric": "demographic_parity_diference" """);

        Assert.Contains("Did you mean `demographic_parity_difference`?", message, StringComparison.Ordinal);
    }

    [Fact]
    public void MetricOfTheOtherProblemType_IsRejectedWithThatTypesNames()
    {
        var message = Error(ExpectClassificationMetricToBeBetween.TypeName, """ "label_column": "y", "prediction_column": "p", "metric": "weighted_f1", "problem_type": "BinaryClassification" """);

        Assert.Contains("is `weighted_f1`, which is not a classification metric", message, StringComparison.Ordinal);
        Assert.DoesNotContain("`weighted_recall`", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ProblemTypeTypo_SuggestsSageMakersName()
    {
        var message = Error(ExpectClassificationMetricToBeBetween.TypeName, """ "label_column": "y", "prediction_column": "p", "metric": "accuracy", "problem_type": "BinaryClasification" """);

        Assert.Contains("Did you mean `BinaryClassification`?", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auc_WithoutAScoreColumn_SaysWhichColumnToGive()
    {
        var message = Error(ExpectClassificationMetricToBeBetween.TypeName, """ "label_column": "y", "prediction_column": "p", "metric": "auc" """);

        Assert.Contains("kwarg `score_column` is missing, and `auc` ranks the rows by their scores", message, StringComparison.Ordinal);
    }

    [Fact]
    public void PositiveLabel_ForAMulticlassMetric_IsRejected()
    {
        var message = Error(ExpectClassificationMetricToBeBetween.TypeName, """ "label_column": "y", "prediction_column": "p", "metric": "weighted_recall", "positive_label": "cat" """);

        Assert.Contains("kwarg `positive_label` is given for a multiclass metric", message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverlappingClasses_AreRejected()
    {
        var message = Error(ExpectClassificationMetricToBeBetween.TypeName, """ "label_column": "y", "prediction_column": "p", "metric": "recall", "positive_label": ["yes", "y"], "negative_label": "y" """);

        Assert.Contains("kwarg `negative_label` ([\"y\"]) shares a value with `positive_label` ([\"yes\", \"y\"])", message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostTrainingMetric_WithoutPredictions_SaysItComparesPredictions()
    {
        var message = Error(ExpectBiasMetricToBeBetween.TypeName, """ "facet_column": "g", "facet_values": ["f"], "label_column": "y", "metric": "dppl" """);

        Assert.Contains("kwarg `prediction_column` is missing, and `dppl` is a post-training metric", message, StringComparison.Ordinal);
    }

    [Fact]
    public void FacetValues_Missing_OrEmpty()
    {
        Assert.Contains("kwarg `facet_values` is missing", Error(ExpectBiasMetricToBeBetween.TypeName, """ "facet_column": "g", "label_column": "y", "metric": "ci" """), StringComparison.Ordinal);
        Assert.Contains("kwarg `facet_values` is empty", Error(ExpectBiasMetricToBeBetween.TypeName, """ "facet_column": "g", "facet_values": [], "label_column": "y", "metric": "ci" """), StringComparison.Ordinal);
    }

    [Fact]
    public void MinAboveMax_AndUnknownKwargs_AreRejected()
    {
        Assert.Contains("swap the bounds", Error(ExpectRegressionMetricToBeBetween.TypeName, """ "label_column": "y", "prediction_column": "p", "metric": "mae", "min_value": 2, "max_value": 1 """), StringComparison.Ordinal);
        Assert.Contains("unknown kwarg `threshold`", Error(ExpectRegressionMetricToBeBetween.TypeName, """ "label_column": "y", "prediction_column": "p", "metric": "mae", "threshold": 1 """), StringComparison.Ordinal);
    }
}
