using Apache.Arrow;
using BenchmarkDotNet.Attributes;
using Dq.Benchmarks.EndToEnd;
using Dq.Expectations;
using Dq.Expectations.Columns;
using Dq.Expectations.ModelQuality;
using Dq.Expectations.Suites;

namespace Dq.Benchmarks.ModelQuality;

/// <summary>
/// Model gates over 10M predictions already in memory (batches of 128K rows, every core): a classifier's accuracy
/// (the confusion matrix, one pass), its auc (the scores buffered, one sort), a regression's rmse, and SageMaker's
/// whole model-quality statistics (every metric, the curves and five 80% subsamples for the standard deviations).
/// The baseline is a range check on the scores (a vectorised kernel over one column): the scan's floor.
/// </summary>
[Config(typeof(EndToEndConfig))]
public class ModelQualityBenchmarks
{
    private const int BatchRows = 1 << 17;
    private RecordBatchSource _source = null!;
    private ExpectationSuite _floor = null!;
    private ExpectationSuite _accuracy = null!;
    private ExpectationSuite _auc = null!;
    private ExpectationSuite _rmse = null!;

    /// <summary>Predictions; DQ_MODEL_ROWS overrides (to try the harness on fewer).</summary>
    public static int Rows => int.TryParse(Environment.GetEnvironmentVariable("DQ_MODEL_ROWS"), out var n) ? n : 10_000_000;

    /// <summary>Generates the predictions and the suites.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _source = Predictions(Rows);
        _floor = ExpectationSuite.Create("floor").ExpectColumnValuesToBeBetween("score", 0, 1).Build();
        _accuracy = ExpectationSuite.Create("accuracy").ExpectClassificationMetricToBeBetween("accuracy", "label", "predicted", min: 0.8).Build();
        _auc = ExpectationSuite.Create("auc").ExpectClassificationMetricToBeBetween("auc", "label", "predicted", min: 0.8, scoreColumn: "score").Build();
        _rmse = ExpectationSuite.Create("rmse").ExpectRegressionMetricToBeBetween("rmse", "actual", "estimate", max: 1).Build();
    }

    /// <summary>Releases the batches.</summary>
    [GlobalCleanup]
    public void Cleanup() => _source.Dispose();

    /// <summary>Scores within [0, 1]: one column's scan (a null check would read only the column's null count).</summary>
    [Benchmark(Baseline = true)]
    public bool ScanFloor() => Case("ScanFloor", 0);

    /// <summary>expect_classification_metric_to_be_between accuracy ≥ 0.8.</summary>
    [Benchmark]
    public bool Accuracy() => Case("Accuracy", 0);

    /// <summary>expect_classification_metric_to_be_between auc ≥ 0.8, exact over every threshold.</summary>
    [Benchmark]
    public bool Auc() => Case("Auc", 0);

    /// <summary>expect_regression_metric_to_be_between rmse ≤ 1.</summary>
    [Benchmark]
    public bool Rmse() => Case("Rmse", 0);

    /// <summary>dq model-quality's statistics of the classifier, with probabilities: every metric, curves, deviations.</summary>
    [Benchmark]
    public bool StatisticsBinary() => Case("StatisticsBinary", 0);

    /// <summary>dq model-quality's statistics of the regression.</summary>
    [Benchmark]
    public bool StatisticsRegression() => Case("StatisticsRegression", 0);

    /// <summary>The benchmark called <paramref name="name"/> with <paramref name="threads"/> threads (0: every core), for the timing harness too.</summary>
    internal bool Case(string name, int threads) => name switch
    {
        "ScanFloor" => Validate(_floor, threads),
        "Accuracy" => Validate(_accuracy, threads),
        "Auc" => Validate(_auc, threads),
        "Rmse" => Validate(_rmse, threads),
        "StatisticsBinary" => Statistics(ModelProblemType.BinaryClassification, threads),
        _ => Statistics(ModelProblemType.Regression, threads),
    };

    private bool Statistics(ModelProblemType type, int threads) => ModelQualityAnalyzer.Analyze(_source, new ModelQualityOptions
    {
        Threads = threads,
        ProblemType = type,
        LabelColumn = type == ModelProblemType.Regression ? "actual" : "label",
        PredictionColumn = type == ModelProblemType.Regression ? "estimate" : "predicted",
        ProbabilityColumn = type == ModelProblemType.Regression ? null : "score",
    }).ItemCount > 0;

    private bool Validate(ExpectationSuite suite, int threads) =>
        Validator.Validate(_source, suite, new ValidationOptions { Threads = threads }).Success;

    /// <summary>
    /// label (int64, 35% positive), predicted (int64, score ≥ 0.5), score (double, 6 decimals, so about a million
    /// distinct values), actual and estimate (double, a regression with unit-variance errors), from a fixed seed.
    /// </summary>
    internal static RecordBatchSource Predictions(int rows)
    {
        var random = new Random(17);
        var batches = new List<RecordBatch>();
        Schema? schema = null;
        for (var start = 0; start < rows; start += BatchRows)
        {
            var length = Math.Min(BatchRows, rows - start);
            var labels = new Int64Array.Builder();
            var predicted = new Int64Array.Builder();
            var scores = new DoubleArray.Builder();
            var actual = new DoubleArray.Builder();
            var estimate = new DoubleArray.Builder();
            for (var i = 0; i < length; i++)
            {
                var label = random.NextDouble() < 0.35 ? 1 : 0;
                var score = Math.Round(Math.Clamp(0.5 + (label == 1 ? 0.22 : -0.22) + ((random.NextDouble() - 0.5) * 0.6), 0, 1), 6);
                labels.Append(label);
                predicted.Append(score >= 0.5 ? 1 : 0);
                scores.Append(score);
                var y = random.NextDouble() * 100;
                actual.Append(y);
                estimate.Append(y + (random.NextDouble() - 0.5) * 3.4);
            }
            var columns = new IArrowArray[] { labels.Build(), predicted.Build(), scores.Build(), actual.Build(), estimate.Build() };
            schema ??= new Schema([.. new[] { "label", "predicted", "score", "actual", "estimate" }.Select((name, c) => new Field(name, columns[c].Data.DataType, false))], null);
            batches.Add(new RecordBatch(schema, columns, length));
        }
        return new RecordBatchSource(schema!, batches, "10M predictions");
    }
}
