namespace Dq.Expectations.Statistics;

public static partial class SpecialFunctions
{
    /// <summary>
    /// The survival function of Kolmogorov's limiting distribution, <c>P(K ≥ x)</c> with <c>K = lim √n·Dₙ</c>
    /// (scipy <c>kstwobign.sf</c>, <c>scipy.special.kolmogorov</c>).
    /// </summary>
    /// <param name="x">The scaled statistic <c>√n·D</c>; values ≤ 0 give 1.</param>
    /// <returns>The upper-tail probability.</returns>
    /// <remarks>
    /// Uses <c>2 Σ (−1)^(k−1) exp(−2k²x²)</c> for x ≥ 1, where it converges in a few terms and keeps tail accuracy, and
    /// <c>1 − (√(2π)/x) Σ exp(−(2k−1)²π²/(8x²))</c> below, where the first series would need many terms.
    /// </remarks>
    public static double KolmogorovSurvival(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        if (x <= 0)
        {
            return 1;
        }
        if (x < 1)
        {
            return 1 - KolmogorovCdfSmallArgument(x);
        }
        var sum = 0.0;
        for (var k = 1; k <= 100; k++)
        {
            var term = Math.Exp(-2.0 * k * k * x * x);
            sum += (k % 2 == 1) ? term : -term;
            if (term < 1e-17 * sum)
            {
                break;
            }
        }
        return Math.Clamp(2 * sum, 0, 1);
    }

    /// <summary>The limiting Kolmogorov CDF by the theta-function form, accurate for small arguments.</summary>
    internal static double KolmogorovCdfSmallArgument(double x)
    {
        var factor = -Math.PI * Math.PI / (8 * x * x);
        if (factor < -745)
        {
            return 0;
        }
        var sum = 0.0;
        for (var k = 1; k <= 100; k++)
        {
            var odd = 2.0 * k - 1;
            var term = Math.Exp(factor * odd * odd);
            sum += term;
            if (term < 1e-17 * sum)
            {
                break;
            }
        }
        return Math.Sqrt(2 * Math.PI) / x * sum;
    }
}
