namespace Dq.Expectations.Statistics;

public static partial class SpecialFunctions
{
    /// <summary>The complementary error function <c>erfc(x) = 1 − erf(x)</c>, accurate in relative terms far into the upper tail.</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>A value in [0, 2]; it underflows to 0 beyond x ≈ 27.2.</returns>
    /// <remarks>Computed as <c>Q(½, x²)</c> (and <c>1 + P(½, x²)</c> for negative x), so it shares the incomplete gamma's accuracy.</remarks>
    public static double Erfc(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }
        var squared = x * x;
        return x >= 0 ? RegularizedGammaQ(0.5, squared) : 1 + RegularizedGammaP(0.5, squared);
    }

    /// <summary>The standard normal survival function <c>P(Z ≥ z)</c> (scipy <c>norm.sf</c>), computed without cancellation in the upper tail.</summary>
    /// <param name="z">The standard score.</param>
    /// <returns>The upper-tail probability.</returns>
    public static double NormalSurvival(double z)
    {
        if (double.IsNaN(z))
        {
            return z;
        }
        // ½·erfc(z/√2) = ½·Q(½, z²/2); z*z*0.5 avoids rounding z/√2 first, which would cost accuracy deep in the tail.
        var halfSquared = z * z * 0.5;
        return z >= 0 ? 0.5 * RegularizedGammaQ(0.5, halfSquared) : 0.5 * (1 + RegularizedGammaP(0.5, halfSquared));
    }

    /// <summary>The standard normal cumulative distribution function <c>P(Z ≤ z)</c> (scipy <c>norm.cdf</c>).</summary>
    /// <param name="z">The standard score.</param>
    /// <returns>The lower-tail probability, accurate in relative terms in the lower tail.</returns>
    public static double NormalCdf(double z) => NormalSurvival(-z);
}
