namespace Dq.Expectations.Statistics;

/// <summary>
/// The two-sided two-sample Kolmogorov–Smirnov test as scipy's <c>ks_2samp(a, b)</c> computes it with its default
/// <c>method='auto'</c>: exact when both sizes are ≤ 10,000, else the asymptotic <c>kstwo.sf(D, round(n·m/(n + m)))</c>.
/// Evidently's <c>ks</c> drift test reports this p-value and flags drift when p ≤ 0.05.
/// </summary>
/// <remarks>
/// The exact p-value walks the lattice in probability space (each step's chance is the remaining share of that
/// sample) and adds the mass of every path where it first leaves the band, so it cannot overflow and keeps its
/// relative accuracy for tiny p-values; scipy instead counts paths and gives up (falling back to the asymptotic
/// method) on floating-point overflow, which this never needs. Ties are handled in the statistic only; the p-value
/// assumes continuous data, as scipy's does.
/// </remarks>
public static class KolmogorovSmirnovTest
{
    /// <summary>The largest sample size for which <see cref="KsMethod.Auto"/> picks the exact method (scipy's <c>MAX_AUTO_N</c>).</summary>
    public const int MaxExactSize = 10_000;

    /// <summary>Runs the test on two sorted samples.</summary>
    /// <param name="sortedA">The first sample, ascending, without NaN.</param>
    /// <param name="sortedB">The second sample, ascending, without NaN.</param>
    /// <param name="method">How to compute the p-value.</param>
    /// <returns>The statistic, the p-value and the method used.</returns>
    /// <exception cref="ArgumentException">A sample is empty, unsorted or contains NaN.</exception>
    public static KsTestResult TwoSample(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB, KsMethod method = KsMethod.Auto)
    {
        SampleChecks.RequireNonEmpty(sortedA.Length, nameof(sortedA));
        SampleChecks.RequireNonEmpty(sortedB.Length, nameof(sortedB));
        SampleChecks.RequireSorted(sortedA, nameof(sortedA));
        SampleChecks.RequireSorted(sortedB, nameof(sortedB));
        long n = sortedA.Length, m = sortedB.Length;

        // The statistic in lattice units, max |i·m − j·n|, is an exact integer; D = that / (n·m).
        long maxDifference = 0;
        int i = 0, j = 0;
        while (i < n || j < m)
        {
            var x = Math.Min(i < n ? sortedA[i] : double.PositiveInfinity, j < m ? sortedB[j] : double.PositiveInfinity);
            while (i < n && sortedA[i] == x)
            {
                i++;
            }
            while (j < m && sortedB[j] == x)
            {
                j++;
            }
            maxDifference = Math.Max(maxDifference, Math.Abs(i * m - j * n));
        }
        var statistic = (double)maxDifference / (n * m);
        var used = Resolve(method, (int)n, (int)m);
        var p = used == KsMethod.Exact ? ExactSurvival((int)n, (int)m, maxDifference) : AsymptoticPValue(statistic, (int)n, (int)m);
        return new KsTestResult(statistic, p, used);
    }

    /// <summary>The p-value for a statistic computed elsewhere (for example from sketches), with the sizes it came from.</summary>
    /// <param name="statistic">The observed D in [0, 1].</param>
    /// <param name="n">The first sample's size, positive.</param>
    /// <param name="m">The second sample's size, positive.</param>
    /// <param name="method">How to compute the p-value.</param>
    /// <returns>The p-value and the method used.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive.</exception>
    public static KsTestResult PValue(double statistic, int n, int m, KsMethod method = KsMethod.Auto)
    {
        if (n <= 0 || m <= 0)
        {
            throw new ArgumentOutOfRangeException(n <= 0 ? nameof(n) : nameof(m), "Both sample sizes must be positive for a Kolmogorov-Smirnov p-value.");
        }
        var used = Resolve(method, n, m);
        if (used == KsMethod.Asymptotic)
        {
            return new KsTestResult(statistic, AsymptoticPValue(statistic, n, m), used);
        }
        // As scipy does: snap D to the lattice (a multiple of 1/lcm(n, m)) before counting paths.
        var g = Gcd(n, m);
        var lcm = (long)(n / g) * m;
        var h = (long)Math.Round(statistic * lcm, MidpointRounding.ToEven);
        return new KsTestResult((double)h / lcm, ExactSurvival(n, m, h * g), used);
    }

    /// <summary>scipy's asymptotic p-value: <c>kstwo.sf(D, round(n·m/(n + m)))</c>, with numpy's round-half-even.</summary>
    /// <param name="statistic">The observed D.</param>
    /// <param name="n">The first sample's size.</param>
    /// <param name="m">The second sample's size.</param>
    /// <returns>The p-value; NaN when the effective size rounds to 0 (n = m = 1), as in scipy.</returns>
    public static double AsymptoticPValue(double statistic, int n, int m)
    {
        double larger = Math.Max(n, m), smaller = Math.Min(n, m);
        var effective = Math.Round(larger * smaller / (larger + smaller), MidpointRounding.ToEven);
        return effective < 1 ? double.NaN : KolmogorovDistribution.Survival((int)effective, statistic);
    }

    private static KsMethod Resolve(KsMethod method, int n, int m) => method switch
    {
        KsMethod.Auto => Math.Max(n, m) <= MaxExactSize ? KsMethod.Exact : KsMethod.Asymptotic,
        KsMethod.Exact or KsMethod.Asymptotic => method,
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown Kolmogorov-Smirnov method."),
    };

    /// <summary>
    /// P(a random interleaving of n and m values reaches |i·m − j·n| ≥ threshold), the exact two-sample tail, for
    /// threshold = D·n·m in lattice units.
    /// </summary>
    internal static double ExactSurvival(int n, int m, long threshold)
    {
        if (threshold <= 0)
        {
            return 1;
        }
        long total = (long)n + m;
        // inside[j] holds the chance of being at (i, j) having stayed strictly inside the band so far.
        var inside = new double[m + 1];
        var next = new double[m + 1];
        inside[0] = 1;
        var outside = 0.0;
        for (long i = 0; i <= n; i++)
        {
            Array.Clear(next);
            // Inside points of row i: |i·m − j·n| < threshold.
            var low = Math.Max(0, FloorDiv(i * m - threshold, n) + 1);
            var high = Math.Min(m, CeilDiv(i * m + threshold, n) - 1);
            for (var j = low; j <= high; j++)
            {
                var mass = inside[j];
                if (mass == 0)
                {
                    continue;
                }
                var remaining = total - i - j;
                if (remaining == 0)
                {
                    continue;
                }
                var down = mass * (n - i) / remaining;
                var right = mass - down;
                if (j < m)
                {
                    if (j + 1 <= high)
                    {
                        inside[j + 1] += right;
                    }
                    else
                    {
                        outside += right;
                    }
                }
                if (i < n)
                {
                    if (Math.Abs((i + 1) * m - j * n) < threshold)
                    {
                        next[j] += down;
                    }
                    else
                    {
                        outside += down;
                    }
                }
            }
            (inside, next) = (next, inside);
        }
        return Math.Clamp(outside, 0, 1);
    }

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long CeilDiv(long a, long b) => a >= 0 ? (a + b - 1) / b : -(-a / b);

    private static int Gcd(int a, int b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return a;
    }
}
