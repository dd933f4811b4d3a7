using Dq.Expectations.Results;

namespace Dq.Expectations;

/// <summary>Options of one validation run. The defaults suit most runs.</summary>
public sealed record ValidationOptions
{
    /// <summary>The run's result format (default SUMMARY); an expectation's own <c>result_format</c> kwarg wins.</summary>
    public ResultFormat ResultFormat { get; init; } = ResultFormat.Summary;

    /// <summary>Worker threads; 0 (the default) uses every core.</summary>
    public int Threads { get; init; }

    /// <summary>The run id written to the result; a new GUID when null.</summary>
    public string? RunId { get; init; }

    /// <summary>
    /// Earlier values of metrics, for expectations that compare today's value with its history
    /// (<c>expect_metric_to_not_be_anomalous</c>); null (the default) gives none, and such expectations pass with a note.
    /// </summary>
    public IMetricHistory? MetricHistory { get; init; }
}
