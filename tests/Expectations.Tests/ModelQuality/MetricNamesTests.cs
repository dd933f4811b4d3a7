using Dq.Expectations.ModelQuality;

namespace Dq.Expectations.Tests.ModelQuality;

/// <summary>The accepted-name lists: complete against the brief's names, no duplicates, readable in errors.</summary>
public sealed class MetricNamesTests
{
    [Fact]
    public void Bias_IsPreTrainingThenPostTraining_WithoutDuplicates()
    {
        Assert.Equal(MetricNames.PreTrainingBias.Concat(MetricNames.PostTrainingBias), MetricNames.Bias);
        Assert.Equal(MetricNames.Bias.Count, MetricNames.Bias.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void BinaryClassification_HasTenMetricsAndSixBestConstantVariants()
    {
        Assert.Equal(16, MetricNames.BinaryClassification.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(
            ["accuracy", "precision", "recall", "f0_5", "f1", "f2"],
            MetricNames.BinaryClassification.Where(n => n.EndsWith(MetricNames.BestConstantSuffix, StringComparison.Ordinal))
                .Select(n => n[..^MetricNames.BestConstantSuffix.Length]));
    }

    [Fact]
    public void IsAccepted_IsOrdinal() =>
        Assert.False(MetricNames.IsAccepted(MetricNames.Regression, "MAE"));

    [Fact]
    public void Describe_ListsWithCommasAndAnd()
    {
        Assert.Equal("`a`, `b` and `c`", MetricNames.Describe(["a", "b", "c"]));
        Assert.Equal("`a`", MetricNames.Describe(["a"]));
    }
}
