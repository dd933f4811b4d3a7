namespace Dq.Expectations.Anomalies;

/// <summary>
/// The verdict on a new value given its history: the range of values the strategy accepts and whether the value lies
/// outside it.
/// </summary>
/// <param name="Lower">The smallest accepted value; <see cref="double.NegativeInfinity"/> when the strategy sets no lower limit.</param>
/// <param name="Upper">The largest accepted value; <see cref="double.PositiveInfinity"/> when the strategy sets no upper limit.</param>
/// <param name="IsAnomalous">Whether the strategy flags the value. It agrees with <see cref="AnomalyStrategy.Detect(IReadOnlyList{double}, int, int)"/>
/// on the history followed by the value; the range is the same rule solved for the value, so a value within rounding of a
/// limit may fall either way.</param>
public readonly record struct AnomalyCheckResult(double Lower, double Upper, bool IsAnomalous);
