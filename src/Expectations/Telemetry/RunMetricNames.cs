namespace Dq.Expectations.Telemetry;

/// <summary>
/// The names of the metrics and dimensions dq reports for every run, the same in CloudWatch EMF lines and on the
/// <see cref="DqMeter"/> (where dimensions are attributes), so one alarm or query fits both.
/// </summary>
public static class RunMetricNames
{
    /// <summary>1 when the run passed (no error-severity expectation failed), else 0.</summary>
    public const string ValidationSuccess = "dq.validation.success";

    /// <summary>Expectations evaluated.</summary>
    public const string ExpectationsEvaluated = "dq.expectations.evaluated";

    /// <summary>Expectations not met, whatever their severity.</summary>
    public const string ExpectationsFailed = "dq.expectations.failed";

    /// <summary>Rows read.</summary>
    public const string Rows = "dq.rows";

    /// <summary>How long the run took, in seconds.</summary>
    public const string ValidationDuration = "dq.validation.duration";

    /// <summary>One expectation's unexpected rows as a percentage of its non-null rows.</summary>
    public const string ExpectationUnexpectedPercent = "dq.expectation.unexpected_percent";

    /// <summary>The dimension naming the suite.</summary>
    public const string Suite = "Suite";

    /// <summary>The dimension naming the data asset.</summary>
    public const string DataAsset = "DataAsset";

    /// <summary>The dimension naming the expectation type (per-expectation metrics only).</summary>
    public const string Expectation = "Expectation";

    /// <summary>The dimension naming the expectation's column (per-expectation metrics of expectations with a column only).</summary>
    public const string Column = "Column";
}
