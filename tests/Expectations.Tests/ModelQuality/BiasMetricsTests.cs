using Dq.Expectations.ModelQuality;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.ModelQuality;

/// <summary>
/// Bias metrics against Clarify's documented examples, the test vectors of smclarify's own unit tests
/// (aws/amazon-sagemaker-clarify <c>tests/unit/bias/metrics/test_metrics.py</c>), and a reference written over row
/// lists the way smclarify filters its series.
/// </summary>
public sealed class BiasMetricsTests
{
    /// <summary>smclarify's <c>dfBinary</c>: facet M/F, label and prediction of 12 rows.</summary>
    private static readonly string[] s_facet = ["M", "F", "F", "M", "F", "M", "F", "F", "M", "M", "F", "F"];
    private static readonly int[] s_label = [0, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0, 0];
    private static readonly int[] s_predicted = [1, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 0];

    private static BiasCounts Binary(string sensitive, int[]? predicted = null)
    {
        predicted ??= s_predicted;
        var counts = new BiasCounts();
        for (var i = 0; i < s_facet.Length; i++)
        {
            counts.Add(s_facet[i] == sensitive, s_label[i] == 1, predicted[i] == 1);
        }
        return counts;
    }

    [Theory]
    [InlineData("ci", -1.0 / 6)]
    [InlineData("di", 10.0 / 7)]
    [InlineData("dca", 1.0 / 4)]
    [InlineData("dcr", 1.0 / 3)]
    [InlineData("rd", -2.0 / 3)]
    [InlineData("sd", 1.0 / 6)]
    [InlineData("drr", 1.0 / 3)]
    [InlineData("ad", -13.0 / 35)]
    [InlineData("dar", -1.0 / 2)]
    [InlineData("te", -1.0 / 2)]
    public void Compute_SmclarifyBinaryVectors_SensitiveF_MatchTheirTests(string metric, double expected) =>
        Assert.Equal(expected, BiasMetrics.Compute(Binary("F"), metric), 12);

    [Theory]
    [InlineData("ci", 1.0 / 6)]
    [InlineData("di", 7.0 / 10)]
    [InlineData("dca", -1.0 / 4)]
    [InlineData("dcr", -1.0 / 3)]
    [InlineData("rd", 2.0 / 3)]
    [InlineData("sd", -1.0 / 6)]
    [InlineData("drr", -1.0 / 3)]
    [InlineData("ad", 13.0 / 35)]
    [InlineData("dar", 1.0 / 2)]
    [InlineData("te", 1.0 / 2)]
    public void Compute_SmclarifyBinaryVectors_SensitiveM_MatchTheirTests(string metric, double expected) =>
        Assert.Equal(expected, BiasMetrics.Compute(Binary("M"), metric), 12);

    [Fact]
    public void Compute_DrrWithAdvantagedAlwaysPredictedPositive_TreatsZeroOverZeroAsZero() =>
        // smclarify test_DRR_zero: every M predicted 1, so TN_a/n'a(0) = 0/0 = 0 and DRR = 2/4 − 0.
        Assert.Equal(0.5, BiasMetrics.Compute(Binary("F", [1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 0, 1]), "drr"), 12);

    [Fact]
    public void Compute_DiWithAdvantagedNeverPredictedPositive_IsInfinity() =>
        // smclarify test_DI: every M predicted 0, so DI = (4/7) / 0 = ∞.
        Assert.Equal(double.PositiveInfinity, BiasMetrics.Compute(Binary("F", [0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1]), "di"));

    [Fact]
    public void Compute_TeWithNoFalsePositiveInEitherFacet_EqualInfinitiesDifferByZero()
    {
        var counts = new BiasCounts();
        counts.Advantaged.Add(truePositives: 1, falsePositives: 0, trueNegatives: 1, falseNegatives: 2);
        counts.Sensitive.Add(truePositives: 1, falsePositives: 0, trueNegatives: 1, falseNegatives: 1);

        Assert.Equal(0.0, BiasMetrics.Compute(counts, "te"));
    }

