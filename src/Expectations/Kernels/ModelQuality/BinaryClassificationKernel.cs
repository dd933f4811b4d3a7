using System.Numerics;
using Apache.Arrow;
using Dq.Expectations.Kernels.MultiColumn;
using Dq.Expectations.Metrics;
using Dq.Expectations.ModelQuality;

namespace Dq.Expectations.Kernels.ModelQuality;

/// <summary>
/// Counts a binary classifier's confusion matrix over (label, prediction[, score]) rows and keeps the scores for the
/// ROC curve. A row with a missing value in any column is left out; a label or prediction of neither class is
/// counted in <see cref="BinaryClassificationState.Outside"/> and left out; a score outside [0, 1] is counted (with
/// the first one found) so the expectation can refuse to judge.
/// </summary>
/// <remarks>
/// With a score threshold the columns are (label, score) and a row is predicted positive when its score is at least
/// the threshold: SageMaker's <c>probability_threshold_attribute</c>, for models that output only a probability.
/// </remarks>
internal sealed class BinaryClassificationKernel : ColumnKernel
{
    private readonly LabelClasses _classes;
    private readonly bool _hasScores;
    private readonly double? _threshold;
    private readonly int _scoreIndex;

    /// <exception cref="MetricPreconditionException">The score column is not numeric.</exception>
    public BinaryClassificationKernel(IReadOnlyList<Field> fields, LabelClasses classes, double? scoreThreshold = null)
    {
        _classes = classes;
        _threshold = scoreThreshold;
        _scoreIndex = scoreThreshold is null ? 2 : 1;
        _hasScores = fields.Count > _scoreIndex;
        if (_hasScores && CellReader.KindOf(fields[_scoreIndex].DataType) != CellKind.Number)
        {
            var field = fields[_scoreIndex];
            throw new MetricPreconditionException(
                $"`score_column` `{field.Name}` ({field.DataType.Name}) is not numeric; give the column of the model's probability of the positive class, a number between 0 and 1.");
        }
    }

    public override MetricState CreateState() => new BinaryClassificationState(_hasScores);

    public override void Accumulate(in ColumnBlock block, MetricState state)
    {
        var s = (BinaryClassificationState)state;
        var labels = new ClassReader(block.Arrays[0], _classes);
        var predictions = _threshold is null ? new ClassReader(block.Arrays[1], _classes) : null;
        var scores = _hasScores ? new CellReader(block.Arrays[_scoreIndex]) : null;
        var end = block.Start + block.Length;
        for (var word = block.Start; word < end; word += 64)
        {
            for (var bits = block.Selected(word, Math.Min(64, end - word)); bits != 0; bits &= bits - 1)
            {
                var row = word + BitOperations.TrailingZeroCount(bits);
                s.Rows++;
                var label = labels.Classify(row);
                var score = scores?.Read(row) ?? default;
                var prediction = predictions?.Classify(row) ?? ByThreshold(score);
                if (label == LabelClass.Missing || prediction == LabelClass.Missing || (scores is not null && score.IsMissing))
                {
                    s.MissingRows++;
                    continue;
                }
                if (scores is not null && score.Real is not (>= 0 and <= 1))
                {
                    s.ScoreOutOfRange(score.ToValue(), block.FirstRowIndex + row);
                }
                if (label == LabelClass.Outside || prediction == LabelClass.Outside)
                {
                    s.Outside.Add(block.FirstRowIndex + row,
                        label == LabelClass.Outside ? labels.Read(row) : null,
                        prediction == LabelClass.Outside ? predictions!.Read(row) : null);
                    continue;
                }
                var positive = label == LabelClass.Positive;
                s.Confusion.Add(positive, prediction == LabelClass.Positive);
                s.Scores?.Add(score.Real, positive);
            }
        }
    }

    /// <summary>The prediction a score makes at the threshold; a missing score is a missing prediction.</summary>
    private LabelClass ByThreshold(in Cell score) =>
        score.IsMissing ? LabelClass.Missing : score.Real >= _threshold ? LabelClass.Positive : LabelClass.Negative;
}

/// <summary>The state of <see cref="BinaryClassificationKernel"/>: everything adds or appends, so states merge in any order.</summary>
internal sealed class BinaryClassificationState(bool hasScores) : MetricState
{
    /// <summary>The rows the scan considered (those the row condition selects).</summary>
    public long Rows { get; set; }

    /// <summary>Rows left out for a null (or NaN) label, prediction or score.</summary>
    public long MissingRows { get; set; }

    /// <summary>The confusion matrix of the rows whose label and prediction are both of a class.</summary>
    public BinaryConfusion Confusion { get; } = new();

    /// <summary>The scores of the rows in <see cref="Confusion"/>, when a score column is read.</summary>
    public ScoreBuffer? Scores { get; } = hasScores ? new ScoreBuffer() : null;

    /// <summary>Labels and predictions of neither class.</summary>
    public OutsideClassValues Outside { get; } = new();

    /// <summary>Rows whose score is not in [0, 1].</summary>
    public long ScoresOutOfRange { get; private set; }

    /// <summary>The first (smallest-row) score out of range and its row, or null.</summary>
    public (object? Value, long Row)? FirstScoreOutOfRange { get; private set; }

    /// <summary>Counts <paramref name="rows"/> scores out of range, the first of them <paramref name="value"/> at <paramref name="row"/>.</summary>
    public void ScoreOutOfRange(object? value, long row, long rows = 1)
    {
        ScoresOutOfRange += rows;
        if (FirstScoreOutOfRange is not { } first || row < first.Row)
        {
            FirstScoreOutOfRange = (value, row);
        }
    }

    public override void Merge(MetricState other)
    {
        var o = (BinaryClassificationState)other;
        Rows += o.Rows;
        MissingRows += o.MissingRows;
        Confusion.Merge(o.Confusion);
        if (o.Scores is not null)
        {
            Scores!.Merge(o.Scores);
        }
        Outside.Merge(o.Outside);
        if (o.FirstScoreOutOfRange is { } first)
        {
            ScoreOutOfRange(first.Value, first.Row, o.ScoresOutOfRange);
        }
    }
}
