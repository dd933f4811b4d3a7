using System.Globalization;
using Dq.Expectations.Columns;
using Dq.Expectations.Execution;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.ModelQuality;
using Dq.Expectations.Metrics;
using Dq.Expectations.Planning;

namespace Dq.Expectations.ModelQuality;

/// <summary>
/// Computes SageMaker Model Monitor's model-quality statistics (<c>model-monitor-model-quality-metrics.md</c>) in one
/// shared scan, with the kernels and formulas the model-gate expectations use: a confusion matrix and the sorted
/// scores for a classifier, error sums for a regression.
/// </summary>
/// <remarks>
/// <para>
/// Standard deviations follow SageMaker's note ("randomly sampling 80% of the data 5 times, computing the metric, and
/// taking the standard deviation"; none under 200 rows): five more states of the same kernel ride the same scan, each
/// over a Bernoulli(0.8) subsample drawn from a hash of the row number, so a rerun (at any thread count) gives the same
/// figures. The deviation is the sample one (n − 1), as Spark's <c>stddev</c>. SageMaker's own draw is random and
/// undocumented, so the deviations agree with it in size, not digit for digit.
/// </para>
/// <para>Each subsample of a scored classifier keeps its own scores, so memory is about 8 bytes a row for the main
/// state and 32 more for the subsamples.</para>
/// </remarks>
public static class ModelQualityAnalyzer
{
    /// <summary>SageMaker's subsample count for standard deviations.</summary>
    public const int Replicates = 5;

    /// <summary>SageMaker's subsample share.</summary>
    public const double SampleFraction = 0.8;

    /// <summary>SageMaker gives standard deviations only from this many rows.</summary>
    public const long MinRowsForDeviation = 200;

    /// <summary>The subsamples' seed: fixed, so statistics are reproducible.</summary>
    internal const ulong Seed = 0x5EED_D0_17UL;

    /// <summary>Measures the model whose labels and predictions <paramref name="source"/> holds.</summary>
    /// <exception cref="ConfigurationException">A column is missing or of the wrong type, an option does not fit the problem type, or a probability is outside [0, 1].</exception>
    /// <exception cref="DataReadException">The source could not be read.</exception>
    public static ModelQualityStatistics Analyze(IBatchSource source, ModelQualityOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var key = KeyFor(options);
        var replicates = Enumerable.Range(0, Replicates).Select(r => new SubsampleKey(key, r, SampleFraction, Seed)).ToList();
        var plan = Planner.Plan([new MetricRequest(key), .. replicates.Select(r => new MetricRequest(r))], source.Schema, KernelVariants.Best);
        if (plan.Failures.Count > 0)
        {
            throw new ConfigurationException(plan.Failures.GetValueOrDefault(key) ?? plan.Failures.Values.First());
        }
        var metrics = PlanExecutor.Run(source, plan, new ExecutionOptions { Threads = options.Threads }, cancellationToken);
        var samples = replicates.Select(r => metrics.State<MetricState>(r)).ToList();
        return options.ProblemType switch
        {
            ModelProblemType.BinaryClassification => Binary(options, metrics.State<BinaryClassificationState>(key), samples.Cast<BinaryClassificationState>().ToList()),
            ModelProblemType.MulticlassClassification => Multiclass(metrics.State<MulticlassClassificationState>(key), samples.Cast<MulticlassClassificationState>().ToList()),
            _ => Regression(metrics.State<RegressionState>(key), samples.Cast<RegressionState>().ToList()),
        };
    }

    /// <summary>The binary metrics in SageMaker's order; auc (and the curves) only with a probability column.</summary>
    internal static IReadOnlyList<string> BinaryOrder { get; } =
    [
        "recall", "precision", "accuracy",
        "recall" + MetricNames.BestConstantSuffix, "precision" + MetricNames.BestConstantSuffix, "accuracy" + MetricNames.BestConstantSuffix,
        "true_positive_rate", "true_negative_rate", "false_positive_rate", "false_negative_rate",
        MetricNames.Auc, "f0_5", "f1", "f2",
        "f0_5" + MetricNames.BestConstantSuffix, "f1" + MetricNames.BestConstantSuffix, "f2" + MetricNames.BestConstantSuffix,
    ];

