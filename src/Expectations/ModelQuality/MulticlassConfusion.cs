using Dq.Expectations.Metrics;

namespace Dq.Expectations.ModelQuality;

/// <summary>
/// The confusion matrix of a multiclass classifier over string labels: actual label → predicted label → rows.
/// Counts add, so states over any split of the rows merge in any order to the same matrix.
/// </summary>
/// <remarks>
/// Labels compare ordinally, so <c>"1"</c> and <c>"1.0"</c> are different classes: the caller decides how values
/// become labels. Memory grows with the number of (actual, predicted) pairs seen, at most the square of the classes.
/// </remarks>
internal sealed class MulticlassConfusion : MetricState
{
    private readonly Dictionary<string, Dictionary<string, long>> _countsByActual = new(StringComparer.Ordinal);

    /// <summary>All rows counted.</summary>
    public long Total { get; private set; }

    /// <summary>Every label seen as an actual or a predicted class, in ordinal order (scikit-learn's sorted labels).</summary>
    public IReadOnlyList<string> Labels =>
        _countsByActual.Keys.Concat(_countsByActual.Values.SelectMany(p => p.Keys)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Counts one row.</summary>
    /// <exception cref="ArgumentNullException">A label is null (a missing value is the caller's to skip or name).</exception>
    public void Add(string actual, string predicted) => Add(actual, predicted, 1);

    /// <summary>Adds <paramref name="rows"/> rows with this actual and predicted label.</summary>
    /// <exception cref="ArgumentNullException">A label is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is negative.</exception>
    public void Add(string actual, string predicted, long rows)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        if (!_countsByActual.TryGetValue(actual, out var byPredicted))
        {
            byPredicted = new Dictionary<string, long>(StringComparer.Ordinal);
            _countsByActual.Add(actual, byPredicted);
        }
        byPredicted[predicted] = byPredicted.GetValueOrDefault(predicted) + rows;
        Total += rows;
    }

    /// <summary>The rows with actual label <paramref name="actual"/> predicted as <paramref name="predicted"/>.</summary>
    public long Count(string actual, string predicted) =>
        _countsByActual.TryGetValue(actual, out var byPredicted) ? byPredicted.GetValueOrDefault(predicted) : 0;

    /// <summary>The rows whose actual label is <paramref name="label"/> (its support).</summary>
    public long ActualCount(string label) =>
        _countsByActual.TryGetValue(label, out var byPredicted) ? byPredicted.Values.Sum() : 0;

    /// <summary>The rows predicted as <paramref name="label"/>.</summary>
    public long PredictedCount(string label) =>
        _countsByActual.Values.Sum(byPredicted => byPredicted.GetValueOrDefault(label));

    /// <summary>The rows predicted correctly: the diagonal.</summary>
    public long Correct => _countsByActual.Sum(kv => kv.Value.GetValueOrDefault(kv.Key));

    /// <summary>Folds the counts of <paramref name="other"/> (other rows) into this matrix.</summary>
    public void Merge(MulticlassConfusion other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (actual, byPredicted) in other._countsByActual)
        {
            foreach (var (predicted, rows) in byPredicted)
            {
                Add(actual, predicted, rows);
            }
        }
    }

    /// <inheritdoc />
    public override void Merge(MetricState other) => Merge((MulticlassConfusion)other);
}
