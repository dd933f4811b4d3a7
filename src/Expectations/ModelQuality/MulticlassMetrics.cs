namespace Dq.Expectations.ModelQuality;

/// <summary>
/// SageMaker Model Monitor's multiclass classification metrics from a confusion matrix: accuracy and the
/// support-weighted precision, recall and F-beta (scikit-learn's <c>average="weighted"</c>).
/// </summary>
/// <remarks>
/// <para>
/// Per class c: precision = TP/predicted(c), recall = TP/support(c), F-beta in count form; a zero denominator gives 0
/// (scikit-learn's <c>zero_division="warn"</c> default), so a class never predicted has precision 0. The weighted
/// value is Σ support(c)·metric(c) / Σ support(c) over every label seen as actual or predicted; a label only ever
/// predicted has support 0 and so no weight.
/// </para>
/// <para>An empty matrix gives NaN for every metric: there is nothing to judge.</para>
/// <para>
/// SageMaker also publishes multiclass <c>*_best_constant_classifier</c> variants; their definition for more than
/// two classes is not documented, so they are not offered here.
/// </para>
/// </remarks>
internal static class MulticlassMetrics
{
    /// <summary>The value of <paramref name="metric"/> (one of <see cref="MetricNames.MulticlassClassification"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="metric"/> is not an accepted name.</exception>
    public static double Compute(MulticlassConfusion confusion, string metric)
    {
        ArgumentNullException.ThrowIfNull(confusion);
        ArgumentNullException.ThrowIfNull(metric);
        if (!MetricNames.IsAccepted(MetricNames.MulticlassClassification, metric))
        {
            ModelQualityThrow.UnknownMetric("multiclass classification", metric, MetricNames.MulticlassClassification);
        }
        if (confusion.Total == 0)
        {
            return double.NaN;
        }
        return metric switch
        {
            "accuracy" => (double)confusion.Correct / confusion.Total,
            "weighted_precision" => Weighted(confusion, (tp, predicted, _) => ClarifyArithmetic.Rate(tp, predicted)),
            "weighted_recall" => Weighted(confusion, (tp, _, support) => ClarifyArithmetic.Rate(tp, support)),
            "weighted_f0_5" => Weighted(confusion, (tp, predicted, support) => ClassificationMetrics.FBeta(tp, predicted - tp, support - tp, 0.5)),
            "weighted_f1" => Weighted(confusion, (tp, predicted, support) => ClassificationMetrics.FBeta(tp, predicted - tp, support - tp, 1)),
            _ => Weighted(confusion, (tp, predicted, support) => ClassificationMetrics.FBeta(tp, predicted - tp, support - tp, 2)),
        };
    }

    /// <summary>Σ support·metric / Σ support, the metric taking (TP, predicted, support) of one class.</summary>
    private static double Weighted(MulticlassConfusion confusion, Func<long, long, long, double> perClass)
    {
        double weightedSum = 0;
        foreach (var label in confusion.Labels)
        {
            var support = confusion.ActualCount(label);
            if (support > 0)
            {
                weightedSum += support * perClass(confusion.Count(label, label), confusion.PredictedCount(label), support);
            }
        }
        // Every row has exactly one actual label, so the supports sum to the total.
        return weightedSum / confusion.Total;
    }
}
