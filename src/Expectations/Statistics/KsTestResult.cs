namespace Dq.Expectations.Statistics;

/// <summary>The outcome of a two-sample Kolmogorov–Smirnov test.</summary>
/// <param name="Statistic">The statistic D = max |F_A − F_B|.</param>
/// <param name="PValue">The two-sided p-value <c>P(D ≥ observed)</c> under the null of one continuous distribution.</param>
/// <param name="Method">The method actually used (never <see cref="KsMethod.Auto"/>).</param>
public sealed record KsTestResult(double Statistic, double PValue, KsMethod Method);
