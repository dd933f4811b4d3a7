namespace Dq.Expectations.Anomalies;

/// <summary>A point of a series that a strategy flags, as Deequ's <c>(index, Anomaly)</c> pairs report it.</summary>
/// <param name="Index">The 0-based position of the point in the series.</param>
/// <param name="Value">The point's value.</param>
/// <param name="Detail">Why it was flagged: the strategy, the measured change or forecast, and the bounds.</param>
public readonly record struct Anomaly(int Index, double Value, string Detail);
