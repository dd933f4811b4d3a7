namespace Dq.Expectations.Statistics;

/// <summary>A population stability index and the bins it came from.</summary>
/// <param name="Value">The index, <c>Σ (ref − cur)·ln(ref/cur)</c> over the bins.</param>
/// <param name="Contributions">Each bin's term, in bin order, so a report can show where the shift is.</param>
/// <param name="ReferenceShares">The reference shares actually used (after any zero replacement).</param>
/// <param name="CurrentShares">The current shares actually used (after any zero replacement).</param>
public sealed record PsiResult(double Value, double[] Contributions, double[] ReferenceShares, double[] CurrentShares);
