using Apache.Arrow;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.ModelQuality;
using Dq.Expectations.Kernels.MultiColumn;
using Dq.Expectations.ModelQuality;

namespace Dq.Expectations.Metrics;

/// <summary>
/// A binary classifier's confusion matrix over the rows, and its scores when <paramref name="Columns"/> has a third
/// column (label, prediction[, score]): one pass, the scores kept for one sort at the end. With
/// <paramref name="ScoreThreshold"/> the columns are (label, score) and the predictions are the scores at the threshold.
/// </summary>
internal sealed record BinaryClassificationKey(ColumnList Columns, LabelClasses Classes, double? ScoreThreshold = null) : MultiColumnMetricKey(Columns)
{
    /// <exception cref="MetricPreconditionException">The score column is not numeric.</exception>
    public override ColumnKernel CreateKernel(IReadOnlyList<Field> fields, int sampleLimit) => new BinaryClassificationKernel(fields, Classes, ScoreThreshold);
}

/// <summary>A multiclass confusion matrix over (label, prediction) pairs.</summary>
internal sealed record MulticlassClassificationKey(ColumnList Columns) : MultiColumnMetricKey(Columns)
{
    public override ColumnKernel CreateKernel(IReadOnlyList<Field> fields, int sampleLimit) => new MulticlassClassificationKernel();
}

/// <summary>Regression error aggregates over (label, prediction) pairs of numbers.</summary>
internal sealed record RegressionKey(ColumnList Columns) : MultiColumnMetricKey(Columns)
{
    /// <exception cref="MetricPreconditionException">A column is not numeric.</exception>
    public override ColumnKernel CreateKernel(IReadOnlyList<Field> fields, int sampleLimit) => new RegressionKernel(fields);
}

/// <summary>
/// Clarify's per-facet counts over (facet, label[, prediction]): rows whose facet value is one of
/// <paramref name="FacetValues"/> form the sensitive facet d, the others the advantaged facet a.
/// </summary>
internal sealed record BiasKey(ColumnList Columns, CellList FacetValues, LabelClasses Classes) : MultiColumnMetricKey(Columns)
{
    public override ColumnKernel CreateKernel(IReadOnlyList<Field> fields, int sampleLimit) => new BiasKernel(FacetValues.Cells, Classes, hasPredictions: fields.Count > 2);
}

/// <summary>Values compared by value in order (<see cref="Cell"/> equality: 1 equals 1.0), so keys holding one stay value-equal.</summary>
internal sealed record CellList(IReadOnlyList<Cell> Cells)
{
    public bool Equals(CellList? other) => other is not null && Cells.SequenceEqual(other.Cells);

    public override int GetHashCode() => Cells.Aggregate(Cells.Count, (h, c) => HashCode.Combine(h, c));

    public override string ToString() => $"[{string.Join(", ", Cells)}]";
}

/// <summary>
/// <paramref name="Inner"/> computed over replicate <paramref name="Replicate"/> of a random subsample holding each row
/// with probability <paramref name="Fraction"/> (SageMaker's standard deviations: the metric over five 80% samples).
/// It reads the inner key's columns, so it shares their scan.
/// </summary>
internal sealed record SubsampleKey(MultiColumnMetricKey Inner, int Replicate, double Fraction, ulong Seed) : MultiColumnMetricKey(Inner.Columns)
{
    public override ColumnKernel CreateKernel(IReadOnlyList<Field> fields, int sampleLimit) =>
        new SubsampleKernel(Inner.CreateKernel(fields, sampleLimit), Replicate, Fraction, Seed);
}
