using Dq.Expectations.ModelQuality;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.ModelQuality;

/// <summary>
/// The typed score buffers behind auc in the shared scan: scikit-learn's documented examples for the area and both
/// curves, and properties against the pairwise count and the hash-table <see cref="RocAuc"/>.
/// </summary>
public sealed class ScoreBufferTests
{
    private static ScoreBuffer Buffer(IEnumerable<(double Score, bool Actual)> rows)
    {
        var buffer = new ScoreBuffer();
        foreach (var (score, actual) in rows)
        {
            buffer.Add(score, actual);
        }
        return buffer;
    }

    /// <summary>scikit-learn's docs example for roc_auc_score, roc_curve and precision_recall_curve.</summary>
    private static readonly (double, bool)[] s_documented = [(0.1, false), (0.4, false), (0.35, true), (0.8, true)];

    [Fact]
    public void Auc_ScikitLearnDocumentedExample_IsThreeQuarters()
    {
        // roc_auc_score([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]) == 0.75
        Assert.Equal(0.75, Buffer(s_documented).Auc(), 15);
    }

    [Fact]
    public void Curves_ScikitLearnDocumentedExample_MatchRocCurveAndPrecisionRecallCurve()
    {
        var curves = Buffer(s_documented).Curves();

        // roc_curve(y, scores, pos_label=2) with y = [1, 1, 2, 2]: fpr [0, 0, .5, .5, 1], tpr [0, .5, .5, 1, 1],
        // thresholds [inf, .8, .4, .35, .1] (our first point is the (0, 0) of the inf threshold).
        Assert.Equal([0.8, 0.4, 0.35, 0.1], curves.Thresholds);
        Assert.Equal([0, 0, 0.5, 0.5, 1], curves.FalsePositiveRates);
        Assert.Equal([0, 0.5, 0.5, 1, 1], curves.TruePositiveRates);
        // precision_recall_curve: precision [.5, .6667, .5, 1, 1], recall [1, 1, .5, .5, 0], thresholds [.1, .35, .4, .8];
        // ours runs from the highest threshold down and has no final (recall 0, precision 1) point.
        Assert.Equal([1, 0.5, 2.0 / 3, 0.5], curves.Precisions);
        Assert.Equal([0.5, 0.5, 1, 1], curves.Recalls);
    }

    [Fact]
    public void Auc_OneClassOrNone_IsNaN()
    {
        Assert.True(double.IsNaN(new ScoreBuffer().Auc()));
        Assert.True(double.IsNaN(Buffer([(0.2, true), (0.9, true)]).Auc()));
    }

    [Fact]
    public void Auc_NegativeAndPositiveZero_Tie()
    {
        Assert.Equal(0.5, Buffer([(-0.0, true), (0.0, false)]).Auc());
    }

    [Fact]
    public void Auc_AfterMoreRowsAreAdded_SortsAgain()
    {
        var buffer = Buffer([(0.9, true), (0.1, false)]);
        Assert.Equal(1.0, buffer.Auc());

        buffer.Add(0.95, false);

        // Pairs (+, −): (.9, .1) 1, (.9, .95) 0 → ½.
        Assert.Equal(0.5, buffer.Auc());
    }

    [Property(MaxTest = 500)]
    public Property Auc_AnyScores_EqualsPairwiseCountAndRocAuc() =>
        Prop.ForAll(Row().ArrayOf().ToArbitrary(), rows =>
        {
            var auc = Buffer(rows).Auc();
            var reference = new RocAuc();
            foreach (var (score, actual) in rows)
            {
                reference.Add(score, actual);
            }
            var pairwise = Pairwise(rows);
            return (ModelQualityGen.Close(auc, pairwise, 1e-12) && ModelQualityGen.Close(auc, reference.Compute(), 1e-15))
                .Label($"buffer {auc:R}, pairwise {pairwise:R}, RocAuc {reference.Compute():R}");
        });

    [Property(MaxTest = 300)]
    public Property Merge_EitherOrder_EqualsOnePass() =>
        Prop.ForAll(ModelQualityGen.Splits(Row()).ToArbitrary(), split =>
        {
            var whole = Buffer(split.Rows);
            var first = Buffer(split.First);
            first.Merge(Buffer(split.Second));
            var second = Buffer(split.Second);
            second.Merge(Buffer(split.First));
            return first.Auc().Equals(whole.Auc()) && second.Auc().Equals(whole.Auc())
                && first.Curves().TruePositiveRates.SequenceEqual(whole.Curves().TruePositiveRates)
                && second.Curves().Precisions.SequenceEqual(whole.Curves().Precisions);
        });

    [Property(MaxTest = 300)]
    public Property Curves_EachPoint_IsTheRatesAtThatThreshold() =>
        Prop.ForAll(Row().ArrayOf().ToArbitrary(), rows =>
        {
            var curves = Buffer(rows).Curves();
            var p = rows.Count(r => r.Actual);
            var n = rows.Length - p;
            static double Rate(int x, int y) => y == 0 ? 0 : (double)x / y;
            return curves.Thresholds.Select((t, i) =>
            {
                var tp = rows.Count(r => r.Actual && r.Score >= t);
                var fp = rows.Count(r => !r.Actual && r.Score >= t);
                return curves.TruePositiveRates[i + 1] == Rate(tp, p) && curves.FalsePositiveRates[i + 1] == Rate(fp, n)
                    && curves.Precisions[i] == Rate(tp, tp + fp) && curves.Recalls[i] == Rate(tp, p);
            }).All(ok => ok) && curves.Thresholds.SequenceEqual(rows.Select(r => r.Score).Distinct().OrderDescending());
        });

    /// <summary>Scores in [0, 1] from a small set (ties), or spread out.</summary>
    private static Gen<(double Score, bool Actual)> Row() =>
        from score in Gen.Frequency(
            (3, Gen.Choose(0, 6).Select(i => i / 6.0)),
            (1, Gen.Choose(0, 1_000_000).Select(i => i / 1e6)))
        from actual in Gen.Elements(true, false)
        select (score, actual);

    private static double Pairwise((double Score, bool Actual)[] rows)
    {
        var positives = rows.Where(r => r.Actual).Select(r => r.Score).ToList();
        var negatives = rows.Where(r => !r.Actual).Select(r => r.Score).ToList();
        if (positives.Count == 0 || negatives.Count == 0)
        {
            return double.NaN;
        }
        return positives.Sum(p => negatives.Sum(n => p > n ? 1.0 : p == n ? 0.5 : 0.0)) / (positives.Count * negatives.Count);
    }
}
