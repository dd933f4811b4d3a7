using static Dq.Expectations.ModelQuality.ClarifyArithmetic;

namespace Dq.Expectations.ModelQuality;

/// <summary>
/// SageMaker Clarify's bias metrics for a binary label and prediction (smclarify <c>bias/metrics/pretraining.py</c>,
/// <c>posttraining.py</c>, <c>common.py</c>) and fairlearn's demographic-parity and equalized-odds differences,
/// from <see cref="BiasCounts"/>.
/// </summary>
/// <remarks>
/// <para>
/// Ratios follow Clarify's <c>divide</c> (0/0 = 0, x/0 = ±∞) and a difference of two equal infinities is 0. Signs
/// follow Clarify: CI, DPL, DPPL, DCA, RD, DAR and AD are a − d; DCR, DRR, SD and TE are d − a; DI is d / a.
/// </para>
/// <para>
/// Clarify raises when either facet has no rows; here every metric is then NaN, so the caller reports it could not
/// judge. fairlearn would instead compare only the groups present and report 0.
/// </para>
/// <para>
/// fairlearn (<c>metrics/_fairness_metrics.py</c>, two groups, <c>method="between_groups"</c>):
/// demographic_parity_difference = |n′a(1)/na − n′d(1)/nd|; equalized_odds_difference = max(|TPR_a − TPR_d|,
/// |FPR_a − FPR_d|), a rate with no rows under it being 0 (scikit-learn's <c>confusion_matrix(normalize="true")</c>).
/// </para>
/// <para>
/// The label-distribution metrics (kl, js, lp, tvd, ks) compare (n(0), n(1)) of the two facets under Clarify's
/// common-non-zero-category rule; see <see cref="LabelDistributionDistances"/>.
/// </para>
/// </remarks>
internal static class BiasMetrics
{
    /// <summary>The value of <paramref name="metric"/> (one of <see cref="MetricNames.Bias"/>).</summary>
    /// <exception cref="ArgumentException"><paramref name="metric"/> is not an accepted name.</exception>
    public static double Compute(BiasCounts counts, string metric)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(metric);
        if (!MetricNames.IsAccepted(MetricNames.Bias, metric))
        {
            ModelQualityThrow.UnknownMetric("bias", metric, MetricNames.Bias);
        }
        var a = counts.Advantaged;
        var d = counts.Sensitive;
        if (a.Total == 0 || d.Total == 0)
        {
            return double.NaN;
        }
        return metric switch
        {
            "ci" => (double)(a.Total - d.Total) / (a.Total + d.Total),
            "dpl" => ((double)a.ActualPositives / a.Total) - ((double)d.ActualPositives / d.Total),
            "kl" or "js" or "lp" or "tvd" or "ks" => LabelDistributionDistances.Compute(
                metric, [a.ActualNegatives, a.ActualPositives], [d.ActualNegatives, d.ActualPositives]),
            "dppl" => SelectionRate(a) - SelectionRate(d),
            "di" => Divide(SelectionRate(d), SelectionRate(a)),
            "dca" => Difference(Divide(a.ActualPositives, a.PredictedPositives), Divide(d.ActualPositives, d.PredictedPositives)),
            "dcr" => Difference(Divide(d.ActualNegatives, d.PredictedNegatives), Divide(a.ActualNegatives, a.PredictedNegatives)),
            "rd" => Difference(Divide(a.TruePositives, a.ActualPositives), Divide(d.TruePositives, d.ActualPositives)),
            "sd" => Difference(Divide(d.TrueNegatives, d.ActualNegatives), Divide(a.TrueNegatives, a.ActualNegatives)),
            "dar" => Difference(Divide(a.TruePositives, a.PredictedPositives), Divide(d.TruePositives, d.PredictedPositives)),
            "drr" => Difference(Divide(d.TrueNegatives, d.PredictedNegatives), Divide(a.TrueNegatives, a.PredictedNegatives)),
            "ad" => Difference(Accuracy(a), Accuracy(d)),
            "te" => Difference(Divide(d.FalseNegatives, d.FalsePositives), Divide(a.FalseNegatives, a.FalsePositives)),
            "demographic_parity_difference" => Math.Abs(SelectionRate(a) - SelectionRate(d)),
            _ => Math.Max(
                Math.Abs(Rate(a.TruePositives, a.ActualPositives) - Rate(d.TruePositives, d.ActualPositives)),
                Math.Abs(Rate(a.FalsePositives, a.ActualNegatives) - Rate(d.FalsePositives, d.ActualNegatives))),
        };
    }

    /// <summary>n′(1)/n: the share of a facet's rows predicted positive (facet not empty).</summary>
    private static double SelectionRate(BinaryConfusion facet) => (double)facet.PredictedPositives / facet.Total;

    private static double Accuracy(BinaryConfusion facet) => Divide(facet.TruePositives + facet.TrueNegatives, facet.Total);
}
