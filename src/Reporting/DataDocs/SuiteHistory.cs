using Dq.Expectations.Suites;

namespace Dq.Reporting.DataDocs;

/// <summary>
/// What the suite page needs of every run of one suite: per expectation (identified by its type and kwargs, so an edited
/// expectation starts a new trend) the latest configuration and a point per run.
/// </summary>
internal sealed class SuiteHistory(string name)
{
    private readonly Dictionary<string, ExpectationTrack> _tracks = new(StringComparer.Ordinal);

    public string Name { get; } = name;

    public List<RunRow> Runs { get; } = [];

    public IEnumerable<ExpectationTrack> Tracks => _tracks.Values;

    /// <summary>Adds a run. Add runs in one fixed order (the builder adds them newest first), so equal runs give equal pages.</summary>
    public void Add(RunSummary run)
    {
        Runs.Add(run.Row);
        foreach (var point in run.Points)
        {
            if (!_tracks.TryGetValue(point.Expectation.Track, out var track))
            {
                track = _tracks[point.Expectation.Track] = new ExpectationTrack(point.Expectation.Configuration.Type);
            }
            track.Add(point, run.Row);
        }
    }
}

/// <summary>One expectation of a suite across runs.</summary>
internal sealed class ExpectationTrack(string type)
{
    public string Type { get; } = type;

    /// <summary>The configuration and position in the suite as of the newest run that had it.</summary>
    public ExpectationConfiguration? Latest { get; private set; }

    public int LatestIndex { get; private set; }

    public DateTimeOffset LatestTime { get; private set; } = DateTimeOffset.MinValue;

    public string LatestStatus { get; private set; } = "";

    public string LatestRunId { get; private set; } = "";

    /// <summary>True when some point is an unexpected percentage, so the trend is labelled as one.</summary>
    public bool HasPercent { get; private set; }

    public List<TrendPoint> Points { get; } = [];

    public void Add(ExpectationPoint point, RunRow row)
    {
        HasPercent |= point.IsPercent;
        Points.Add(new TrendPoint(row.RunTime, row.RunId, point.Value, point.Success));
        if (row.RunTime > LatestTime || (row.RunTime == LatestTime && string.CompareOrdinal(row.RunId, LatestRunId) < 0))
        {
            (Latest, LatestIndex, LatestTime, LatestStatus, LatestRunId) = (point.Expectation.Configuration, point.Index, row.RunTime, point.Status, row.RunId);
        }
    }
}
