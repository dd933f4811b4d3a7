namespace Dq.Expectations.Statistics;

/// <summary>A Pearson chi-squared goodness-of-fit test's outcome.</summary>
/// <param name="Statistic">Σ (observed − expected)² / expected; NaN when the test could not run.</param>
/// <param name="PValue">The upper-tail probability of the statistic; NaN when the test could not run.</param>
/// <param name="DegreesOfFreedom">Categories used less one (0 when the test could not run).</param>
/// <param name="Categories">The categories actually compared, after any regrouping.</param>
public sealed record ChiSquaredResult(double Statistic, double PValue, int DegreesOfFreedom, int Categories);