    [Fact]
    public void Compute_ClarifyDocumentedDcaAndDcr_AreOneHalf()
    {
        // a: na(1) 70, n'a(1) 60, na(0) 50, n'a(0) 60; d: nd(1) 20, n'd(1) 30, nd(0) 40, n'd(0) 30.
        var counts = new BiasCounts();
        counts.Advantaged.Add(truePositives: 50, falsePositives: 10, trueNegatives: 40, falseNegatives: 20);
        counts.Sensitive.Add(truePositives: 10, falsePositives: 20, trueNegatives: 20, falseNegatives: 10);

        Assert.Equal((70.0 / 60) - (20.0 / 30), BiasMetrics.Compute(counts, "dca"), 12);
        Assert.Equal(0.5, BiasMetrics.Compute(counts, "dca"), 12);
        Assert.Equal(0.5, BiasMetrics.Compute(counts, "dcr"), 12); // 40/30 − 50/60
    }

    [Fact]
    public void Compute_ClarifyDocumentedAd_IsPointTwo()
    {
        // AD = (60 + 10)/100 − (40 + 10)/100.
        var counts = new BiasCounts();
        counts.Advantaged.Add(truePositives: 60, falsePositives: 15, trueNegatives: 10, falseNegatives: 15);
        counts.Sensitive.Add(truePositives: 40, falsePositives: 25, trueNegatives: 10, falseNegatives: 25);

        Assert.Equal(0.2, BiasMetrics.Compute(counts, "ad"), 12);
    }

    [Fact]
    public void LabelDistributions_ClarifyDocumentedKs_IsOneHalf() =>
        // KS = max(|.4 − .2|, |.4 − .1|, |.2 − .7|) = .5, three label categories.
        Assert.Equal(0.5, LabelDistributionDistances.Compute("ks", [4, 4, 2], [2, 1, 7]), 12);

    [Fact]
    public void Compute_BinaryKs_IsTheLargerCategoryGap()
    {
        // a: 8 of 10 positive, d: 3 of 10 → max(|.2 − .7|, |.8 − .3|) = .5.
        var counts = new BiasCounts();
        counts.Advantaged.Add(truePositives: 8, falsePositives: 0, trueNegatives: 2, falseNegatives: 0);
        counts.Sensitive.Add(truePositives: 3, falsePositives: 0, trueNegatives: 7, falseNegatives: 0);

        Assert.Equal(0.5, BiasMetrics.Compute(counts, "ks"), 12);
    }

    [Theory]
    // smclarify test_KL / test_JS / test_LP: labels [T,T,T,F,F,F], facet [T,F,F,F,F,F] (only category "positive" is common).
    [InlineData("kl", -0.366516)]
    [InlineData("js", 0.06641431438228168)]
    [InlineData("lp", 0.6)]
    public void Compute_SmclarifySingleSensitiveRow_MatchesTheirTests(string metric, double expected) =>
        Assert.Equal(expected, BiasMetrics.Compute(Rows([(true, true), (false, true), (false, true), (false, false), (false, false), (false, false)]), metric), 6);

    [Theory]
    [InlineData("kl")]
    [InlineData("js")]
    [InlineData("lp")]
    public void Compute_SmclarifySameDistribution_IsZero(string metric) =>
        // labels [T,T,T,F,F,F], facet [T,F,F,F,T,F]: a and d both half positive.
        Assert.Equal(0.0, BiasMetrics.Compute(Rows([(true, true), (false, true), (false, true), (false, false), (true, false), (false, false)]), metric), 12);

