using System.Numerics;
using Dq.Expectations.Kernels.MultiColumn;
using Dq.Expectations.Metrics;
using Dq.Expectations.ModelQuality;

namespace Dq.Expectations.Kernels.ModelQuality;

/// <summary>
/// Counts Clarify's per-facet confusion matrices over (facet, label[, prediction]) rows: a row whose facet value is
/// one of the sensitive values belongs to facet d, any other to facet a. Without a prediction column every row counts
/// as predicted negative, which only the post-training metrics would read. A row with a missing value is left out; a
/// label or prediction of neither class is counted and left out.
/// </summary>
internal sealed class BiasKernel(IReadOnlyList<Cell> sensitiveValues, LabelClasses classes, bool hasPredictions) : ColumnKernel
{
    public override MetricState CreateState() => new BiasState();

    public override void Accumulate(in ColumnBlock block, MetricState state)
    {
        var s = (BiasState)state;
        var facets = new CellReader(block.Arrays[0]);
        var labels = new ClassReader(block.Arrays[1], classes);
        var predictions = hasPredictions ? new ClassReader(block.Arrays[2], classes) : null;
        var end = block.Start + block.Length;
        for (var word = block.Start; word < end; word += 64)
        {
            for (var bits = block.Selected(word, Math.Min(64, end - word)); bits != 0; bits &= bits - 1)
            {
                var row = word + BitOperations.TrailingZeroCount(bits);
                s.Rows++;
                var facet = facets.Read(row);
                var label = labels.Classify(row);
                var prediction = predictions?.Classify(row) ?? LabelClass.Negative;
                if (facet.IsMissing || label == LabelClass.Missing || prediction == LabelClass.Missing)
                {
                    s.MissingRows++;
                    continue;
                }
                if (label == LabelClass.Outside || prediction == LabelClass.Outside)
                {
                    s.Outside.Add(block.FirstRowIndex + row,
                        label == LabelClass.Outside ? labels.Read(row) : null,
                        prediction == LabelClass.Outside ? predictions!.Read(row) : null);
                    continue;
                }
                s.Counts.Add(LabelClasses.Contains(sensitiveValues, facet), label == LabelClass.Positive, prediction == LabelClass.Positive);
            }
        }
    }
}

/// <summary>The state of <see cref="BiasKernel"/>.</summary>
internal sealed class BiasState : MetricState
{
    /// <summary>The rows the scan considered (those the row condition selects).</summary>
    public long Rows { get; set; }

    /// <summary>Rows left out for a null (or NaN) facet, label or prediction.</summary>
    public long MissingRows { get; set; }

    /// <summary>The per-facet counts of the rows whose label (and prediction) are of a class.</summary>
    public BiasCounts Counts { get; } = new();

    /// <summary>Labels and predictions of neither class.</summary>
    public OutsideClassValues Outside { get; } = new();

    public override void Merge(MetricState other)
    {
        var o = (BiasState)other;
        Rows += o.Rows;
        MissingRows += o.MissingRows;
        Counts.Merge(o.Counts);
        Outside.Merge(o.Outside);
    }
}
