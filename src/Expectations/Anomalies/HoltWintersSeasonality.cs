namespace Dq.Expectations.Anomalies;

/// <summary>How often a metric is measured (Deequ's <c>HoltWinters.MetricInterval</c>).</summary>
public enum MetricInterval
{
    /// <summary>Once an hour.</summary>
    Hourly,

    /// <summary>Once a day.</summary>
    Daily,

    /// <summary>Once a month.</summary>
    Monthly,
}

/// <summary>The cycle a metric repeats (Deequ's <c>HoltWinters.SeriesSeasonality</c>).</summary>
public enum SeriesSeasonality
{
    /// <summary>A daily cycle (with hourly metrics: 24 points).</summary>
    Daily,

    /// <summary>A weekly cycle (with daily metrics: 7 points).</summary>
    Weekly,

    /// <summary>A yearly cycle (with monthly metrics: 12 points).</summary>
    Yearly,
}
