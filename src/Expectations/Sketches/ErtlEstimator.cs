namespace Dq.Expectations.Sketches;

/// <summary>
/// The improved cardinality estimator for HyperLogLog registers of O. Ertl, "New cardinality estimation algorithms for
/// HyperLogLog sketches" (2017, arXiv:1702.01284, Algorithm 6), written from the paper. It corrects the raw estimate at
/// both ends of the range (no register set, registers saturated) with the series σ and τ, so it is nearly unbiased
/// from 0 to far beyond 2^p without the empirical bias tables of HLL++ (Heule, Nunkesser and Hall 2013).
/// </summary>
internal static class ErtlEstimator
{
    // α∞ = 1 / (2 ln 2), the limit of the HyperLogLog bias constant as m grows.
    private static readonly double s_alphaInfinity = 1 / (2 * Math.Log(2));

    /// <summary>The estimate from a register histogram.</summary>
    /// <param name="histogram">histogram[k] = how many registers hold k, for k = 0..q+1 (q = 64 − p).</param>
    /// <param name="registers">m = 2^p.</param>
    public static double Estimate(ReadOnlySpan<int> histogram, int registers)
    {
        var q = histogram.Length - 2;
        double m = registers;
        var z = m * Tau(1 - histogram[q + 1] / m);
        for (var k = q; k >= 1; k--)
        {
            z = 0.5 * (z + histogram[k]);
        }
        z += m * Sigma(histogram[0] / m);
        return s_alphaInfinity * m * m / z;
    }

    /// <summary>σ(x) = x + Σ_{k≥1} x^(2^k)·2^(k−1), summed until it stops changing.</summary>
    internal static double Sigma(double x)
    {
        if (x == 1)
        {
            return double.PositiveInfinity;
        }
        double y = 1, z = x, previous;
        do
        {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        }
        while (z != previous);
        return z;
    }

    /// <summary>τ(x) = (1/3)·(1 − x − Σ_{k≥1} (1 − x^(2^−k))²·2^−k), summed until it stops changing.</summary>
    internal static double Tau(double x)
    {
        if (x == 0 || x == 1)
        {
            return 0;
        }
        double y = 1, z = 1 - x, previous;
        do
        {
            x = Math.Sqrt(x);
            previous = z;
            y *= 0.5;
            z -= (1 - x) * (1 - x) * y;
        }
        while (z != previous);
        return z / 3;
    }
}
