namespace Dq.Expectations.ModelQuality;

/// <summary>What <see cref="ModelQualityAnalyzer"/> measures: SageMaker Model Monitor's model-quality job settings.</summary>
public sealed record ModelQualityOptions
{
    /// <summary>SageMaker's <c>problem_type</c>.</summary>
    public required ModelProblemType ProblemType { get; init; }

    /// <summary>The column of actual labels (SageMaker's <c>ground_truth_attribute</c>).</summary>
    public required string LabelColumn { get; init; }

    /// <summary>
    /// The column of predicted labels (<c>inference_attribute</c>). A binary classifier may leave it null and give
    /// <see cref="ProbabilityColumn"/>: its predictions are then the probabilities at <see cref="ProbabilityThreshold"/>.
    /// </summary>
    public string? PredictionColumn { get; init; }

    /// <summary>The column of the probability of the positive class (<c>probability_attribute</c>), for auc and the curves; binary only.</summary>
    public string? ProbabilityColumn { get; init; }

    /// <summary>
    /// <c>probability_threshold_attribute</c>: a row with no prediction column is predicted positive when its
    /// probability is at least this. Default 0.5.
    /// </summary>
    public double ProbabilityThreshold { get; init; } = 0.5;

    /// <summary>The positive class of a binary classifier; null for 1 (1, 1.0, "1", true), whose negative class is 0.</summary>
    /// <remarks>With another positive class, every other present value is negative, as Clarify reads a label value.</remarks>
    public object? PositiveLabel { get; init; }

    /// <summary>Worker threads; 0 shares every core.</summary>
    public int Threads { get; init; }

    /// <summary>
    /// The most points the ROC and precision–recall curves keep (0: one per distinct score). Longer curves are
    /// downsampled much as Spark's <c>BinaryClassificationMetrics(numBins)</c> does: consecutive thresholds are grouped
    /// and each group keeps its last point (plus the curves' fixed end points). Default 1000, so 10 million distinct scores do not make a 400 MB file.
    /// </summary>
    public int MaxCurvePoints { get; init; } = 1000;
}
