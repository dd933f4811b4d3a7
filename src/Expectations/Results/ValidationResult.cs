namespace Dq.Expectations.Results;

/// <summary>The outcome of validating one data asset against one suite, in GX 1.x's validation-result shape.</summary>
public sealed class ValidationResult
{
    /// <summary>Creates a result; <see cref="Statistics"/> is computed from <paramref name="results"/>.</summary>
    public ValidationResult(string suiteName, IReadOnlyList<ExpectationResult> results, ValidationRunInfo run)
    {
        SuiteName = suiteName;
        Results = results;
        Run = run;
        var successful = results.Count(r => r.Success);
        Statistics = new ValidationStatistics(
            results.Count,
            successful,
            results.Count - successful,
            results.Count == 0 ? 100.0 : 100.0 * successful / results.Count);
    }

    /// <summary>True when no expectation of <see cref="Severity.Error"/> severity failed.</summary>
    public bool Success => Results.All(r => r.Success || r.Severity == Severity.Warn);

    /// <summary>The suite's name.</summary>
    public string SuiteName { get; }

    /// <summary>One result per expectation, in suite order.</summary>
    public IReadOnlyList<ExpectationResult> Results { get; }

    /// <summary>Counts of evaluated, successful and unsuccessful expectations.</summary>
    public ValidationStatistics Statistics { get; }

    /// <summary>When and on what the validation ran (GX's <c>meta</c>).</summary>
    public ValidationRunInfo Run { get; }

    /// <summary>The same result with the malformed rows its source skipped recorded in <see cref="Run"/>.</summary>
    public ValidationResult WithBadRows(BadRows rows) => new(SuiteName, Results, Run with { BadRows = rows });
}

/// <summary>GX's <c>statistics</c> block.</summary>
/// <param name="EvaluatedExpectations">Expectations evaluated.</param>
/// <param name="SuccessfulExpectations">Expectations met.</param>
/// <param name="UnsuccessfulExpectations">Expectations not met, whatever their severity.</param>
/// <param name="SuccessPercent">Successful as a percentage of evaluated (100 for an empty suite).</param>
public sealed record ValidationStatistics(int EvaluatedExpectations, int SuccessfulExpectations, int UnsuccessfulExpectations, double SuccessPercent);

/// <summary>The run's metadata (GX's <c>meta</c>).</summary>
/// <param name="RunId">A unique id of this run.</param>
/// <param name="RunTime">When the run started (UTC).</param>
/// <param name="DataAsset">The validated data (usually a file path).</param>
/// <param name="RowCount">Rows read.</param>
/// <param name="Duration">How long the validation took.</param>
/// <param name="DqVersion">The version of dq that ran.</param>
public sealed record ValidationRunInfo(string RunId, DateTimeOffset RunTime, string DataAsset, long RowCount, TimeSpan Duration, string DqVersion)
{
    /// <summary>The malformed rows the source skipped, if any; <see cref="BadRows.None"/> when none were.</summary>
    public BadRows BadRows { get; init; } = BadRows.None;
}
