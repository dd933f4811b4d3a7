namespace Dq.Expectations.ModelQuality;

/// <summary>
/// The metric names each model-quality and bias calculator accepts, spelled as SageMaker Model Monitor
/// (<c>model-monitor-model-quality-metrics.md</c>) and Clarify (lower-cased metric codes) write them, so callers can
/// validate a suite before any data is read and list the accepted names in an error.
/// </summary>
/// <remarks>Names are compared ordinally: lower case, underscores, no aliases.</remarks>
internal static class MetricNames
{
    /// <summary>Suffix SageMaker appends to a metric of the classifier that always predicts the positive label.</summary>
    public const string BestConstantSuffix = "_best_constant_classifier";

    /// <summary>The area under the ROC curve, computed by <see cref="RocAuc"/> from scores rather than a confusion matrix.</summary>
    public const string Auc = "auc";

    /// <summary>Metrics of a binary confusion matrix, for <see cref="ClassificationMetrics.Compute"/>.</summary>
    public static IReadOnlyList<string> BinaryClassification { get; } =
    [
        "accuracy", "precision", "recall", "f0_5", "f1", "f2",
        "true_positive_rate", "true_negative_rate", "false_positive_rate", "false_negative_rate",
        "accuracy" + BestConstantSuffix, "precision" + BestConstantSuffix, "recall" + BestConstantSuffix,
        "f0_5" + BestConstantSuffix, "f1" + BestConstantSuffix, "f2" + BestConstantSuffix,
    ];

    /// <summary>Metrics of a multiclass confusion matrix, for <see cref="MulticlassMetrics.Compute"/>.</summary>
    public static IReadOnlyList<string> MulticlassClassification { get; } =
        ["accuracy", "weighted_precision", "weighted_recall", "weighted_f0_5", "weighted_f1", "weighted_f2"];

    /// <summary>Metrics of a regression, for <see cref="RegressionAccumulator.Compute"/>.</summary>
    public static IReadOnlyList<string> Regression { get; } = ["mae", "mse", "rmse", "r2", "mape"];

    /// <summary>Clarify's pre-training bias metrics (over labels only), for <see cref="BiasMetrics.Compute"/>.</summary>
    public static IReadOnlyList<string> PreTrainingBias { get; } = ["ci", "dpl", "kl", "js", "lp", "tvd", "ks"];

    /// <summary>
    /// Clarify's post-training bias metrics (over labels and predictions) and fairlearn's two difference metrics,
    /// for <see cref="BiasMetrics.Compute"/>.
    /// </summary>
    public static IReadOnlyList<string> PostTrainingBias { get; } =
    [
        "dppl", "di", "dca", "dcr", "rd", "dar", "drr", "ad", "te", "sd",
        "demographic_parity_difference", "equalized_odds_difference",
    ];

    /// <summary>Every bias metric: <see cref="PreTrainingBias"/> then <see cref="PostTrainingBias"/>.</summary>
    public static IReadOnlyList<string> Bias { get; } = [.. PreTrainingBias, .. PostTrainingBias];

    /// <summary>Whether <paramref name="names"/> holds <paramref name="metric"/> (ordinal).</summary>
    public static bool IsAccepted(IReadOnlyList<string> names, string metric) =>
        names.Contains(metric, StringComparer.Ordinal);

    /// <summary>The names as a readable list for an error message: <c>`a`, `b` and `c`</c>.</summary>
    public static string Describe(IReadOnlyList<string> names) =>
        names.Count == 1 ? $"`{names[0]}`" : string.Join(", ", names.Take(names.Count - 1).Select(n => $"`{n}`")) + $" and `{names[^1]}`";
}
