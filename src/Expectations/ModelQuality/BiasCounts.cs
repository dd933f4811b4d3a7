using Dq.Expectations.Metrics;

namespace Dq.Expectations.ModelQuality;

/// <summary>
/// The counts every Clarify bias metric is built from: one binary confusion matrix (label × prediction) per facet,
/// the advantaged facet a (rows not in the sensitive group) and the sensitive facet d. Counts add, so states over
/// any split of the rows merge in any order to the same counts.
/// </summary>
/// <remarks>
/// In Clarify's notation, for a facet f ∈ {a, d}: n_f = <see cref="BinaryConfusion.Total"/>,
/// n_f(1) = <see cref="BinaryConfusion.ActualPositives"/>, n_f(0) = <see cref="BinaryConfusion.ActualNegatives"/>,
/// n′_f(1) = <see cref="BinaryConfusion.PredictedPositives"/>, n′_f(0) = <see cref="BinaryConfusion.PredictedNegatives"/>,
/// and TP_f, FP_f, TN_f, FN_f the four cells. Pre-training metrics read only the label counts, so a caller without
/// predictions may pass any constant prediction.
/// </remarks>
internal sealed class BiasCounts : MetricState
{
    /// <summary>The rows of the advantaged facet a (not sensitive).</summary>
    public BinaryConfusion Advantaged { get; } = new();

    /// <summary>The rows of the sensitive (disadvantaged) facet d.</summary>
    public BinaryConfusion Sensitive { get; } = new();

    /// <summary>Counts one row.</summary>
    /// <param name="sensitive">Whether the row belongs to the sensitive facet d.</param>
    /// <param name="labelPositive">Whether its observed label is the positive outcome.</param>
    /// <param name="predictedPositive">Whether the model predicted the positive outcome.</param>
    public void Add(bool sensitive, bool labelPositive, bool predictedPositive) =>
        (sensitive ? Sensitive : Advantaged).Add(labelPositive, predictedPositive);

    /// <summary>Folds the counts of <paramref name="other"/> (other rows) into these.</summary>
    public void Merge(BiasCounts other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Advantaged.Merge(other.Advantaged);
        Sensitive.Merge(other.Sensitive);
    }

    /// <inheritdoc />
    public override void Merge(MetricState other) => Merge((BiasCounts)other);

    /// <inheritdoc />
    public override string ToString() => $"a: {Advantaged}; d: {Sensitive}";
}
