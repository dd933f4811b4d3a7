using System.Numerics;
using Apache.Arrow;
using Dq.Expectations.Kernels.MultiColumn;
using Dq.Expectations.Metrics;
using Dq.Expectations.ModelQuality;

namespace Dq.Expectations.Kernels.ModelQuality;

/// <summary>
/// Adds (label, prediction) pairs of numbers to a <see cref="RegressionAccumulator"/>. A row with a null or NaN on
/// either side is left out as missing; an infinite value is counted by the accumulator as a non-finite pair.
/// </summary>
internal sealed class RegressionKernel : ColumnKernel
{
    /// <exception cref="MetricPreconditionException">A column is not numeric.</exception>
    public RegressionKernel(IReadOnlyList<Field> fields)
    {
        string[] kwargs = ["label_column", "prediction_column"];
        for (var i = 0; i < fields.Count; i++)
        {
            if (CellReader.KindOf(fields[i].DataType) != CellKind.Number)
            {
                throw new MetricPreconditionException(
                    $"`{kwargs[i]}` `{fields[i].Name}` ({fields[i].DataType.Name}) is not numeric, so it has no regression error; give numeric columns, or cast the column when reading.");
            }
        }
    }

    public override MetricState CreateState() => new RegressionState();

    public override void Accumulate(in ColumnBlock block, MetricState state)
    {
        var s = (RegressionState)state;
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
                s.Errors.Add(label.Real, prediction.Real);
            }
        }
    }
}

/// <summary>The state of <see cref="RegressionKernel"/>.</summary>
internal sealed class RegressionState : MetricState
{
    /// <summary>The rows the scan considered (those the row condition selects).</summary>
    public long Rows { get; set; }

    /// <summary>Rows left out for a null (or NaN) label or prediction.</summary>
    public long MissingRows { get; set; }

    /// <summary>The error aggregates of the other rows.</summary>
    public RegressionAccumulator Errors { get; } = new();

    public override void Merge(MetricState other)
    {
        var o = (RegressionState)other;
        Rows += o.Rows;
        MissingRows += o.MissingRows;
        Errors.Merge(o.Errors);
    }
}
