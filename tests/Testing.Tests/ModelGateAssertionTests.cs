using Microsoft.Data.Analysis;

namespace Dq.Testing.Tests;

/// <summary>Model gates in a test: the failure says what was measured against which bound, over how many rows.</summary>
public sealed class ModelGateAssertionTests
{
    /// <summary>20,000 labelled rows of which the first 14,800 are predicted right: accuracy 0.74.</summary>
    private static DataFrame Predictions()
    {
        var labels = Enumerable.Range(0, 20_000).Select(i => (int?)(i % 2)).ToArray();
        var predictions = labels.Select((l, i) => i < 14_800 ? l : 1 - l).ToArray();
        var group = Enumerable.Range(0, 20_000).Select(i => i % 3 == 0 ? "b" : "a").ToArray();
        return new DataFrame(new Int32DataFrameColumn("label", labels), new Int32DataFrameColumn("prediction", predictions), new StringDataFrameColumn("group", group));
    }

    [Fact]
    public void Accuracy_BelowTheGate_ReadsAsTheMetricTheBoundAndTheRows()
    {
        var error = Assert.Throws<DataAssertionException>(() => Predictions().Should().HaveClassificationMetricBetween("accuracy", "label", "prediction", min: 0.8));

        Assert.Contains("     accuracy 0.74 is below 0.8 (on 20,000 rows)\n", error.Message + "\n", StringComparison.Ordinal);
        Assert.True(error.Message.Contains("1. The `accuracy` of the predictions in `prediction` against the labels in `label` must be at least 0.8", StringComparison.Ordinal), error.Message);
        Assert.DoesNotContain("observed value", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Accuracy_AtTheGate_Passes()
    {
        Predictions().Should().HaveClassificationMetricBetween("accuracy", "label", "prediction", min: 0.74);
    }

    [Fact]
    public void Regression_AboveItsBound_ReadsAbove()
    {
        var frame = new DataFrame(new DoubleDataFrameColumn("price", [10, 20, 30, 40]), new DoubleDataFrameColumn("predicted", [12, 18, 33, 40]));

        // Errors 2, 2, 3, 0: mae 1.75.
        var error = Assert.Throws<DataAssertionException>(() => frame.Should().HaveRegressionMetricBetween("mae", "price", "predicted", max: 1.5));

        Assert.Contains("mae 1.75 is above 1.5 (on 4 rows)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bias_WithAnEmptyFacet_SaysItCouldNotBeMeasured()
    {
        var error = Assert.Throws<DataAssertionException>(() =>
            Predictions().Should().HaveBiasMetricBetween("demographic_parity_difference", "group", ["c"], "label", "prediction", max: 0.1));

        Assert.Contains("demographic_parity_difference could not be measured:", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bias_WithinItsBound_Passes()
    {
        // Every third row is in group b; both groups are predicted positive about half the time. By hand: group b has
        // 6,667 rows, 3,334 of them predicted positive; group a 13,333 rows, 6,666 positive; |0.49996 - 0.50007| ≈ 0.00011.
        Predictions().Should().HaveBiasMetricBetween("demographic_parity_difference", "group", ["b"], "label", "prediction", max: 0.0002);

        var error = Assert.Throws<DataAssertionException>(() =>
            Predictions().Should().HaveBiasMetricBetween("demographic_parity_difference", "group", ["b"], "label", "prediction", max: 0.0001));
        Assert.Contains("demographic_parity_difference 0.0001125 is above 0.0001 (on 20,000 rows)", error.Message, StringComparison.Ordinal);
    }
}