    /// <summary>SageMaker's multiclass metrics (its best-constant variants are undocumented for more than two classes, so left out).</summary>
    internal static IReadOnlyList<string> MulticlassOrder { get; } =
        ["accuracy", "weighted_recall", "weighted_precision", "weighted_f0_5", "weighted_f1", "weighted_f2"];

    /// <summary>SageMaker's regression metrics.</summary>
    internal static IReadOnlyList<string> RegressionOrder { get; } = ["mae", "mse", "rmse", "r2"];

    private static MultiColumnMetricKey KeyFor(ModelQualityOptions o)
    {
        if (o.ProblemType != ModelProblemType.BinaryClassification && o.ProbabilityColumn is not null)
        {
            throw new ConfigurationException($"A probability column is read only for BinaryClassification, not {o.ProblemType}; leave it out.");
        }
        if (o.ProblemType != ModelProblemType.BinaryClassification && o.PositiveLabel is not null)
        {
            throw new ConfigurationException($"A positive label is only for BinaryClassification; {o.ProblemType} counts every value as its own class.");
        }
        if (o.PredictionColumn is null && (o.ProblemType != ModelProblemType.BinaryClassification || o.ProbabilityColumn is null))
        {
            throw new ConfigurationException(o.ProblemType == ModelProblemType.BinaryClassification
                ? "Give the column of predicted labels, or the column of probabilities of the positive class to predict from at the threshold."
                : "Give the column of predicted values.");
        }
        if (!(o.ProbabilityThreshold is >= 0 and <= 1))
        {
            throw new ConfigurationException($"The probability threshold {o.ProbabilityThreshold.ToString(CultureInfo.InvariantCulture)} is outside [0, 1]; give a probability, such as 0.5.");
        }
        string[] labelAndPrediction = [o.LabelColumn, o.PredictionColumn ?? ""];
        return o.ProblemType switch
        {
            ModelProblemType.MulticlassClassification => new MulticlassClassificationKey(new ColumnList(labelAndPrediction)),
            ModelProblemType.Regression => new RegressionKey(new ColumnList(labelAndPrediction)),
            _ => new BinaryClassificationKey(
                new ColumnList(o.PredictionColumn is null ? [o.LabelColumn, o.ProbabilityColumn!]
                    : o.ProbabilityColumn is null ? labelAndPrediction : [.. labelAndPrediction, o.ProbabilityColumn]),
                Classes(o.PositiveLabel),
                o.PredictionColumn is null ? o.ProbabilityThreshold : null),
        };
    }

    private static LabelClasses Classes(object? positive) =>
        positive is null ? LabelClasses.ZeroOne
        : LabelClasses.Spellings(positive).Contains(Kernels.MultiColumn.Cell.FromInteger(1)) ? new LabelClasses([positive], [0L])
        : new LabelClasses([positive], null);

