namespace Dq.Expectations.Statistics;

/// <summary>A two-proportion z-test's outcome.</summary>
/// <param name="Z">The z statistic (reference share minus current share over the pooled standard error); 0 when both sides hold one and the same value.</param>
/// <param name="PValue">The two-sided p-value.</param>
public sealed record ZTestResult(double Z, double PValue);
