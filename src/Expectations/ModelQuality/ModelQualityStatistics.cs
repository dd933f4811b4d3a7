namespace Dq.Expectations.ModelQuality;

/// <summary>
/// A model's quality over a table of labels and predictions: SageMaker Model Monitor's statistics.json
/// (<c>model-monitor-model-quality-metrics.md</c>) with the rows dq left out.
/// </summary>
public sealed class ModelQualityStatistics
{
    internal ModelQualityStatistics(ModelProblemType problemType, long itemCount, IReadOnlyList<ModelMetric> metrics, ModelRowsLeftOut rowsLeftOut)
    {
        ProblemType = problemType;
        ItemCount = itemCount;
        Metrics = metrics;
        RowsLeftOut = rowsLeftOut;
    }

    /// <summary>The problem type the metrics are of.</summary>
    public ModelProblemType ProblemType { get; }

    /// <summary>The rows the metrics are computed over (SageMaker's <c>dataset.item_count</c>).</summary>
    public long ItemCount { get; }

    /// <summary>The metrics in SageMaker's order, each with its value and standard deviation.</summary>
    public IReadOnlyList<ModelMetric> Metrics { get; }

    /// <summary>The rows read but not measured, and why.</summary>
    public ModelRowsLeftOut RowsLeftOut { get; }

    /// <summary>
    /// SageMaker's <c>confusion_matrix</c>, <c>{actual: {predicted: rows}}</c>, for classifiers: the negative class then
    /// the positive one for a binary model, every label in ordinal order for a multiclass one. Null for regression.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<KeyValuePair<string, long>>>>? ConfusionMatrix { get; init; }

    /// <summary>The ROC curve (binary, with a probability column).</summary>
    public RocCurve? Roc { get; init; }

    /// <summary>The precision–recall curve (binary, with a probability column).</summary>
    public PrecisionRecallCurve? PrecisionRecall { get; init; }

    /// <summary>The metric called <paramref name="name"/>, or null.</summary>
    public ModelMetric? Metric(string name) => Metrics.FirstOrDefault(m => m.Name == name);
}

/// <summary>One metric of statistics.json: <c>{"value", "standard_deviation"}</c>.</summary>
/// <param name="Name">SageMaker's name (<c>accuracy</c>, <c>weighted_f1</c>, <c>rmse</c>).</param>
/// <param name="Value">The metric over every measured row; NaN when it is not defined (auc with one class).</param>
/// <param name="StandardDeviation">
/// The sample standard deviation of the metric over five random 80% subsamples, as SageMaker computes it; NaN under
/// 200 rows, as SageMaker writes it.
/// </param>
public sealed record ModelMetric(string Name, double Value, double StandardDeviation);

/// <summary>SageMaker's <c>receiver_operating_characteristic_curve</c>.</summary>
/// <param name="FalsePositiveRates">FPR from (0, 0) to (1, 1), thresholds descending.</param>
/// <param name="TruePositiveRates">TPR at the same points.</param>
public sealed record RocCurve(IReadOnlyList<double> FalsePositiveRates, IReadOnlyList<double> TruePositiveRates);

/// <summary>SageMaker's <c>precision_recall_curve</c>.</summary>
/// <param name="Precisions">Precision, from recall 0 (the first threshold's precision) up.</param>
/// <param name="Recalls">Recall at the same points.</param>
public sealed record PrecisionRecallCurve(IReadOnlyList<double> Precisions, IReadOnlyList<double> Recalls);

/// <summary>The rows read but not measured.</summary>
/// <param name="RowsRead">Every row read.</param>
/// <param name="MissingRows">Rows with a null or NaN label, prediction or probability.</param>
/// <param name="OutsideClassRows">Binary: rows whose label or prediction is of neither class.</param>
/// <param name="LabelsOutsideClasses">Binary: rows whose label is of neither class.</param>
/// <param name="PredictionsOutsideClasses">Binary: rows whose prediction is of neither class.</param>
/// <param name="ValuesOutsideClasses">Binary: the first few distinct values of neither class.</param>
/// <param name="NonFiniteRows">Regression: rows with an infinite label or prediction.</param>
public sealed record ModelRowsLeftOut(
    long RowsRead, long MissingRows, long OutsideClassRows = 0, long LabelsOutsideClasses = 0, long PredictionsOutsideClasses = 0,
    IReadOnlyList<object?>? ValuesOutsideClasses = null, long NonFiniteRows = 0)
{
    /// <summary>Whether any row was left out.</summary>
    public bool Any => MissingRows + OutsideClassRows + NonFiniteRows > 0;
}