    private static ModelQualityStatistics Binary(ModelQualityOptions options, BinaryClassificationState state, List<BinaryClassificationState> samples)
    {
        if (state.FirstScoreOutOfRange is { } bad)
        {
            throw new ConfigurationException(
                $"The probability column `{options.ProbabilityColumn}` holds {Text(bad.Value)} at row {bad.Row.ToString(CultureInfo.InvariantCulture)}, outside [0, 1] ({state.ScoresOutOfRange.ToString("N0", CultureInfo.InvariantCulture)} row{(state.ScoresOutOfRange == 1 ? "" : "s")} out of range); give the model's probability of the positive class, between 0 and 1.");
        }
        var hasScores = state.Scores is not null;
        if (hasScores)
        {
            // Six buffers of up to every row each: the sorts are most of the work after the scan, and independent.
            Parallel.ForEach([state, .. samples], new ParallelOptions { MaxDegreeOfParallelism = options.Threads > 0 ? options.Threads : -1 }, s => s.Scores!.Sort());
        }
        var names = BinaryOrder.Where(n => hasScores || n != MetricNames.Auc).ToList();
        double Value(BinaryClassificationState s, string name) => name == MetricNames.Auc ? s.Scores!.Auc() : ClassificationMetrics.Compute(s.Confusion, name);
        var c = state.Confusion;
        var positive = options.PositiveLabel is null ? "1" : Text(options.PositiveLabel);
        var negative = options.PositiveLabel is null || positive == "1" ? "0" : $"not {positive}";
        var outside = state.Outside;
        var curves = state.Scores?.Curves();
        return new ModelQualityStatistics(ModelProblemType.BinaryClassification, c.Total,
            Measure(names, c.Total, name => Value(state, name), samples.Select(s => (Func<string, double>)(name => Value(s, name)))),
            new ModelRowsLeftOut(state.Rows, state.MissingRows, outside.Rows, outside.Labels, outside.Predictions, outside.Values))
        {
            ConfusionMatrix =
            [
                new(negative, [new(negative, c.TrueNegatives), new(positive, c.FalsePositives)]),
                new(positive, [new(negative, c.FalseNegatives), new(positive, c.TruePositives)]),
            ],
            Roc = curves is null ? null : ModelQualityCurves.Roc(curves, options.MaxCurvePoints),
            PrecisionRecall = curves is null ? null : ModelQualityCurves.PrecisionRecall(curves, options.MaxCurvePoints),
        };
    }

    private static ModelQualityStatistics Multiclass(MulticlassClassificationState state, List<MulticlassClassificationState> samples)
    {
        var confusion = state.ToConfusion();
        var sampleConfusions = samples.Select(s => s.ToConfusion()).ToList();
        var labels = confusion.Labels;
        return new ModelQualityStatistics(ModelProblemType.MulticlassClassification, confusion.Total,
            Measure(MulticlassOrder, confusion.Total, name => MulticlassMetrics.Compute(confusion, name),
                sampleConfusions.Select(s => (Func<string, double>)(name => MulticlassMetrics.Compute(s, name)))),
            new ModelRowsLeftOut(state.Rows, state.MissingRows))
        {
            ConfusionMatrix = [.. labels.Select(a => new KeyValuePair<string, IReadOnlyList<KeyValuePair<string, long>>>(
                a, [.. labels.Select(p => new KeyValuePair<string, long>(p, confusion.Count(a, p)))]))],
        };
    }

    private static ModelQualityStatistics Regression(RegressionState state, List<RegressionState> samples)
    {
        var errors = state.Errors;
        return new ModelQualityStatistics(ModelProblemType.Regression, errors.Count,
            Measure(RegressionOrder, errors.Count, errors.Compute, samples.Select(s => (Func<string, double>)s.Errors.Compute)),
            new ModelRowsLeftOut(state.Rows, state.MissingRows, NonFiniteRows: errors.NonFinitePairs));
    }

    /// <summary>Each metric over all rows, with its deviation over the subsamples when there are enough rows.</summary>
    private static List<ModelMetric> Measure(IReadOnlyList<string> names, long rows, Func<string, double> value, IEnumerable<Func<string, double>> samples)
    {
        var sampleValues = samples.ToList();
        return [.. names.Select(name => new ModelMetric(name, value(name),
            rows < MinRowsForDeviation ? double.NaN : SampleDeviation([.. sampleValues.Select(s => s(name))])))];
    }

    /// <summary>A value as plain invariant text (this engine namespace does not use the results' formatting).</summary>
    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null";

    /// <summary>The sample standard deviation (n − 1); NaN when a subsample's metric is not defined.</summary>
    internal static double SampleDeviation(IReadOnlyList<double> values)
    {
        if (values.Count < 2 || values.Any(v => !double.IsFinite(v)))
        {
            return double.NaN;
        }
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
