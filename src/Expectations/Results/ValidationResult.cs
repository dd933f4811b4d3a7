using Dq.Expectations.Suites;

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

    /// <summary>
    /// True when the data was read and no expectation of <see cref="Severity.Error"/> severity failed. A validation
    /// whose data could not be read never succeeds, whatever its expectations' severities (even with none).
    /// </summary>
    public bool Success => Run.ReadError is null && Results.All(r => r.Success || r.Severity == Severity.Warn);

    /// <summary>The suite's name.</summary>
    public string SuiteName { get; }

    /// <summary>One result per expectation, in suite order.</summary>
    public IReadOnlyList<ExpectationResult> Results { get; }

    /// <summary>Counts of evaluated, successful and unsuccessful expectations.</summary>
    public ValidationStatistics Statistics { get; }

    /// <summary>When and on what the validation ran (GX's <c>meta</c>).</summary>
    public ValidationRunInfo Run { get; }

    /// <summary>
    /// The result of a validation whose data could not be read: it failed, and each expectation carries the reason
    /// as its <see cref="ExpectationResult.ExceptionInfo"/> (as GX reports an expectation that raised), so every
    /// report shows the validation as errored rather than leaving it out or calling it a success.
    /// </summary>
    /// <param name="suite">The suite that was to be validated.</param>
    /// <param name="dataAsset">The data that could not be read, as reports name it.</param>
    /// <param name="reason">Why it could not be read: what, where, how to fix.</param>
    /// <param name="runId">The run's id; a new one when null.</param>
    public static ValidationResult Unreadable(ExpectationSuite suite, string dataAsset, string reason, string? runId = null)
    {
        ArgumentNullException.ThrowIfNull(suite);
        ArgumentNullException.ThrowIfNull(dataAsset);
        ArgumentNullException.ThrowIfNull(reason);
        var info = new ExceptionInfo(true, $"The data could not be read, so this expectation was not checked: {reason}");
        var results = suite.Expectations.Select(e => new ExpectationResult(e.Configuration, false, null, info)).ToList();
        var run = new ValidationRunInfo(runId ?? Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, dataAsset, 0, TimeSpan.Zero, Validator.Version)
        {
            ReadError = reason,
        };
        return new ValidationResult(suite.Name, results, run);
    }

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

    /// <summary>Why the data could not be read, or null when it was (GX's <c>meta</c> gets <c>read_error</c>).</summary>
    public string? ReadError { get; init; }
}
