using Dq.Expectations.ModelQuality;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.ModelQuality;

/// <summary>
/// Binary classification metrics against SageMaker's documented example and a scikit-learn-style reference written
/// directly over row lists (precision, recall and the harmonic form of F-beta).
/// </summary>
public sealed class ClassificationMetricsTests
{
    /// <summary>SageMaker's example (model-monitor-model-quality-metrics.md): CM {0:{0:1,1:2},1:{0:0,1:1}}.</summary>
    private static BinaryConfusion DocumentedExample()
    {
        var confusion = new BinaryConfusion();
        confusion.Add(actualPositive: false, predictedPositive: false);
        confusion.Add(actualPositive: false, predictedPositive: true);
        confusion.Add(actualPositive: false, predictedPositive: true);
        confusion.Add(actualPositive: true, predictedPositive: true);
        return confusion;
    }

    [Theory]
    [InlineData("precision", 1.0 / 3)]
    [InlineData("recall", 1.0)]
    [InlineData("accuracy", 0.5)]
    [InlineData("f0_5", 0.3846)]
    [InlineData("f2", 0.7143)]
    [InlineData("f1", 0.5)] // 2·(1/3)·1 / (1/3 + 1), by hand
    [InlineData("true_positive_rate", 1.0)]
    [InlineData("true_negative_rate", 1.0 / 3)]
    [InlineData("false_positive_rate", 2.0 / 3)]
    [InlineData("false_negative_rate", 0.0)]
    [InlineData("precision_best_constant_classifier", 0.25)]
    [InlineData("recall_best_constant_classifier", 1.0)]
    [InlineData("accuracy_best_constant_classifier", 0.25)]
    [InlineData("f1_best_constant_classifier", 0.4)]
    [InlineData("f0_5_best_constant_classifier", 0.2941)]
    [InlineData("f2_best_constant_classifier", 0.625)]
    public void Compute_SageMakerDocumentedExample_MatchesPublishedValues(string metric, double expected)
    {
        var value = ClassificationMetrics.Compute(DocumentedExample(), metric);

        Assert.Equal(expected, value, 4);
    }

    [Fact]
    public void Compute_NoRows_IsNaNForEveryMetric()
    {
        var empty = new BinaryConfusion();

        Assert.All(MetricNames.BinaryClassification, m => Assert.True(double.IsNaN(ClassificationMetrics.Compute(empty, m)), m));
    }

    [Fact]
    public void Compute_NoPositivePredictionOrLabel_ZeroDivisionGivesZero()
    {
        var confusion = new BinaryConfusion();
        confusion.Add(actualPositive: false, predictedPositive: false);
        confusion.Add(actualPositive: false, predictedPositive: false);

        Assert.Equal(0.0, ClassificationMetrics.Compute(confusion, "precision"));
        Assert.Equal(0.0, ClassificationMetrics.Compute(confusion, "recall"));
        Assert.Equal(0.0, ClassificationMetrics.Compute(confusion, "f1"));
        Assert.Equal(0.0, ClassificationMetrics.Compute(confusion, "false_negative_rate"));
        Assert.Equal(1.0, ClassificationMetrics.Compute(confusion, "accuracy"));
        Assert.Equal(0.0, ClassificationMetrics.Compute(confusion, "recall_best_constant_classifier"));
    }

    [Fact]
    public void Compute_UnknownName_ThrowsListingTheAcceptedNames()
    {
        var error = Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute(DocumentedExample(), "F1"));

        Assert.Contains("`F1`", error.Message, StringComparison.Ordinal);
        Assert.Contains("`f1`", error.Message, StringComparison.Ordinal);
        Assert.Contains("`f2_best_constant_classifier`", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compute_AucIsNotAConfusionMetric_Throws() =>
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute(DocumentedExample(), MetricNames.Auc));

    [Property(MaxTest = 300)]
    public Property Compute_AnyRows_EqualsRowListReference() =>
        Prop.ForAll(Rows().ToArbitrary(), rows =>
        {
            var confusion = Accumulate(rows);
            return MetricNames.BinaryClassification.All(metric =>
                ModelQualityGen.Close(ClassificationMetrics.Compute(confusion, metric), Reference(rows, metric)))
                .Label(confusion.ToString());
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
            return new[] { first, second }.All(m => m.ToString() == whole.ToString() && m.Total == split.Rows.Length);
        });

    private static Gen<(bool Actual, bool Predicted)> Row() =>
        from actual in Gen.Elements(true, false)
        from predicted in Gen.Elements(true, false)
        select (actual, predicted);

    private static Gen<(bool Actual, bool Predicted)[]> Rows() => Row().ArrayOf();

    private static BinaryConfusion Accumulate(IEnumerable<(bool Actual, bool Predicted)> rows)
    {
        var confusion = new BinaryConfusion();
        foreach (var (actual, predicted) in rows)
        {
            confusion.Add(actual, predicted);
        }
        return confusion;
    }

    /// <summary>scikit-learn's definitions over the row list; best constant re-scores the rows with every prediction positive.</summary>
    private static double Reference((bool Actual, bool Predicted)[] rows, string metric)
    {
        if (rows.Length == 0)
        {
            return double.NaN;
        }
        const string Suffix = "_best_constant_classifier";
        if (metric.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return Reference([.. rows.Select(r => (r.Actual, true))], metric[..^Suffix.Length]);
        }
        static double Ratio(int n, int d) => d == 0 ? 0 : (double)n / d;
        var tp = rows.Count(r => r.Actual && r.Predicted);
        var precision = Ratio(tp, rows.Count(r => r.Predicted));
        var recall = Ratio(tp, rows.Count(r => r.Actual));
        double F(double beta) => precision + recall == 0 ? 0 : (1 + (beta * beta)) * precision * recall / ((beta * beta * precision) + recall);
        return metric switch
        {
            "accuracy" => Ratio(rows.Count(r => r.Actual == r.Predicted), rows.Length),
            "precision" => precision,
            "recall" or "true_positive_rate" => recall,
            "true_negative_rate" => Ratio(rows.Count(r => !r.Actual && !r.Predicted), rows.Count(r => !r.Actual)),
            "false_positive_rate" => Ratio(rows.Count(r => !r.Actual && r.Predicted), rows.Count(r => !r.Actual)),
            "false_negative_rate" => Ratio(rows.Count(r => r.Actual && !r.Predicted), rows.Count(r => r.Actual)),
            "f0_5" => F(0.5),
            "f1" => F(1),
            "f2" => F(2),
            _ => throw new ArgumentException(metric),
        };
    }
}
