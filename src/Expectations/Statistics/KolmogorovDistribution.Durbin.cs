namespace Dq.Expectations.Statistics;

public static partial class KolmogorovDistribution
{
    // Powers of the Durbin matrix grow like nⁿ/n!; rescaling by 2^±128 keeps them finite and the exponent is
    // restored at the end, as in Marsaglia, Tsang & Wang (2003).
    private const int ScaleExponent = 128;
    private static readonly double s_scaleUp = Math.ScaleB(1.0, ScaleExponent);
    private static readonly double s_scaleDown = Math.ScaleB(1.0, -ScaleExponent);

    /// <summary>
    /// The exact CDF <c>P(Dₙ ≤ d)</c> by Durbin's matrix method: with d = (k − h)/n, it is n!/nⁿ times the (k, k)
    /// entry of Hⁿ for a (2k − 1)-square matrix H. Cost O(k³ log n), so it suits small n·d.
    /// </summary>
    internal static double DurbinCdf(int n, double d)
    {
        if (d >= 1)
        {
            return 1;
        }
        var nd = n * d;
        if (nd <= 0.5)
        {
            return 0;
        }
        var k = (int)Math.Ceiling(nd);
        var h = k - nd;
        var size = 2 * k - 1;
        var matrix = BuildDurbinMatrix(h, size);

        var power = Identity(size);
        long powerExponent = 0;
        long matrixExponent = 0;
        for (var remaining = n; remaining > 0; remaining >>= 1)
        {
            if ((remaining & 1) == 1)
            {
                power = Multiply(power, matrix);
                powerExponent += matrixExponent;
            }
            matrix = Multiply(matrix, matrix);
            matrixExponent *= 2;
            if (Math.Abs(matrix[(k - 1) * size + k - 1]) > s_scaleUp)
            {
                Scale(matrix, s_scaleDown);
                matrixExponent += ScaleExponent;
            }
        }

        var p = power[(k - 1) * size + k - 1];
        for (var i = 1; i <= n; i++)
        {
            p = i * p / n;
            if (Math.Abs(p) < s_scaleDown)
            {
                p *= s_scaleUp;
                powerExponent -= ScaleExponent;
            }
        }
        return Math.Clamp(Math.ScaleB(p, (int)powerExponent), 0, 1);
    }

    private static double[] BuildDurbinMatrix(double h, int size)
    {
        // Row-major. Inside: H[r, c] = 1/(r − c + 1)! for r ≥ c − 1. First column and last row carry the (1 − hⁱ)
        // corrections, and the corner has the extra (2h − 1)₊ term.
        var inverseFactorial = new double[size + 1];
        inverseFactorial[0] = 1;
        for (var i = 1; i <= size; i++)
        {
            inverseFactorial[i] = inverseFactorial[i - 1] / i;
        }
        var edge = new double[size];
        for (var j = 0; j < size; j++)
        {
            edge[j] = (1 - Math.Pow(h, j + 1)) * inverseFactorial[j + 1];
        }
        var corner = Math.Pow(Math.Max(2 * h - 1, 0), size) - 2 * Math.Pow(h, size);
        edge[size - 1] = (1 + corner) * inverseFactorial[size];

        var matrix = new double[size * size];
        for (var c = 1; c < size; c++)
        {
            for (var r = c - 1; r < size; r++)
            {
                matrix[r * size + c] = inverseFactorial[r - c + 1];
            }
        }
        for (var r = 0; r < size; r++)
        {
            matrix[r * size] = edge[r];
        }
        for (var c = 0; c < size; c++)
        {
            matrix[(size - 1) * size + c] = edge[size - 1 - c];
        }
        return matrix;
    }

    private static double[] Identity(int size)
    {
        var identity = new double[size * size];
        for (var i = 0; i < size; i++)
        {
            identity[i * size + i] = 1;
        }
        return identity;
    }

    private static double[] Multiply(double[] left, double[] right)
    {
        var size = (int)Math.Sqrt(left.Length);
        var product = new double[left.Length];
        for (var r = 0; r < size; r++)
        {
            for (var m = 0; m < size; m++)
            {
                var a = left[r * size + m];
                if (a == 0)
                {
                    continue;
                }
                for (var c = 0; c < size; c++)
                {
                    product[r * size + c] += a * right[m * size + c];
                }
            }
        }
        return product;
    }

    private static void Scale(double[] matrix, double factor)
    {
        for (var i = 0; i < matrix.Length; i++)
        {
            matrix[i] *= factor;
        }
    }
}
