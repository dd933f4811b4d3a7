using Dq.Expectations.ModelQuality;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.ModelQuality;

/// <summary>
/// Multiclass accuracy and weighted metrics against scikit-learn's documented example and a reference written over
/// row lists with scikit-learn's <c>average="weighted"</c> (harmonic F-beta, zero division 0).
/// </summary>
public sealed class MulticlassMetricsTests
{
    /// <summary>scikit-learn's precision_score / recall_score / f1_score docs: y_true [0,1,2,0,1,2], y_pred [0,2,1,0,0,1].</summary>
    private static readonly (string Actual, string Predicted)[] s_scikitLearnExample =
        [("0", "0"), ("1", "2"), ("2", "1"), ("0", "0"), ("1", "0"), ("2", "1")];

    [Theory]
    [InlineData("weighted_precision", 0.2222222222)] // sklearn docs: 0.22...
    [InlineData("weighted_recall", 0.3333333333)]    // sklearn docs: 0.33...
    [InlineData("weighted_f1", 0.2666666667)]        // sklearn docs: 0.26...
    [InlineData("accuracy", 2.0 / 6)]
    // By hand: only class 0 scores (P 2/3, R 1, support 2 of 6); F0.5 = 1.25·(2/3)/(0.25·(2/3) + 1) = 5/7, F2 = 5·(2/3)/(4·(2/3) + 1) = 10/11.
    [InlineData("weighted_f0_5", 2.0 / 6 * 5 / 7)]
    [InlineData("weighted_f2", 2.0 / 6 * 10 / 11)]
    public void Compute_ScikitLearnDocumentedExample_MatchesPublishedValues(string metric, double expected)
    {
        var value = MulticlassMetrics.Compute(Accumulate(s_scikitLearnExample), metric);

        Assert.Equal(expected, value, 9);
    }

    [Fact]
    public void Compute_ClassNeverPredicted_HasPrecisionZeroAtItsSupportWeight()
    {
        // Class "b" (support 2) is never predicted: precision 0. Class "a": TP 2 of 4 predicted, support 2 → 0.5.
        var confusion = Accumulate([("a", "a"), ("a", "a"), ("b", "a"), ("b", "a")]);

        Assert.Equal(((2 * 0.5) + (2 * 0.0)) / 4, MulticlassMetrics.Compute(confusion, "weighted_precision"));
    }

    [Fact]
    public void Compute_LabelOnlyPredicted_CarriesNoWeight()
    {
        // "z" is predicted once but never actual: support 0, so it adds nothing; class "a" has recall 1/2.
        var confusion = Accumulate([("a", "a"), ("a", "z")]);

        Assert.Equal(1.0, MulticlassMetrics.Compute(confusion, "weighted_precision"));
        Assert.Equal(0.5, MulticlassMetrics.Compute(confusion, "weighted_recall"));
        Assert.Equal(["a", "z"], confusion.Labels);
    }

    [Fact]
    public void Compute_NoRows_IsNaN() =>
        Assert.All(MetricNames.MulticlassClassification, m => Assert.True(double.IsNaN(MulticlassMetrics.Compute(new MulticlassConfusion(), m)), m));

    [Fact]
    public void Compute_UnknownName_ThrowsListingTheAcceptedNames()
    {
        var error = Assert.Throws<ArgumentException>(() => MulticlassMetrics.Compute(Accumulate(s_scikitLearnExample), "macro_f1"));

        Assert.Contains("`weighted_f1`", error.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 300)]
    public Property Compute_AnyRows_EqualsRowListReference() =>
        Prop.ForAll(Row().ArrayOf().ToArbitrary(), rows =>
        {
            var confusion = Accumulate(rows);
            return MetricNames.MulticlassClassification.All(metric =>
                ModelQualityGen.Close(MulticlassMetrics.Compute(confusion, metric), Reference(rows, metric)));
        });

    [Property(MaxTest = 300)]
    public Property Merge_TwoHalvesEitherOrder_EqualsOnePass() =>
        Prop.ForAll(ModelQualityGen.Splits(Row()).ToArbitrary(), split =>
        {
            var whole = Accumulate(split.Rows);
            var first = Accumulate(split.First);
            first.Merge(Accumulate(split.Second));
            var second = Accumulate(split.Second);
            second.Merge((Dq.Expectations.Metrics.MetricState)Accumulate(split.First));
            return new[] { first, second }.All(m =>
                m.Total == whole.Total
                && m.Labels.SequenceEqual(whole.Labels)
                && whole.Labels.All(a => whole.Labels.All(p => m.Count(a, p) == whole.Count(a, p))));
        });

    private static Gen<(string Actual, string Predicted)> Row() =>
        from actual in Gen.Elements("cat", "dog", "eel", "fox")
        from predicted in Gen.Elements("cat", "dog", "eel", "fox", "gnu")
        select (actual, predicted);

    private static MulticlassConfusion Accumulate(IEnumerable<(string Actual, string Predicted)> rows)
    {
        var confusion = new MulticlassConfusion();
        foreach (var (actual, predicted) in rows)
        {
            confusion.Add(actual, predicted);
        }
        return confusion;
    }

    /// <summary>scikit-learn's precision_recall_fscore_support(average="weighted") over the row list.</summary>
    private static double Reference((string Actual, string Predicted)[] rows, string metric)
    {
        if (rows.Length == 0)
        {
            return double.NaN;
        }
        if (metric == "accuracy")
        {
            return (double)rows.Count(r => r.Actual == r.Predicted) / rows.Length;
        }
        var beta = metric switch { "weighted_f0_5" => 0.5, "weighted_f2" => 2.0, _ => 1.0 };
        double weighted = 0, supports = 0;
        foreach (var label in rows.SelectMany(r => new[] { r.Actual, r.Predicted }).Distinct())
        {
            var tp = rows.Count(r => r.Actual == label && r.Predicted == label);
            var predicted = rows.Count(r => r.Predicted == label);
            var support = rows.Count(r => r.Actual == label);
            var precision = predicted == 0 ? 0 : (double)tp / predicted;
            var recall = support == 0 ? 0 : (double)tp / support;
            var f = precision + recall == 0 ? 0 : (1 + (beta * beta)) * precision * recall / ((beta * beta * precision) + recall);
            weighted += support * (metric switch { "weighted_precision" => precision, "weighted_recall" => recall, _ => f });
            supports += support;
        }
        return weighted / supports;
    }
}
