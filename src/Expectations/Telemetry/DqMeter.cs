using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Dq.Expectations.Telemetry;

/// <summary>
/// The <see cref="Meter"/> dq records every run's figures on. <see cref="Validator"/> records each validation;
/// add the meter to an OpenTelemetry <c>MeterProvider</c> (<c>.AddMeter(DqMeter.Name)</c>) or listen with a
/// <see cref="MeterListener"/> to receive them. Without a listener, recording costs next to nothing.
/// </summary>
/// <remarks>
/// Instruments (names in <see cref="RunMetricNames"/>; attributes <c>Suite</c> and <c>DataAsset</c>, plus
/// <c>Expectation</c> and <c>Column</c> on the per-expectation one):
/// <list type="bullet">
/// <item><c>dq.validation.success</c>, <c>dq.expectations.evaluated</c>, <c>dq.expectations.failed</c>, <c>dq.rows</c>
/// and <c>dq.expectation.unexpected_percent</c> are gauges: the value of the latest run of each suite on each data
/// asset, as a CloudWatch data point is.</item>
/// <item><c>dq.validation.duration</c> is a histogram in seconds, the OpenTelemetry convention for durations.</item>
/// </list>
/// Values that are not finite (NaN, infinity) are not recorded.
/// </remarks>
public static class DqMeter
{
    /// <summary>The meter's name, <c>dq</c>.</summary>
    public const string Name = "dq";

    private static readonly Meter s_meter = new(Name, Validator.Version);

    private static readonly Gauge<int> s_success = s_meter.CreateGauge<int>(
        RunMetricNames.ValidationSuccess, unit: "1", description: "1 when the run passed (no error-severity expectation failed), else 0.");

    private static readonly Gauge<long> s_evaluated = s_meter.CreateGauge<long>(
        RunMetricNames.ExpectationsEvaluated, unit: "{expectation}", description: "Expectations evaluated by the run.");

    private static readonly Gauge<long> s_failed = s_meter.CreateGauge<long>(
        RunMetricNames.ExpectationsFailed, unit: "{expectation}", description: "Expectations the run found not met, whatever their severity.");

    private static readonly Gauge<long> s_rows = s_meter.CreateGauge<long>(
        RunMetricNames.Rows, unit: "{row}", description: "Rows the run read.");

    // Runs take from milliseconds to an hour; the SDK's default bounds (0 to 10,000) suit milliseconds, not seconds.
    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram(
        RunMetricNames.ValidationDuration, unit: "s", description: "How long the run took.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800, 3600] });

    private static readonly Gauge<double> s_unexpectedPercent = s_meter.CreateGauge<double>(
        RunMetricNames.ExpectationUnexpectedPercent, unit: "%", description: "Unexpected rows as a percentage of the expectation's non-null rows.");

    /// <summary>Records one run's figures.</summary>
    /// <param name="run">The figures; <see cref="RunFigures.From"/> makes them from a validation result.</param>
    public static void Record(RunFigures run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var tags = new TagList { { RunMetricNames.Suite, run.Suite }, { RunMetricNames.DataAsset, run.DataAsset } };
        s_success.Record(run.Success ? 1 : 0, tags);
        s_evaluated.Record(run.ExpectationsEvaluated, tags);
        s_failed.Record(run.ExpectationsFailed, tags);
        s_rows.Record(run.Rows, tags);
        s_duration.Record(run.Duration.TotalSeconds, tags);
        if (!s_unexpectedPercent.Enabled)
        {
            return;
        }
        foreach (var expectation in run.Expectations.Where(e => double.IsFinite(e.UnexpectedPercent)))
        {
            var expectationTags = tags;
            expectationTags.Add(RunMetricNames.Expectation, expectation.Expectation);
            if (expectation.Column is { } column)
            {
                expectationTags.Add(RunMetricNames.Column, column);
            }
            s_unexpectedPercent.Record(expectation.UnexpectedPercent, expectationTags);
        }
    }
}
