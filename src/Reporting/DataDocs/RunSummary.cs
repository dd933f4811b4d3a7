using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Reporting.DataDocs;

/// <summary>
/// What the index and the suite pages need of one run: its row of the index and a point per expectation. It is all the
/// site keeps of a run between builds (in the manifest), so a later build draws the suite pages without re-reading the run.
/// </summary>
internal sealed record RunSummary(RunRow Row, IReadOnlyList<ExpectationPoint> Points)
{
    /// <summary>The summary of <paramref name="result"/>; configurations go through <paramref name="intern"/>, so equal ones are one object.</summary>
    public static RunSummary Of(ValidationResult result, Func<ExpectationConfiguration, InternedConfiguration> intern)
    {
        var points = new ExpectationPoint[result.Results.Count];
        for (var i = 0; i < points.Length; i++)
        {
            var r = result.Results[i];
            var d = r.Result;
            double? value = d?.UnexpectedPercent;
            var isPercent = value is not null;
            if (!isPercent && d?.HasObservedValue == true)
            {
                // Aggregates (mean, row count…) have no unexpected share: their trend is the observed number itself.
                value = d.ObservedValue switch { long l => l, int n => n, double x => x, float f => f, decimal m => (double)m, _ => null };
            }
            points[i] = new ExpectationPoint(intern(r.Configuration), i, SiteLinks.Status(r), r.Success, value, isPercent);
        }
        return new RunSummary(RunRow.Of(result), points);
    }
}

/// <summary>One expectation's outcome in one run.</summary>
/// <param name="Expectation">The expectation as configured in that run.</param>
/// <param name="Index">Its position in the suite.</param>
/// <param name="Status">PASSED, FAILED, WARN or ERROR (<see cref="SiteLinks.Status"/>).</param>
/// <param name="Success">Whether it was met.</param>
/// <param name="Value">The trend's value: the unexpected percent, or a numeric observed value, or null.</param>
/// <param name="IsPercent">True when <paramref name="Value"/> is an unexpected percent.</param>
internal sealed record ExpectationPoint(InternedConfiguration Expectation, int Index, string Status, bool Success, double? Value, bool IsPercent)
{
    /// <summary>The trend an expectation belongs to: its type and kwargs, so an edited expectation starts a new one.</summary>
    public static string TrackKey(ExpectationConfiguration configuration) =>
        configuration.Type + "\u0000" + configuration.Kwargs.ToJsonString();
}

/// <summary>
/// A configuration as the builder keeps it: one object per distinct configuration (type, kwargs and meta), with its
/// trend key worked out once, so 10,000 runs of a suite do not serialize their kwargs 200,000 times.
/// </summary>
internal sealed record InternedConfiguration(ExpectationConfiguration Configuration, string Track);