    [Theory]
    // smclarify DATASET_PDF, facet x ∈ {a, c}, label ∈ {1, 2} positive: a = 3 of 6 positive, d = 5 of 6.
    [InlineData("kl", 0.2938933)]
    [InlineData("js", 0.06465997)]
    [InlineData("lp", 0.471404520)]
    [InlineData("ks", 0.33333333)]
    public void Compute_SmclarifyDatasetPdf_MatchesTheirTests(string metric, double expected)
    {
        string[] x = ["a", "b", "b", "c", "a", "a", "b", "c", "b", "c", "b", "b"];
        int[] label = [0, 0, 1, 1, 2, 1, 0, 1, 2, 2, 0, 2];
        var counts = Rows([.. x.Zip(label, (f, l) => (f is "a" or "c", l is 1 or 2))]);

        Assert.Equal(expected, BiasMetrics.Compute(counts, metric), 6);
    }

    [Fact]
    public void Compute_SmclarifyKsFiveRows_IsOneSixth() =>
        // [["1","a"],["0","a"],["0","b"],["1","b"],["1","b"]], sensitive b: |1/2 − 1/3|.
        Assert.Equal(1.0 / 6, BiasMetrics.Compute(Rows([(false, true), (false, false), (true, false), (true, true), (true, true)]), "ks"), 12);

    [Fact]
    public void Compute_EmptyFacet_IsNaNForEveryMetric()
    {
        var counts = Rows([(false, true), (false, false)]);

        Assert.All(MetricNames.Bias, m => Assert.True(double.IsNaN(BiasMetrics.Compute(counts, m)), m));
    }

    [Fact]
    public void Compute_UnknownName_ThrowsListingTheAcceptedNames()
    {
        var error = Assert.Throws<ArgumentException>(() => BiasMetrics.Compute(Binary("F"), "cddl"));

        Assert.Contains("`dppl`", error.Message, StringComparison.Ordinal);
        Assert.Contains("`equalized_odds_difference`", error.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 400)]
    public Property Compute_AnyRows_EqualsRowListReference() =>
        Prop.ForAll(BiasRow().ArrayOf().ToArbitrary(), rows =>
        {
            var counts = Accumulate(rows);
            var failures = MetricNames.Bias
                .Select(m => (Metric: m, Actual: BiasMetrics.Compute(counts, m), Expected: BiasReference.Compute(rows, m)))
                .Where(r => !ModelQualityGen.Close(r.Actual, r.Expected))
                .Select(r => $"{r.Metric} {r.Actual:R} vs {r.Expected:R}").ToList();
            return (failures.Count == 0).Label($"{counts}: {string.Join("; ", failures)}");
        });

    [Property(MaxTest = 300)]
    public Property Merge_TwoHalvesEitherOrder_EqualsOnePass() =>
        Prop.ForAll(ModelQualityGen.Splits(BiasRow()).ToArbitrary(), split =>
        {
            var whole = Accumulate(split.Rows);
            var first = Accumulate(split.First);
            first.Merge(Accumulate(split.Second));
            var second = Accumulate(split.Second);
            second.Merge((Dq.Expectations.Metrics.MetricState)Accumulate(split.First));
            return first.ToString() == whole.ToString() && second.ToString() == whole.ToString();
        });

    /// <summary>Rows of (sensitive, label positive) with no prediction (pre-training metrics ignore it).</summary>
    private static BiasCounts Rows((bool Sensitive, bool Label)[] rows) =>
        Accumulate([.. rows.Select(r => new BiasReference.Row(r.Sensitive, r.Label, false))]);

    private static Gen<BiasReference.Row> BiasRow() =>
        from sensitive in Gen.Elements(true, false)
        from label in Gen.Elements(true, false)
        from predicted in Gen.Elements(true, false)
        select new BiasReference.Row(sensitive, label, predicted);

    private static BiasCounts Accumulate(IEnumerable<BiasReference.Row> rows)
    {
        var counts = new BiasCounts();
        foreach (var row in rows)
        {
            counts.Add(row.Sensitive, row.Label, row.Predicted);
        }
        return counts;
    }
}
