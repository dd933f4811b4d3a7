using Dq.Expectations.Results;

namespace Dq.Reporting.DataDocs;

/// <summary>What the index keeps of a run: one row of the table, without the expectation details.</summary>
internal sealed record RunRow(
    string RunId, DateTimeOffset RunTime, string Suite, string Asset, bool Success, int Evaluated, int Successful,
    int Unsuccessful, int Warned, double SuccessPercent, long RowCount)
{
    public static RunRow Of(ValidationResult r) => new(
        r.Run.RunId, r.Run.RunTime, r.SuiteName, r.Run.DataAsset, r.Success, r.Statistics.EvaluatedExpectations,
        r.Statistics.SuccessfulExpectations, r.Statistics.UnsuccessfulExpectations,
        r.Results.Count(e => !e.Success && e.Severity == Severity.Warn), r.Statistics.SuccessPercent, r.Run.RowCount);

    /// <summary>Newest first; ties by run id, so the order never depends on the order runs were added.</summary>
    public static int NewestFirst(RunRow a, RunRow b)
    {
        var byTime = b.RunTime.CompareTo(a.RunTime);
        return byTime != 0 ? byTime : string.CompareOrdinal(a.RunId, b.RunId);
    }
}

/// <summary>One run's outcome for one expectation, a point of the suite page's trend.</summary>
internal readonly record struct TrendPoint(DateTimeOffset RunTime, string RunId, double? Value, bool Success);
