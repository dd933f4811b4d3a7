namespace Dq.Expectations.ModelQuality;

/// <summary>
/// The ratio and difference rules SageMaker Clarify applies to every bias metric (smclarify
/// <c>bias/metrics/common.py</c>, <c>divide</c>), kept in one place so each metric reads like its formula.
/// </summary>
internal static class ClarifyArithmetic
{
    /// <summary>
    /// <paramref name="numerator"/> / <paramref name="denominator"/>, except 0/0 = 0 and x/0 = ±∞ by the sign of x:
    /// Clarify reports a group that never occurs as "no difference" rather than failing the whole report.
    /// </summary>
    public static double Divide(double numerator, double denominator)
    {
        if (denominator == 0)
        {
            return numerator == 0 ? 0.0 : numerator < 0 ? double.NegativeInfinity : double.PositiveInfinity;
        }
        return numerator / denominator;
    }

    /// <summary>
    /// <paramref name="left"/> − <paramref name="right"/>, except that two equal infinities differ by 0 (not NaN):
    /// two facets that are both "infinitely" accepted are treated alike, as Clarify does.
    /// </summary>
    public static double Difference(double left, double right) =>
        double.IsInfinity(left) && left == right ? 0.0 : left - right;

    /// <summary>
    /// A ratio for the classification and fairness rates: 0/0 = 0, as scikit-learn's <c>zero_division="warn"</c>
    /// default and fairlearn (through <c>confusion_matrix(normalize=...)</c>) report. Only ever called with
    /// non-negative counts, so x/0 with x ≠ 0 cannot occur.
    /// </summary>
    public static double Rate(long numerator, long denominator) =>
        denominator == 0 ? 0.0 : (double)numerator / denominator;
}
