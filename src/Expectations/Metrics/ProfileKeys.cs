namespace Dq.Expectations.Metrics;

/// <summary>A KLL sketch of a numeric column's non-null, non-NaN values (quantiles, histograms, drift distances).</summary>
internal sealed record QuantileSketchKey(string Column) : ColumnMetricKey(Column);

/// <summary>An HLL++ sketch of a column's distinct non-null values (exact below its small-set limit).</summary>
internal sealed record DistinctSketchKey(string Column) : ColumnMetricKey(Column);

/// <summary>
/// Exact counts of a column's distinct non-null values while there are at most <paramref name="Cap"/> of them; past
/// that the state records only that the cap was passed, so its memory stays bounded at any cardinality.
/// </summary>
internal sealed record BoundedValueCountsKey(string Column, int Cap) : ColumnMetricKey(Column);

/// <summary>
/// A text column profiled as Deequ profiles strings: how many values look integral, fractional, boolean or like other
/// text (Deequ's regexes), the moments and a KLL sketch of the values that read as numbers, and the shortest and
/// longest value in code points.
/// </summary>
internal sealed record TextProfileKey(string Column) : ColumnMetricKey(Column);
