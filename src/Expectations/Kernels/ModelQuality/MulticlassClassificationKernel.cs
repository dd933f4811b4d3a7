using System.Numerics;
using Dq.Expectations.Kernels.MultiColumn;
using Dq.Expectations.Metrics;
using Dq.Expectations.ModelQuality;

namespace Dq.Expectations.Kernels.ModelQuality;

/// <summary>
/// Counts (label, prediction) pairs of a multiclass classifier. Values compare by value (1 equals 1.0), so an integer
/// label column and a real prediction column agree; a row with a missing label or prediction is left out.
/// </summary>
internal sealed class MulticlassClassificationKernel : ColumnKernel
{
    public override MetricState CreateState() => new MulticlassClassificationState();

    public override void Accumulate(in ColumnBlock block, MetricState state)
    {
        var s = (MulticlassClassificationState)state;
        var labels = new CellReader(block.Arrays[0]);
        var predictions = new CellReader(block.Arrays[1]);
        var end = block.Start + block.Length;
        for (var word = block.Start; word < end; word += 64)
        {
            for (var bits = block.Selected(word, Math.Min(64, end - word)); bits != 0; bits &= bits - 1)
            {
                var row = word + BitOperations.TrailingZeroCount(bits);
                s.Rows++;
                var label = labels.Read(row);
                var prediction = predictions.Read(row);
                if (label.IsMissing || prediction.IsMissing)
                {
                    s.MissingRows++;
                    continue;
                }
                s.Add(label, prediction, 1);
            }
        }
    }
}

/// <summary>The state of <see cref="MulticlassClassificationKernel"/>: pair counts, which add.</summary>
internal sealed class MulticlassClassificationState : MetricState
{
    private readonly Dictionary<(Cell Actual, Cell Predicted), long> _pairs = [];

    /// <summary>The rows the scan considered (those the row condition selects).</summary>
    public long Rows { get; set; }

    /// <summary>Rows left out for a null (or NaN) label or prediction.</summary>
    public long MissingRows { get; set; }

    public void Add(Cell actual, Cell predicted, long rows) =>
        _pairs[(actual, predicted)] = _pairs.GetValueOrDefault((actual, predicted)) + rows;

    /// <summary>The confusion matrix over the labels' invariant texts (the integer 1 and the real 1.0 are both "1").</summary>
    public MulticlassConfusion ToConfusion()
    {
        var confusion = new MulticlassConfusion();
        foreach (var ((actual, predicted), rows) in _pairs)
        {
            confusion.Add(actual.ToString(), predicted.ToString(), rows);
        }
        return confusion;
    }

    public override void Merge(MetricState other)
    {
        var o = (MulticlassClassificationState)other;
        Rows += o.Rows;
        MissingRows += o.MissingRows;
        foreach (var ((actual, predicted), rows) in o._pairs)
        {
            Add(actual, predicted, rows);
        }
    }
}
