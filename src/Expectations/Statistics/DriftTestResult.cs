namespace Dq.Expectations.Statistics;

/// <summary>The outcome of one column's drift test.</summary>
/// <param name="Method">The test's name (Evidently's stat-test names: <c>ks</c>, <c>chisquare</c>, <c>z</c>, <c>wasserstein</c>, <c>jensenshannon</c>, <c>psi</c>).</param>
/// <param name="Statistic">The test statistic (D, χ², z) or, for distance tests, the distance.</param>
/// <param name="PValue">The p-value for hypothesis tests; null for distance tests.</param>
/// <param name="Threshold">The threshold the p-value or distance was judged against.</param>
/// <param name="Drifted">Whether the test detected drift.</param>
public sealed record DriftTestResult(string Method, double Statistic, double? PValue, double Threshold, bool Drifted);
