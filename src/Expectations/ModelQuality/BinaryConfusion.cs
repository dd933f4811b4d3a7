using Dq.Expectations.Metrics;

namespace Dq.Expectations.ModelQuality;

/// <summary>
/// The 2 × 2 confusion matrix of a binary classifier over the rows seen so far: true/false positives and negatives.
/// Counts add, so states over any split of the rows merge in any order to the same matrix.
/// </summary>
/// <remarks>
/// Which label is "positive" is the caller's decision (SageMaker's <c>1</c>, or a configured positive label); this
/// type only counts. Not thread-safe: one state per worker, merged at the end.
/// </remarks>
internal sealed class BinaryConfusion : MetricState
{
    /// <summary>Rows whose actual label and prediction are both positive.</summary>
    public long TruePositives { get; private set; }

    /// <summary>Rows predicted positive whose actual label is negative.</summary>
    public long FalsePositives { get; private set; }

    /// <summary>Rows whose actual label and prediction are both negative.</summary>
    public long TrueNegatives { get; private set; }

    /// <summary>Rows predicted negative whose actual label is positive.</summary>
    public long FalseNegatives { get; private set; }

    /// <summary>All rows counted.</summary>
    public long Total => TruePositives + FalsePositives + TrueNegatives + FalseNegatives;

    /// <summary>Rows whose actual label is positive (the support of the positive class): TP + FN.</summary>
    public long ActualPositives => TruePositives + FalseNegatives;

    /// <summary>Rows whose actual label is negative: FP + TN.</summary>
    public long ActualNegatives => FalsePositives + TrueNegatives;

    /// <summary>Rows predicted positive: TP + FP.</summary>
    public long PredictedPositives => TruePositives + FalsePositives;

    /// <summary>Rows predicted negative: TN + FN.</summary>
    public long PredictedNegatives => TrueNegatives + FalseNegatives;

    /// <summary>Counts one row.</summary>
    /// <param name="actualPositive">Whether the ground-truth label is the positive one.</param>
    /// <param name="predictedPositive">Whether the model predicted the positive label.</param>
    public void Add(bool actualPositive, bool predictedPositive)
    {
        if (actualPositive)
        {
            if (predictedPositive)
            {
                TruePositives++;
            }
            else
            {
                FalseNegatives++;
            }
        }
        else if (predictedPositive)
        {
            FalsePositives++;
        }
        else
        {
            TrueNegatives++;
        }
    }

    /// <summary>Adds counts in bulk, for example a block a kernel has already counted.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public void Add(long truePositives, long falsePositives, long trueNegatives, long falseNegatives)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(truePositives);
        ArgumentOutOfRangeException.ThrowIfNegative(falsePositives);
        ArgumentOutOfRangeException.ThrowIfNegative(trueNegatives);
        ArgumentOutOfRangeException.ThrowIfNegative(falseNegatives);
        TruePositives += truePositives;
        FalsePositives += falsePositives;
        TrueNegatives += trueNegatives;
        FalseNegatives += falseNegatives;
    }

    /// <summary>Folds the counts of <paramref name="other"/> (other rows) into this matrix.</summary>
    public void Merge(BinaryConfusion other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Add(other.TruePositives, other.FalsePositives, other.TrueNegatives, other.FalseNegatives);
    }

    /// <inheritdoc />
    public override void Merge(MetricState other) => Merge((BinaryConfusion)other);

    /// <inheritdoc />
    public override string ToString() =>
        FormattableString.Invariant($"TP {TruePositives}, FP {FalsePositives}, TN {TrueNegatives}, FN {FalseNegatives}");
}
