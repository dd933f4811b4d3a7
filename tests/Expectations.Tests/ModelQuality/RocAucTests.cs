using Dq.Expectations.ModelQuality;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.ModelQuality;

/// <summary>
/// ROC AUC against two independent references: the pairwise count P(s+ &gt; s−) + ½·P(s+ = s−), and scikit-learn's
/// algorithm (ROC points at each distinct threshold, trapezoid rule), on scores drawn from a few values so ties are
/// common.
/// </summary>
public sealed class RocAucTests
{
    [Fact]
    public void Compute_ScikitLearnDocumentedExample_IsThreeQuarters()
    {
        // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75 (scikit-learn's roc_auc_score docs).
        var auc = Accumulate([(0.1, false), (0.4, false), (0.35, true), (0.8, true)]);

        Assert.Equal(0.75, auc.Compute(), 15);
    }

    [Fact]
    public void Compute_AllScoresEqual_IsOneHalf()
    {
        var auc = Accumulate([(0.3, true), (0.3, false), (0.3, false), (0.3, true), (0.3, true)]);

        Assert.Equal(0.5, auc.Compute());
    }

    [Fact]
    public void Compute_OneClassOnly_IsNaN()
    {
        Assert.True(double.IsNaN(Accumulate([(0.1, true), (0.9, true)]).Compute()));
        Assert.True(double.IsNaN(Accumulate([(0.1, false)]).Compute()));
        Assert.True(double.IsNaN(new RocAuc().Compute()));
    }

    [Fact]
    public void Add_NaNScore_IsCountedAndLeftOut()
    {
        var auc = Accumulate([(double.NaN, true), (0.2, false), (0.7, true)]);

        Assert.Equal(1, auc.NaNScores);
        Assert.Equal(1, auc.Positives);
        Assert.Equal(1.0, auc.Compute());
    }

    [Fact]
    public void Add_NegativeAndPositiveZero_AreOneScore()
    {
        var auc = Accumulate([(-0.0, true), (0.0, false)]);

        Assert.Equal(1, auc.DistinctScores);
        Assert.Equal(0.5, auc.Compute());
    }

    [Fact]
    public void Add_InfiniteScores_OrderLikeAnyOther()
    {
        var auc = Accumulate([(double.NegativeInfinity, false), (double.PositiveInfinity, true), (0.5, false), (0.5, true)]);

        // Pairs (+, −): (∞, −∞) 1, (∞, .5) 1, (.5, −∞) 1, (.5, .5) ½ → 3.5 / 4.
        Assert.Equal(0.875, auc.Compute());
    }

    [Property(MaxTest = 500)]
    public Property Compute_AnyScores_EqualsPairwiseCountAndTrapezoid() =>
        Prop.ForAll(Rows().ToArbitrary(), rows =>
        {
            var auc = Accumulate(rows).Compute();
            var pairwise = Pairwise(rows);
            var trapezoid = Trapezoid(rows);
            return (ModelQualityGen.Close(auc, pairwise) && ModelQualityGen.Close(auc, trapezoid))
                .Label($"auc {auc:R}, pairwise {pairwise:R}, trapezoid {trapezoid:R}");
        });

    [Property(MaxTest = 300)]
    public Property Merge_TwoHalvesEitherOrder_EqualsOnePass() =>
        Prop.ForAll(ModelQualityGen.Splits(Row()).ToArbitrary(), split =>
        {
            var whole = Accumulate(split.Rows).Compute();
            var first = Accumulate(split.First);
            first.Merge(Accumulate(split.Second));
            var second = Accumulate(split.Second);
            second.Merge((Dq.Expectations.Metrics.MetricState)Accumulate(split.First));
            return first.Compute().Equals(whole) && second.Compute().Equals(whole);
        });

    /// <summary>Scores from a small set (ties), sometimes spread out, with either label.</summary>
    private static Gen<(double Score, bool Actual)> Row() =>
        from score in Gen.Frequency(
            (3, Gen.Choose(0, 6).Select(i => i / 6.0)),
            (1, Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1e3)))
        from actual in Gen.Elements(true, false)
        select (score, actual);

    private static Gen<(double Score, bool Actual)[]> Rows() => Row().ArrayOf();

    private static RocAuc Accumulate(IEnumerable<(double Score, bool Actual)> rows)
    {
        var auc = new RocAuc();
        foreach (var (score, actual) in rows)
        {
            auc.Add(score, actual);
        }
        return auc;
    }

    /// <summary>Every (positive, negative) pair: 1 if the positive scores higher, ½ if equal.</summary>
    private static double Pairwise((double Score, bool Actual)[] rows)
    {
        var positives = rows.Where(r => r.Actual).Select(r => r.Score).ToList();
        var negatives = rows.Where(r => !r.Actual).Select(r => r.Score).ToList();
        if (positives.Count == 0 || negatives.Count == 0)
        {
            return double.NaN;
        }
        var wins = positives.Sum(p => negatives.Sum(n => p > n ? 1.0 : p == n ? 0.5 : 0.0));
        return wins / (positives.Count * negatives.Count);
    }

    /// <summary>
    /// scikit-learn's <c>roc_curve</c> + <c>auc</c>: thresholds at each distinct score from high to low, the point
    /// (FPR, TPR) of "score ≥ threshold" after each, starting at (0, 0), areas by the trapezoid rule.
    /// </summary>
    private static double Trapezoid((double Score, bool Actual)[] rows)
    {
        var p = rows.Count(r => r.Actual);
        var n = rows.Length - p;
        if (p == 0 || n == 0)
        {
            return double.NaN;
        }
        double area = 0, fpr = 0, tpr = 0;
        foreach (var threshold in rows.Select(r => r.Score).Distinct().OrderDescending())
        {
            var nextTpr = (double)rows.Count(r => r.Actual && r.Score >= threshold) / p;
            var nextFpr = (double)rows.Count(r => !r.Actual && r.Score >= threshold) / n;
            area += (nextFpr - fpr) * (tpr + nextTpr) / 2;
            (fpr, tpr) = (nextFpr, nextTpr);
        }
        return area;
    }
}
