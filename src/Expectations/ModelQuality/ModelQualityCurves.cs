namespace Dq.Expectations.ModelQuality;

/// <summary>
/// SageMaker's ROC and precision–recall curves from the thresholds' points, placed as Spark's
/// <c>BinaryClassificationMetrics</c> (on which SageMaker's container is built) places them: the ROC curve runs
/// from (0, 0) through each threshold, highest first, to (1, 1); the precision–recall curve starts at recall 0 with
/// the first threshold's precision. SageMaker's documented example has this shape (six ROC points and five
/// precision–recall points for four thresholds).
/// </summary>
internal static class ModelQualityCurves
{
    public static RocCurve Roc(ScoreCurves curves, int maxPoints)
    {
        // curves' rates start with the (0, 0) point before the first threshold.
        var kept = Kept(curves.Thresholds.Count, maxPoints);
        List<double> fpr = [0, .. kept.Select(i => curves.FalsePositiveRates[i + 1]), 1];
        List<double> tpr = [0, .. kept.Select(i => curves.TruePositiveRates[i + 1]), 1];
        return new RocCurve(fpr, tpr);
    }

    public static PrecisionRecallCurve PrecisionRecall(ScoreCurves curves, int maxPoints)
    {
        var kept = Kept(curves.Thresholds.Count, maxPoints);
        if (kept.Count == 0)
        {
            return new PrecisionRecallCurve([], []);
        }
        List<double> precisions = [curves.Precisions[0], .. kept.Select(i => curves.Precisions[i])];
        List<double> recalls = [0, .. kept.Select(i => curves.Recalls[i])];
        return new PrecisionRecallCurve(precisions, recalls);
    }

    /// <summary>
    /// The threshold indexes kept: all of them, or with more than <paramref name="maxPoints"/> the last of each group
    /// of ⌈n / maxPoints⌉ consecutive thresholds and always the last threshold. Spark's <c>numBins</c> groups the same
    /// way but rounds the group size down, which can leave nearly twice as many points as asked for.
    /// </summary>
    internal static List<int> Kept(int count, int maxPoints)
    {
        var group = maxPoints > 0 ? (count + maxPoints - 1) / maxPoints : 0;
        if (group < 2)
        {
            return [.. Enumerable.Range(0, count)];
        }
        var kept = new List<int>();
        for (var i = group - 1; i < count; i += group)
        {
            kept.Add(i);
        }
        if (kept[^1] != count - 1)
        {
            kept.Add(count - 1);
        }
        return kept;
    }
}
