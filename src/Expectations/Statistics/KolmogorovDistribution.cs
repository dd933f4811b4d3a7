namespace Dq.Expectations.Statistics;

/// <summary>
/// The distribution of the two-sided one-sample Kolmogorov–Smirnov statistic <c>Dₙ</c> for a finite sample size
/// (scipy <c>kstwo</c>), which scipy's <c>ks_2samp</c> uses for its asymptotic two-sample p-value.
/// </summary>
/// <remarks>
/// Follows the decision procedure of Simard &amp; L'Ecuyer (2011, J. Stat. Softw. 39(11)) as scipy does: the
/// Ruben–Gambino closed forms at the extremes, the exact one-sided Smirnov sum (doubled) in the upper tail, the
/// Durbin matrix (Marsaglia, Tsang &amp; Wang 2003) for small <c>n·x</c>, and the Pelz–Good expansion for large n.
/// Where scipy uses Pomeranz's recursion (n ≤ 140, 0.754693 &lt; n·x² ≤ 4) this uses the Durbin matrix, which is also
/// exact, so results agree to rounding.
/// </remarks>
public static partial class KolmogorovDistribution
{
    /// <summary>The survival function <c>P(Dₙ ≥ x)</c> of the two-sided one-sample Kolmogorov–Smirnov statistic.</summary>
    /// <param name="n">The sample size, positive.</param>
    /// <param name="x">The statistic; values ≤ 0 give 1 and values ≥ 1 give 0.</param>
    /// <returns>The upper-tail probability, clipped to [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not positive.</exception>
    public static double Survival(int n, double x)
    {
        if (n <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "The Kolmogorov distribution needs a positive sample size.");
        }
        if (double.IsNaN(x))
        {
            return x;
        }
        if (x >= 1)
        {
            return 0;
        }
        if (x <= 0)
        {
            return 1;
        }
        var t = n * x;
        if (t <= 1)
        {
            // Ruben–Gambino: for 1/(2n) ≤ x ≤ 1/n the CDF is n!/nⁿ·(2t − 1)ⁿ.
            if (t <= 0.5)
            {
                return 1;
            }
            var cdf = Math.Exp(SpecialFunctions.LogGamma(n + 1.0) - n * Math.Log(n) + n * Math.Log(2 * t - 1));
            return Clip(1 - cdf);
        }
        if (t >= n - 1)
        {
            // Ruben–Gambino: for x ≥ 1 − 1/n the survival is 2(1 − x)ⁿ.
            return Clip(2 * Math.Pow(1 - x, n));
        }
        if (x >= 0.5)
        {
            // D⁺ ≥ x and D⁻ ≥ x cannot both hold above ½, so the two-sided tail is exactly twice the one-sided one.
            return Clip(2 * SmirnovSurvival(n, x));
        }
        var nxSquared = t * x;
        if (n <= 140)
        {
            return nxSquared <= 4 ? Clip(1 - DurbinCdf(n, x)) : Clip(2 * SmirnovSurvival(n, x));
        }
        if (nxSquared >= 370)
        {
            return 0;
        }
        if (nxSquared >= 2.2)
        {
            return Clip(2 * SmirnovSurvival(n, x));
        }
        var central = n <= 100_000 && n * Math.Pow(x, 1.5) <= 1.4 ? DurbinCdf(n, x) : PelzGoodCdf(n, x);
        return Clip(1 - central);
    }

    /// <summary>
    /// The one-sided Smirnov survival <c>P(Dₙ⁺ ≥ x)</c> by the exact Birnbaum–Tingey sum
    /// <c>x Σⱼ C(n,j) (1 − x − j/n)^(n−j) (x + j/n)^(j−1)</c>, j from 0 to ⌊n(1 − x)⌋ (scipy <c>special.smirnov</c>).
    /// </summary>
    internal static double SmirnovSurvival(int n, double x)
    {
        if (x <= 0)
        {
            return 1;
        }
        if (x >= 1)
        {
            return 0;
        }
        // All terms are positive, so summing them in log-space scaled form keeps full relative accuracy in the tail.
        var last = (int)Math.Floor(n * (1 - x));
        var logN = SpecialFunctions.LogGamma(n + 1.0);
        var sum = 0.0;
        for (var j = 0; j <= last; j++)
        {
            var lower = 1 - x - (double)j / n;
            var upper = x + (double)j / n;
            if (lower <= 0)
            {
                if (n - j > 0)
                {
                    continue;
                }
                lower = 1;
            }
            var logTerm = logN - SpecialFunctions.LogGamma(j + 1.0) - SpecialFunctions.LogGamma(n - j + 1.0)
                + (n - j) * Math.Log(lower) + (j - 1) * Math.Log(upper);
            sum += Math.Exp(logTerm);
        }
        return x * sum;
    }

    private static double Clip(double p) => double.IsNaN(p) ? p : Math.Clamp(p, 0, 1);
}
