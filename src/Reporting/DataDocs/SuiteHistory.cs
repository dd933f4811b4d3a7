using Dq.Expectations.Results;
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

    public void Add(ValidationResult result, RunRow row)
    {
        Runs.Add(row);
        for (var i = 0; i < result.Results.Count; i++)
        {
            var r = result.Results[i];
            var key = r.Configuration.Type + "\u0000" + r.Configuration.Kwargs.ToJsonString();
            if (!_tracks.TryGetValue(key, out var track))
            {
                track = _tracks[key] = new ExpectationTrack(r.Configuration.Type);
            }
            track.Add(r, i, row);
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

    public void Add(ExpectationResult r, int index, RunRow row)
    {
        var d = r.Result;
        double? value = d?.UnexpectedPercent;
        if (value is not null)
        {
            HasPercent = true;
        }
        else if (d?.HasObservedValue == true)
        {
            // Aggregates (mean, row count…) have no unexpected share: their trend is the observed number itself.
            value = d.ObservedValue switch { long l => l, int i => i, double x => x, float f => f, decimal m => (double)m, _ => null };
        }
        Points.Add(new TrendPoint(row.RunTime, row.RunId, value, r.Success));
        if (row.RunTime > LatestTime || (row.RunTime == LatestTime && string.CompareOrdinal(row.RunId, LatestRunId) < 0))
        {
            (Latest, LatestIndex, LatestTime, LatestStatus, LatestRunId) = (r.Configuration, index, row.RunTime, SiteLinks.Status(r), row.RunId);
        }
    }
}
