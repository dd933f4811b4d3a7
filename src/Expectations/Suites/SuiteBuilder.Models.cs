namespace Dq.Expectations.Suites;

/// <content>Model gates: classification, regression and bias metrics over a table of labels and predictions.</content>
public sealed partial class SuiteBuilder
{
    /// <summary>
    /// <c>expect_classification_metric_to_be_between</c>: a classifier's <paramref name="metric"/> lies within the bounds,
    /// such as the accuracy ≥ 0.8 gate of a deployment: <c>.ExpectClassificationMetricToBeBetween("accuracy", "label", "prediction", min: 0.8)</c>.
    /// </summary>
    /// <param name="metric">SageMaker's name: <c>accuracy</c>, <c>precision</c>, <c>recall</c>, <c>f0_5</c>, <c>f1</c>,
    /// <c>f2</c>, <c>auc</c>, <c>true_positive_rate</c>, <c>true_negative_rate</c>, <c>false_positive_rate</c>,
    /// <c>false_negative_rate</c>, a <c>*_best_constant_classifier</c> variant, or for multiclass models
    /// <c>weighted_precision</c>, <c>weighted_recall</c>, <c>weighted_f0_5</c>, <c>weighted_f1</c>, <c>weighted_f2</c>.</param>
    /// <param name="labelColumn">The column of actual labels.</param>
    /// <param name="predictionColumn">The column of predicted labels.</param>
    /// <param name="min">The lowest accepted value; null for none.</param>
    /// <param name="max">The highest accepted value; null for none.</param>
    /// <param name="scoreColumn">The column of the probability of the positive class, needed for <c>auc</c>.</param>
    /// <param name="positiveLabel">The positive class (a value or a list of values); 1 when null.</param>
    /// <param name="negativeLabel">The negative class; 0 when the positive class is 1, else every other value.</param>
    /// <param name="problemType"><c>BinaryClassification</c> or <c>MulticlassClassification</c>; inferred from the metric when null.</param>
    /// <param name="strictMin">Whether the value must be above <paramref name="min"/> rather than at least it.</param>
    /// <param name="strictMax">Whether the value must be below <paramref name="max"/> rather than at most it.</param>
    public SuiteBuilder ExpectClassificationMetricToBeBetween(
        string metric, string labelColumn, string predictionColumn, double? min = null, double? max = null, string? scoreColumn = null,
        object? positiveLabel = null, object? negativeLabel = null, string? problemType = null, bool strictMin = false, bool strictMax = false) =>
        Add(Catalog.ExpectClassificationMetricToBeBetween.TypeName,
            ("label_column", labelColumn), ("prediction_column", predictionColumn), ("score_column", scoreColumn),
            ("positive_label", positiveLabel), ("negative_label", negativeLabel), ("problem_type", problemType), ("metric", metric),
            ("min_value", min), ("max_value", max), ("strict_min", strictMin ? true : (object?)null), ("strict_max", strictMax ? true : (object?)null));

    /// <summary>
    /// <c>expect_regression_metric_to_be_between</c>: a regression model's <paramref name="metric"/> lies within the bounds:
    /// <c>.ExpectRegressionMetricToBeBetween("rmse", "price", "predicted_price", max: 25)</c>.
    /// </summary>
    /// <param name="metric"><c>mae</c>, <c>mse</c>, <c>rmse</c>, <c>r2</c> or <c>mape</c> (a fraction).</param>
    /// <param name="labelColumn">The column of actual values.</param>
    /// <param name="predictionColumn">The column of predicted values.</param>
    /// <param name="min">The lowest accepted value; null for none.</param>
    /// <param name="max">The highest accepted value; null for none.</param>
    /// <param name="strictMin">Whether the value must be above <paramref name="min"/>.</param>
    /// <param name="strictMax">Whether the value must be below <paramref name="max"/>.</param>
    public SuiteBuilder ExpectRegressionMetricToBeBetween(
        string metric, string labelColumn, string predictionColumn, double? min = null, double? max = null, bool strictMin = false, bool strictMax = false) =>
        Add(Catalog.ExpectRegressionMetricToBeBetween.TypeName,
            ("label_column", labelColumn), ("prediction_column", predictionColumn), ("metric", metric),
            ("min_value", min), ("max_value", max), ("strict_min", strictMin ? true : (object?)null), ("strict_max", strictMax ? true : (object?)null));

    /// <summary>
    /// <c>expect_bias_metric_to_be_between</c>: SageMaker Clarify's <paramref name="metric"/> between the rows whose
    /// <paramref name="facetColumn"/> is one of <paramref name="facetValues"/> (facet d) and the other rows (facet a) lies
    /// within the bounds: <c>.ExpectBiasMetricToBeBetween("dppl", "gender", ["female"], "label", "prediction", -0.1, 0.1)</c>.
    /// </summary>
    /// <param name="metric">Pre-training <c>ci</c>, <c>dpl</c>, <c>kl</c>, <c>js</c>, <c>lp</c>, <c>tvd</c>, <c>ks</c>;
    /// post-training <c>dppl</c>, <c>di</c>, <c>dca</c>, <c>dcr</c>, <c>rd</c>, <c>sd</c>, <c>dar</c>, <c>drr</c>,
    /// <c>ad</c>, <c>te</c>, <c>demographic_parity_difference</c>, <c>equalized_odds_difference</c>.</param>
    /// <param name="facetColumn">The column of the sensitive attribute.</param>
    /// <param name="facetValues">Its values that make up the sensitive group.</param>
    /// <param name="labelColumn">The column of actual labels.</param>
    /// <param name="predictionColumn">The column of predicted labels, needed by the post-training metrics.</param>
    /// <param name="min">The lowest accepted value; null for none.</param>
    /// <param name="max">The highest accepted value; null for none.</param>
    /// <param name="positiveLabel">The positive outcome (a value or a list of values); 1 when null.</param>
    /// <param name="negativeLabel">The negative outcome; 0 when the positive one is 1, else every other value.</param>
    /// <param name="strictMin">Whether the value must be above <paramref name="min"/>.</param>
    /// <param name="strictMax">Whether the value must be below <paramref name="max"/>.</param>
    public SuiteBuilder ExpectBiasMetricToBeBetween<T>(
        string metric, string facetColumn, IEnumerable<T> facetValues, string labelColumn, string? predictionColumn = null, double? min = null, double? max = null,
        object? positiveLabel = null, object? negativeLabel = null, bool strictMin = false, bool strictMax = false)
    {
        ArgumentNullException.ThrowIfNull(facetValues);
        return Add(Catalog.ExpectBiasMetricToBeBetween.TypeName,
            ("facet_column", facetColumn), ("facet_values", facetValues.Cast<object?>().ToList()), ("label_column", labelColumn),
            ("prediction_column", predictionColumn), ("positive_label", positiveLabel), ("negative_label", negativeLabel), ("metric", metric),
            ("min_value", min), ("max_value", max), ("strict_min", strictMin ? true : (object?)null), ("strict_max", strictMax ? true : (object?)null));
    }
}
