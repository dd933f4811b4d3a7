namespace Dq.Expectations.Statistics;

public static partial class KolmogorovDistribution
{
    /// <summary>
    /// The Pelz–Good (1976) approximation of <c>P(Dₙ ≤ x)</c>: the Li-Chien/Korolyuk expansion
    /// <c>K₀(z) + K₁(z)/√n + K₂(z)/n + K₃(z)/n^1.5</c> in z = √n·x, rewritten with Jacobi theta identities so it
    /// converges for small z. Used for large n where the Durbin matrix would be too big.
    /// </summary>
    internal static double PelzGoodCdf(int n, double x)
    {
        if (x <= 0)
        {
            return 0;
        }
        if (x >= 1)
        {
            return 1;
        }
        const double piSquared = Math.PI * Math.PI;
        var z = Math.Sqrt(n) * x;
        var z2 = z * z;
        var z4 = z2 * z2;
        var z6 = z4 * z2;
        var logQ = -piSquared / 8 / z2;
        if (logQ < -708)
        {
            return 0;
        }
        var q = Math.Exp(logQ);

        var k1a = -z2;
        var k1b = piSquared / 4;
        var k2a = 6 * z6 + 2 * z4;
        var k2b = (2 * z4 - 5 * z2) * piSquared / 4;
        var k2c = piSquared * piSquared * (1 - 2 * z2) / 16;
        var k3d = Math.Pow(Math.PI, 6) * (5 - 30 * z2) / 64;
        var k3c = piSquared * piSquared * (-60 * z2 + 212 * z4) / 16;
        var k3b = piSquared * (135 * z4 - 96 * z6) / 4;
        var k3a = -30 * z6 - 90 * z4 * z4;

        // Sums over odd m = 2k − 1 of c(m)·q^(m²), by Horner's scheme in q⁸ᵏ from the largest k down.
        Span<double> terms = stackalloc double[4];
        var maxK = (int)Math.Ceiling(16 * z / Math.PI);
        for (var k = maxK; k >= 1; k--)
        {
            double m = 2 * k - 1;
            var m2 = m * m;
            var m4 = m2 * m2;
            var qPower = Math.Pow(q, 8.0 * k);
            terms[0] = terms[0] * qPower + 1;
            terms[1] = terms[1] * qPower + k1a + k1b * m2;
            terms[2] = terms[2] * qPower + k2a + k2b * m2 + k2c * m4;
            terms[3] = terms[3] * qPower + k3a + k3b * m2 + k3c * m4 + k3d * m4 * m2;
        }
        var sqrtTwoPi = Math.Sqrt(2 * Math.PI);
        terms[0] *= q * sqrtTwoPi / z;
        terms[1] *= q * sqrtTwoPi / (6 * z4);
        terms[2] *= q * sqrtTwoPi / (72 * z6 * z);
        terms[3] *= q * sqrtTwoPi / (6480 * z4 * z6);

        // The remaining sums run over all integers k with q' = exp(−π²/(2z²)).
        var qAll = Math.Exp(-piSquared / 2 / z2);
        var sqrt3z = Math.Sqrt(3) * z;
        double k2Extra = 0, k3Extra = 0;
        for (var k = maxK; k >= 1; k--)
        {
            double kk = (double)k * k;
            var qPower = Math.Pow(qAll, kk);
            var kPi = Math.PI * k;
            k2Extra += kk * qPower;
            k3Extra += (sqrt3z + kPi) * (sqrt3z - kPi) * kk * qPower;
        }
        terms[2] += k2Extra * piSquared * sqrtTwoPi / (-36 * z2 * z);
        terms[3] += k3Extra * piSquared * sqrtTwoPi / (216 * z6);

        var sqrtN = Math.Sqrt(n);
        return terms[0] + terms[1] / sqrtN + terms[2] / n + terms[3] / (n * sqrtN);
    }
}
