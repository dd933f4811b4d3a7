using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Expectations.ModelQuality;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.ModelQuality;

/// <summary>
/// <see cref="ModelQualityAnalyzer"/>: SageMaker's standard deviations over five 80% subsamples, reproduced here from
/// the rows, results that do not depend on threads or batches, and the curves' downsampling.
/// </summary>
public sealed class ModelQualityAnalyzerTests
{
    private static (long[] Labels, long[] Predictions, double[] Scores) Rows(int count, int seed)
    {
        var random = new Random(seed);
        var labels = new long[count];
        var predictions = new long[count];
        var scores = new double[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = random.NextDouble() < 0.3 ? 1 : 0;
            scores[i] = Math.Round(Math.Clamp((labels[i] == 1 ? 0.65 : 0.35) + ((random.NextDouble() - 0.5) * 0.8), 0, 1), 3);
            predictions[i] = scores[i] >= 0.5 ? 1 : 0;
        }
        return (labels, predictions, scores);
    }

    private static RecordBatch Batch((long[] Labels, long[] Predictions, double[] Scores) rows) => Arrays.Batch(
        ("label", Arrays.Int64(rows.Labels.Select(v => (long?)v))),
        ("prediction", Arrays.Int64(rows.Predictions.Select(v => (long?)v))),
        ("score", Arrays.Double(rows.Scores.Select(v => (double?)v))));

    private static ModelQualityStatistics Analyze(RecordBatch batch, int batchRows, int threads)
    {
        using var source = new RecordBatchSource(batch.Schema, Arrays.Split(batch, batchRows));
        return ModelQualityAnalyzer.Analyze(source, new ModelQualityOptions
        {
            ProblemType = ModelProblemType.BinaryClassification,
            LabelColumn = "label",
            PredictionColumn = "prediction",
            ProbabilityColumn = "score",
            Threads = threads,
        }, TestContext.Current.CancellationToken);
    }

    /// <summary>SplitMix64's finalizer, written out again: the subsample draw the analyzer documents.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    private static bool InSubsample(int replicate, long row)
    {
        var stream = Mix(ModelQualityAnalyzer.Seed ^ ((ulong)(replicate + 1) * 0x9E3779B97F4A7C15UL));
        return Mix(stream + (ulong)row) >> 11 < (ulong)(ModelQualityAnalyzer.SampleFraction * (1UL << 53));
    }

    [Fact]
    public void StandardDeviation_IsTheSampleDeviationOfTheMetricOverFiveSubsamplesOfAboutEightyPercent()
    {
        var rows = Rows(1_000, seed: 4);
        var statistics = Analyze(Batch(rows), batchRows: 1_000, threads: 1);

        var accuracies = new List<double>();
        for (var r = 0; r < ModelQualityAnalyzer.Replicates; r++)
        {
            var members = Enumerable.Range(0, rows.Labels.Length).Where(i => InSubsample(r, i)).ToList();
            Assert.InRange(members.Count, 760, 840); // 800 ± 3σ of a Binomial(1000, 0.8)
            accuracies.Add(members.Count(i => rows.Labels[i] == rows.Predictions[i]) / (double)members.Count);
        }
        var mean = accuracies.Average();
        var expected = Math.Sqrt(accuracies.Sum(a => (a - mean) * (a - mean)) / (accuracies.Count - 1));

        Assert.Equal(expected, statistics.Metric("accuracy")!.StandardDeviation, 12);
        Assert.Equal(rows.Labels.Zip(rows.Predictions).Count(p => p.First == p.Second) / 1000.0, statistics.Metric("accuracy")!.Value, 12);
    }

    [Fact]
    public void Statistics_DoNotDependOnThreadsOrBatches()
    {
        var batch = Batch(Rows(5_000, seed: 9));

        var one = Analyze(batch, batchRows: 5_000, threads: 1);
        var split = Analyze(batch, batchRows: 333, threads: 2);

        Assert.Equal(one.Metrics, split.Metrics);
        Assert.Equal(one.Roc!.TruePositiveRates, split.Roc!.TruePositiveRates);
        Assert.Equal(one.PrecisionRecall!.Precisions, split.PrecisionRecall!.Precisions);
    }

    [Fact]
    public void UnderTwoHundredRows_DeviationsAreNaN()
    {
        var statistics = Analyze(Batch(Rows(199, seed: 2)), batchRows: 199, threads: 1);

        Assert.All(statistics.Metrics, m => Assert.True(double.IsNaN(m.StandardDeviation), m.Name));
        Assert.All(statistics.Metrics, m => Assert.False(double.IsNaN(m.Value), m.Name));
    }

    [Theory]
    [InlineData(10, 3, new[] { 3, 7, 9 })] // groups of ⌈10/3⌉ = 4, each keeping its last point, and the last threshold
    [InlineData(9, 3, new[] { 2, 5, 8 })]
    [InlineData(5, 3, new[] { 1, 3, 4 })]
    [InlineData(3, 3, new[] { 0, 1, 2 })] // groups of 1: nothing to group
    [InlineData(4, 0, new[] { 0, 1, 2, 3 })] // 0: every point
    public void Curves_AreDownsampledToAtMostMaxPoints(int thresholds, int maxPoints, int[] kept)
    {
        Assert.Equal(kept, ModelQualityCurves.Kept(thresholds, maxPoints));
    }

    [Fact]
    public void Curves_KeepTheirEndPoints_WhenDownsampled()
    {
        using var source = new RecordBatchSource(Batch(Rows(3_000, seed: 1)));
        var statistics = ModelQualityAnalyzer.Analyze(source, new ModelQualityOptions
        {
            ProblemType = ModelProblemType.BinaryClassification,
            LabelColumn = "label",
            PredictionColumn = "prediction",
            ProbabilityColumn = "score",
            MaxCurvePoints = 50,
        }, TestContext.Current.CancellationToken);

        var roc = statistics.Roc!;
        Assert.InRange(roc.FalsePositiveRates.Count, 40, 52); // at most 50 thresholds and the two end points
        Assert.Equal((0.0, 0.0), (roc.FalsePositiveRates[0], roc.TruePositiveRates[0]));
        Assert.Equal((1.0, 1.0), (roc.FalsePositiveRates[^1], roc.TruePositiveRates[^1]));
        Assert.Equal(0.0, statistics.PrecisionRecall!.Recalls[0]);
        Assert.Equal(1.0, statistics.PrecisionRecall.Recalls[^1]);
    }
}
