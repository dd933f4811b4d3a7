namespace Dq.Expectations.ModelQuality;

/// <summary>
/// SageMaker Model Monitor's binary classification metrics from a confusion matrix
/// (<c>model-monitor-model-quality-metrics.md</c>), with scikit-learn's definitions.
/// </summary>
/// <remarks>
/// <para>
/// A ratio whose denominator is 0 (precision with no positive prediction, recall with no positive label, …) is 0,
/// as scikit-learn returns under its default <c>zero_division="warn"</c> and SageMaker reports. An empty matrix
/// (no rows at all) gives NaN for every metric instead: there is nothing to judge, and 0 would read as a real,
/// terrible score.
/// </para>
/// <para>
/// F-beta uses the count form (1 + β²)·TP / ((1 + β²)·TP + β²·FN + FP), as scikit-learn ≥ 1.3 does; it equals the
/// harmonic form (1 + β²)·P·R / (β²·P + R) whenever that is defined.
/// </para>
/// <para>
/// The <c>*_best_constant_classifier</c> metrics are those of the classifier that always predicts positive, as
/// SageMaker defines it (its documented example, confusion matrix <c>{0:{0:1,1:2},1:{0:0,1:1}}</c>, has best-constant
/// precision and accuracy 0.25 and recall 1, which only "always positive" gives). SageMaker publishes the variant for
/// accuracy, precision, recall, f0_5, f1 and f2, so those are the ones accepted.
/// </para>
/// </remarks>
internal static class ClassificationMetrics
{
    /// <summary>The value of <paramref name="metric"/> (one of <see cref="MetricNames.BinaryClassification"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="metric"/> is not an accepted name.</exception>
    public static double Compute(BinaryConfusion confusion, string metric)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        ArgumentNullException.ThrowIfNull(metric);
        if (!MetricNames.IsAccepted(MetricNames.BinaryClassification, metric))
        {
            ModelQualityThrow.UnknownMetric("binary classification", metric, MetricNames.BinaryClassification);
        }
        if (confusion.Total == 0)
        {
            return double.NaN;
        }
        if (metric.EndsWith(MetricNames.BestConstantSuffix, StringComparison.Ordinal))
        {
            // Always predicting positive turns every actual positive into a TP and every actual negative into an FP.
            return Of(confusion.ActualPositives, confusion.ActualNegatives, 0, 0, metric[..^MetricNames.BestConstantSuffix.Length]);
        }
        return Of(confusion.TruePositives, confusion.FalsePositives, confusion.TrueNegatives, confusion.FalseNegatives, metric);
    }

    private static double Of(long tp, long fp, long tn, long fn, string metric) => metric switch
    {
        "accuracy" => ClarifyArithmetic.Rate(tp + tn, tp + fp + tn + fn),
        "precision" => ClarifyArithmetic.Rate(tp, tp + fp),
        "recall" or "true_positive_rate" => ClarifyArithmetic.Rate(tp, tp + fn),
        "true_negative_rate" => ClarifyArithmetic.Rate(tn, tn + fp),
        "false_positive_rate" => ClarifyArithmetic.Rate(fp, fp + tn),
        "false_negative_rate" => ClarifyArithmetic.Rate(fn, fn + tp),
        "f0_5" => FBeta(tp, fp, fn, 0.5),
        "f1" => FBeta(tp, fp, fn, 1),
        "f2" => FBeta(tp, fp, fn, 2),
        _ => throw new InvalidOperationException($"`{metric}` is listed in MetricNames but has no formula."),
    };

    /// <summary>F-beta from counts; 0 when TP, FP and FN are all 0 (scikit-learn's zero_division default).</summary>
    internal static double FBeta(double tp, double fp, double fn, double beta)
    {
        var beta2 = beta * beta;
        var denominator = ((1 + beta2) * tp) + (beta2 * fn) + fp;
        return denominator == 0 ? 0.0 : (1 + beta2) * tp / denominator;
    }
}
