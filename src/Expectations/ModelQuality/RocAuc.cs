using Dq.Expectations.Metrics;

namespace Dq.Expectations.ModelQuality;

/// <summary>
/// The exact area under the ROC curve of (score, actual label) pairs, accumulated as the number of positives and
/// negatives at each distinct score, so states over any split of the rows merge to the same value.
/// </summary>
/// <remarks>
/// <para>
/// The area is the Mann–Whitney U statistic over P·N: the probability that a random positive scores above a random
/// negative, ties counting one half. That is exactly scikit-learn's <c>roc_auc_score</c>, the trapezoid rule over the
/// ROC curve in which equal scores form one step (the tie gives a diagonal segment, whose area is that half).
/// U is summed exactly in integers, so the value is the rounded quotient of two exact counts.
/// </para>
/// <para>
/// Memory grows with the number of distinct scores (at most the number of rows). NaN scores have no order, so they
/// are counted in <see cref="NaNScores"/> and left out, for the caller to report; −0.0 and +0.0 are one score.
/// With no positive or no negative row the area is undefined (scikit-learn raises) and <see cref="Compute"/> is NaN.
/// </para>
/// </remarks>
internal sealed class RocAuc : MetricState
{
    private readonly Dictionary<double, LabelCounts> _countsByScore = [];

    /// <summary>Rows with an actual positive label and a score.</summary>
    public long Positives { get; private set; }

    /// <summary>Rows with an actual negative label and a score.</summary>
    public long Negatives { get; private set; }

    /// <summary>Rows skipped because their score was NaN.</summary>
    public long NaNScores { get; private set; }

    /// <summary>The number of distinct scores held, which is what the state's memory grows with.</summary>
    public int DistinctScores => _countsByScore.Count;

    /// <summary>Counts one row.</summary>
    /// <param name="score">The model's score for the positive class (a probability or any monotone score).</param>
    /// <param name="actualPositive">Whether the ground-truth label is the positive one.</param>
    public void Add(double score, bool actualPositive)
    {
        if (double.IsNaN(score))
        {
            NaNScores++;
            return;
        }
        Add(score, actualPositive ? 1 : 0, actualPositive ? 0 : 1);
    }

    /// <summary>Folds the scores of <paramref name="other"/> (other rows) into this state.</summary>
    public void Merge(RocAuc other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (score, counts) in other._countsByScore)
        {
            Add(score, counts.Positives, counts.Negatives);
        }
        NaNScores += other.NaNScores;
    }

    /// <inheritdoc />
    public override void Merge(MetricState other) => Merge((RocAuc)other);

    /// <summary>The area under the ROC curve in [0, 1]; NaN without both a positive and a negative row.</summary>
    public double Compute()
    {
        if (Positives == 0 || Negatives == 0)
        {
            return double.NaN;
        }
        // 2U = Σ over scores s of pos(s)·(2·neg(< s) + neg(= s)): each positive beats every lower negative and ties
        // half of the equal ones. Int128 keeps it exact for any row count a long can hold.
        Int128 twiceU = 0;
        long negativesBelow = 0;
        foreach (var score in _countsByScore.Keys.Order())
        {
            var counts = _countsByScore[score];
            twiceU += (Int128)counts.Positives * ((2 * (Int128)negativesBelow) + counts.Negatives);
            negativesBelow += counts.Negatives;
        }
        return (double)twiceU / (2 * (double)Positives * Negatives);
    }

    private void Add(double score, long positives, long negatives)
    {
        // Adding +0.0 turns −0.0 into +0.0, so the two zeros share one entry whatever the hash of −0.0 is.
        score += 0.0;
        _countsByScore[score] = _countsByScore.TryGetValue(score, out var counts)
            ? new LabelCounts(counts.Positives + positives, counts.Negatives + negatives)
            : new LabelCounts(positives, negatives);
        Positives += positives;
        Negatives += negatives;
    }

    private readonly record struct LabelCounts(long Positives, long Negatives);
}
