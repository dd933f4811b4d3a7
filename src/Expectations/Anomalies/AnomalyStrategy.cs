namespace Dq.Expectations.Anomalies;

/// <summary>
/// A way of deciding whether a metric's value is anomalous given the metric's earlier values: Deequ's anomaly detection
/// strategies (<c>com.amazon.deequ.anomalydetection</c>), with the same rules, defaults and test vectors.
/// </summary>
/// <remarks>
/// Two ways in. <see cref="Detect(IReadOnlyList{double}, int, int)"/> is Deequ's <c>detect(dataSeries, (a, b))</c>: it
/// flags the points of a search interval <c>[a, b)</c> of a whole series. <see cref="Check"/> judges one new value
/// against its history (oldest first) and also says which values would have been accepted, which is what a
/// data-quality check reports.
/// </remarks>
public abstract class AnomalyStrategy
{
    private protected AnomalyStrategy()
    {
    }

    /// <summary>The strategy's name in suites, in snake case (<c>batch_normal</c>).</summary>
    public abstract string Name { get; }

    /// <summary>How many earlier values the strategy needs before it can judge a new one.</summary>
    public abstract int MinimumHistory { get; }

    /// <summary>The strategy's parameters by their snake-case names, as a suite gives them; an open limit is null.</summary>
    public abstract IReadOnlyDictionary<string, object?> Parameters { get; }

    /// <summary>Flags the anomalous points of a whole series.</summary>
    /// <param name="series">The values, oldest first.</param>
    /// <returns>The flagged points in index order.</returns>
    public IReadOnlyList<Anomaly> Detect(IReadOnlyList<double> series) => Detect(series, 0, int.MaxValue);

    /// <summary>Flags the anomalous points among <c>series[start..end)</c>; the other points serve as history only.</summary>
    /// <param name="series">The values, oldest first.</param>
    /// <param name="start">The first index searched.</param>
    /// <param name="end">One past the last index searched; it may lie beyond the series.</param>
    /// <returns>The flagged points in index order.</returns>
    /// <exception cref="ArgumentException"><paramref name="start"/> is after <paramref name="end"/>, or the strategy cannot search this interval (see each strategy).</exception>
    public IReadOnlyList<Anomaly> Detect(IReadOnlyList<double> series, int start, int end)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (start > end)
        {
            throw new ArgumentException($"The search interval [{start}, {end}) starts after it ends.", nameof(start));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        return DetectCore(series, start, end);
    }

    /// <summary>Judges <paramref name="value"/> as the next point after <paramref name="history"/>.</summary>
    /// <param name="history">The earlier values, oldest first; at least <see cref="MinimumHistory"/> of them.</param>
    /// <param name="value">The new value.</param>
    /// <returns>The accepted range and the verdict.</returns>
    /// <exception cref="ArgumentException">The history is shorter than <see cref="MinimumHistory"/>.</exception>
    public AnomalyCheckResult Check(IReadOnlyList<double> history, double value)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Count < MinimumHistory)
        {
            throw new ArgumentException($"{Name} needs at least {MinimumHistory} earlier values, got {history.Count}.", nameof(history));
        }
        return CheckCore(history, value);
    }

    /// <summary>The search of <see cref="Detect(IReadOnlyList{double}, int, int)"/>, its arguments checked.</summary>
    private protected abstract IReadOnlyList<Anomaly> DetectCore(IReadOnlyList<double> series, int start, int end);

    /// <summary>The verdict of <see cref="Check"/>, its arguments checked.</summary>
    private protected abstract AnomalyCheckResult CheckCore(IReadOnlyList<double> history, double value);

    /// <summary>The series with <paramref name="value"/> appended, for strategies whose check is a detection of the last point.</summary>
    private protected static double[] Appended(IReadOnlyList<double> history, double value)
    {
        var series = new double[history.Count + 1];
        for (var i = 0; i < history.Count; i++)
        {
            series[i] = history[i];
        }
        series[^1] = value;
        return series;
    }

    /// <summary>A number as it appears in an anomaly's detail text.</summary>
    private protected static string Text(double value) => value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
