using Dq.Expectations.Results;

namespace Dq.Expectations.Telemetry;

/// <summary>
/// The figures of one run that dq reports as metrics: to the <see cref="DqMeter"/> (OpenTelemetry) and as CloudWatch
/// Embedded Metric Format lines. A validation gives them through <see cref="From"/>; other kinds of run (a monitor
/// judging a profile against a baseline) build them directly, so every run is reported the same way.
/// </summary>
/// <param name="Suite">The suite (or monitor) the run checked against: the <c>Suite</c> dimension.</param>
/// <param name="DataAsset">The data the run checked: the <c>DataAsset</c> dimension.</param>
/// <param name="Time">When the run started (the metrics' timestamp).</param>
/// <param name="Success">Whether the run passed: <c>dq.validation.success</c> is 1 or 0.</param>
/// <param name="ExpectationsEvaluated">Expectations evaluated: <c>dq.expectations.evaluated</c>.</param>
/// <param name="ExpectationsFailed">Expectations not met, whatever their severity: <c>dq.expectations.failed</c>.</param>
/// <param name="Rows">Rows read: <c>dq.rows</c>.</param>
/// <param name="Duration">How long the run took: <c>dq.validation.duration</c>, in seconds.</param>
public sealed record RunFigures(
    string Suite, string DataAsset, DateTimeOffset Time, bool Success, int ExpectationsEvaluated, int ExpectationsFailed, long Rows, TimeSpan Duration)
{
    /// <summary>Per-expectation figures (<c>dq.expectation.unexpected_percent</c>), in suite order; empty when none reports one.</summary>
    public IReadOnlyList<ExpectationFigures> Expectations { get; init; } = [];

    /// <summary>The figures of a validation result.</summary>
    /// <remarks>
    /// Every expectation whose result has an unexpected percent (the column-map expectations, at BASIC result format
    /// or above) gives an <see cref="ExpectationFigures"/>; aggregate and table expectations report none, and neither
    /// does an expectation that could not be judged.
    /// </remarks>
    /// <param name="result">The validation result.</param>
    public static RunFigures From(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var expectations = result.Results
            .Where(r => r.Result?.UnexpectedPercent is not null)
            .Select(r => new ExpectationFigures(r.Configuration.Type, r.Configuration.Column, r.Result!.UnexpectedPercent!.Value))
            .ToList();
        return new RunFigures(
            result.SuiteName,
            result.Run.DataAsset,
            result.Run.RunTime,
            result.Success,
            result.Statistics.EvaluatedExpectations,
            result.Statistics.UnsuccessfulExpectations,
            result.Run.RowCount,
            result.Run.Duration)
        {
            Expectations = expectations,
        };
    }
}
