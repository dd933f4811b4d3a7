using Dq.Expectations.Telemetry;

namespace Dq.Reporting.CloudWatch;

/// <summary>
/// A run's figures as CloudWatch Embedded Metric Format (EMF) lines: JSON log events from which CloudWatch Logs
/// extracts metrics, picked up by the CloudWatch agent from a file or by Lambda and ECS (awslogs) from standard output.
/// </summary>
/// <remarks>
/// <para>A run gives one line with <c>dq.validation.success</c> (None), <c>dq.expectations.evaluated</c>,
/// <c>dq.expectations.failed</c>, <c>dq.rows</c> (Count) and <c>dq.validation.duration</c> (Seconds) under the
/// dimensions <c>Suite</c> and <c>DataAsset</c>; then, because an EMF event carries one value per dimension, one line
/// per expectation type and column with <c>dq.expectation.unexpected_percent</c> (Percent) under <c>Suite</c>,
/// <c>DataAsset</c>, <c>Expectation</c> and <c>Column</c> (no <c>Column</c> for expectations without one). Two
/// expectations of the same type on the same column share a line, their values as an EMF value list.</para>
/// <para>Limits of the specification are kept: at most 100 metrics per line and 100 values per metric (more become
/// further lines), finite values only (NaN and infinity are dropped), a timestamp in milliseconds (the run's start),
/// and dimension values in printable ASCII of at most 1024 characters (others are escaped as <c>%XX</c> and cut).</para>
/// </remarks>
public static class EmbeddedMetricFormat
{
    /// <summary>The namespace metrics go to unless another is given: <c>dq</c>.</summary>
    public const string DefaultNamespace = "dq";

    /// <summary>Whether <paramref name="value"/> is a valid CloudWatch namespace: 1 to 256 characters of <c>a-z A-Z 0-9 . _ # : / -</c>.</summary>
    public static bool IsValidNamespace(string? value) => EmfSerializer.IsValidNamespace(value);

    /// <summary>The EMF lines of one run, without line ends, run line first.</summary>
    /// <param name="run">The run's figures (<see cref="RunFigures.From"/> makes them from a validation result).</param>
    /// <param name="metricNamespace">The CloudWatch namespace; <see cref="DefaultNamespace"/> by default.</param>
    /// <exception cref="ArgumentException"><paramref name="metricNamespace"/> is not a valid namespace (see <see cref="IsValidNamespace"/>).</exception>
    public static IReadOnlyList<string> Lines(RunFigures run, string metricNamespace = DefaultNamespace)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (!IsValidNamespace(metricNamespace))
        {
            throw new ArgumentException(
                $"`{metricNamespace}` is not a valid CloudWatch namespace: use 1 to 256 characters of letters, digits and . _ # : / -.", nameof(metricNamespace));
        }
        KeyValuePair<string, string>[] runDimensions = [new(RunMetricNames.Suite, run.Suite), new(RunMetricNames.DataAsset, run.DataAsset)];
        var lines = EmfSerializer.Lines(metricNamespace, run.Time, new EmfEvent(runDimensions,
        [
            new(RunMetricNames.ValidationSuccess, EmfUnits.None, run.Success ? 1 : 0),
            new(RunMetricNames.ExpectationsEvaluated, EmfUnits.Count, run.ExpectationsEvaluated),
            new(RunMetricNames.ExpectationsFailed, EmfUnits.Count, run.ExpectationsFailed),
            new(RunMetricNames.Rows, EmfUnits.Count, run.Rows),
            new(RunMetricNames.ValidationDuration, EmfUnits.Seconds, run.Duration.TotalSeconds),
        ]));
        foreach (var group in run.Expectations.GroupBy(e => (e.Expectation, e.Column)))
        {
            var dimensions = runDimensions.Append(new(RunMetricNames.Expectation, group.Key.Expectation));
            if (group.Key.Column is { } column)
            {
                dimensions = dimensions.Append(new(RunMetricNames.Column, column));
            }
            EmfMetric percent = new(RunMetricNames.ExpectationUnexpectedPercent, EmfUnits.Percent, [.. group.Select(e => e.UnexpectedPercent)]);
            lines.AddRange(EmfSerializer.Lines(metricNamespace, run.Time, new EmfEvent([.. dimensions], [percent])));
        }
        return lines;
    }
}
