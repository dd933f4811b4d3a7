namespace Dq.Expectations.Statistics;

/// <summary>
/// Distances between two numeric distributions, given as sorted samples or as cumulative step functions:
/// Deequ's L∞ (the Kolmogorov–Smirnov statistic) with its small-sample correction, and the Wasserstein-1 distance
/// with Evidently's normed form.
/// </summary>
public static class NumericDistance
{
    /// <summary>Deequ's default <c>c(α)</c>, for α = 0.003 (Knuth, TAOCP vol. 2, §3.3.1 eq. 15), used when no α is given.</summary>
    public const double DefaultCAlpha = 1.8;

    /// <summary>
    /// The L∞ distance <c>max |F_A(x) − F_B(x)|</c> over the union of both samples' values (Deequ
    /// <c>numericalDistance</c> with exact sketches; equals scipy <c>ks_2samp(a, b).statistic</c>).
    /// </summary>
    /// <param name="sortedA">The first sample, ascending, without NaN.</param>
    /// <param name="sortedB">The second sample, ascending, without NaN.</param>
    /// <returns>A distance in [0, 1].</returns>
    /// <exception cref="ArgumentException">A sample is empty, unsorted or contains NaN.</exception>
    public static double LInfinitySimple(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB)
    {
        SampleChecks.RequireNonEmpty(sortedA.Length, nameof(sortedA));
        SampleChecks.RequireNonEmpty(sortedB.Length, nameof(sortedB));
        return LInfinitySimple(CdfStep.FromSorted(sortedA), CdfStep.FromSorted(sortedB));
    }

    /// <summary>
    /// The L∞ distance between two step functions, each normalized by its total weight and evaluated at the union of
    /// both step values; this is what Deequ computes from two KLL sketches' rank maps.
    /// </summary>
    /// <param name="a">The first distribution's steps.</param>
    /// <param name="b">The second distribution's steps.</param>
    /// <returns>A distance in [0, 1].</returns>
    /// <exception cref="ArgumentException">A step list is empty, out of order or has zero total weight.</exception>
    public static double LInfinitySimple(ReadOnlySpan<CdfStep> a, ReadOnlySpan<CdfStep> b)
    {
        SampleChecks.RequireSteps(a, nameof(a));
        SampleChecks.RequireSteps(b, nameof(b));
        var totalA = a[^1].CumulativeWeight;
        var totalB = b[^1].CumulativeWeight;
        var max = 0.0;
        int i = 0, j = 0;
        double weightA = 0, weightB = 0;
        while (i < a.Length || j < b.Length)
        {
            var x = Math.Min(i < a.Length ? a[i].Value : double.PositiveInfinity, j < b.Length ? b[j].Value : double.PositiveInfinity);
            if (i < a.Length && a[i].Value == x)
            {
                weightA = a[i++].CumulativeWeight;
            }
            if (j < b.Length && b[j].Value == x)
            {
                weightB = b[j++].CumulativeWeight;
            }
            max = Math.Max(max, Math.Abs(weightA / totalA - weightB / totalB));
        }
        return max;
    }

    /// <summary>
    /// Deequ's robust L∞: <c>max(0, simple − c(α)·√((n + m)/(n·m)))</c>, the simple distance less the two-sample
    /// Kolmogorov–Smirnov critical value, so small samples do not read as drift.
    /// </summary>
    /// <param name="simple">The simple L∞ distance.</param>
    /// <param name="n">The first sample's size (total weight), positive.</param>
    /// <param name="m">The second sample's size (total weight), positive.</param>
    /// <param name="alpha">
    /// The significance level, or null for Deequ's default (α = 0.003 with the rounded <c>c(α)</c> = 1.8). An explicit α
    /// uses <c>√(−ln(α/2)/2)</c>, so passing 0.003 gives c ≈ 1.8032, exactly as Deequ does.
    /// </param>
    /// <returns>The corrected distance, ≥ 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size is not positive or α is outside (0, 1).</exception>
    public static double LInfinityRobust(double simple, double n, double m, double? alpha = null)
    {
        if (!(n > 0) || !(m > 0))
        {
            throw new ArgumentOutOfRangeException(n > 0 ? nameof(m) : nameof(n), "Both sample sizes must be positive for the robust L-infinity correction.");
        }
        return Math.Max(0.0, simple - CAlpha(alpha) * Math.Sqrt((n + m) / (n * m)));
    }

    /// <summary>The two-sample Kolmogorov–Smirnov coefficient <c>c(α)</c> as Deequ picks it: 1.8 when α is null, else <c>√(−ln(α/2)/2)</c>.</summary>
    /// <param name="alpha">The significance level in (0, 1), or null for Deequ's default.</param>
    /// <returns>The coefficient.</returns>
    /// <exception cref="ArgumentOutOfRangeException">α is outside (0, 1).</exception>
    public static double CAlpha(double? alpha)
    {
        if (alpha is not { } a)
        {
            return DefaultCAlpha;
        }
        if (!(a > 0 && a < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), a, "The significance level alpha must be in (0, 1), for example 0.003 or 0.05.");
        }
        return Math.Sqrt(-Math.Log(a / 2) / 2);
    }

    /// <summary>The first Wasserstein (earth mover's) distance between two samples, <c>∫ |F_A − F_B| dx</c> (scipy <c>wasserstein_distance</c>).</summary>
    /// <param name="sortedA">The first sample, ascending, without NaN.</param>
    /// <param name="sortedB">The second sample, ascending, without NaN.</param>
    /// <returns>The distance in the samples' units; infinite values give infinity or NaN as in scipy.</returns>
    /// <exception cref="ArgumentException">A sample is empty, unsorted or contains NaN.</exception>
    public static double Wasserstein(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB)
    {
        SampleChecks.RequireNonEmpty(sortedA.Length, nameof(sortedA));
        SampleChecks.RequireNonEmpty(sortedB.Length, nameof(sortedB));
        return Wasserstein(CdfStep.FromSorted(sortedA), CdfStep.FromSorted(sortedB));
    }

    /// <summary>The first Wasserstein distance between two weighted step functions (scipy <c>wasserstein_distance</c> with weights).</summary>
    /// <param name="a">The first distribution's steps.</param>
    /// <param name="b">The second distribution's steps.</param>
    /// <returns>The distance in the values' units.</returns>
    /// <exception cref="ArgumentException">A step list is empty, out of order or has zero total weight.</exception>
    public static double Wasserstein(ReadOnlySpan<CdfStep> a, ReadOnlySpan<CdfStep> b)
    {
        SampleChecks.RequireSteps(a, nameof(a));
        SampleChecks.RequireSteps(b, nameof(b));
        var totalA = a[^1].CumulativeWeight;
        var totalB = b[^1].CumulativeWeight;
        int i = 0, j = 0;
        double weightA = 0, weightB = 0, previous = 0, sum = 0;
        var first = true;
        while (i < a.Length || j < b.Length)
        {
            var x = Math.Min(i < a.Length ? a[i].Value : double.PositiveInfinity, j < b.Length ? b[j].Value : double.PositiveInfinity);
            if (!first)
            {
                // Both CDFs are constant on [previous, x), so this strip's area is exact.
                sum += Math.Abs(weightA / totalA - weightB / totalB) * (x - previous);
            }
            first = false;
            if (i < a.Length && a[i].Value == x)
            {
                weightA = a[i++].CumulativeWeight;
            }
            if (j < b.Length && b[j].Value == x)
            {
                weightB = b[j++].CumulativeWeight;
            }
            previous = x;
        }
        return sum;
    }

    /// <summary>
    /// Evidently's normed Wasserstein distance: <c>wasserstein(reference, current) / max(σ_ref, 0.001)</c> with σ the
    /// population standard deviation (numpy <c>np.std</c>). Its default drift threshold is 0.1.
    /// </summary>
    /// <param name="sortedReference">The reference sample, ascending, without NaN.</param>
    /// <param name="sortedCurrent">The current sample, ascending, without NaN.</param>
    /// <returns>The distance in units of the reference's standard deviation.</returns>
    /// <exception cref="ArgumentException">A sample is empty, unsorted or contains NaN.</exception>
    public static double WassersteinNormed(ReadOnlySpan<double> sortedReference, ReadOnlySpan<double> sortedCurrent)
    {
        var distance = Wasserstein(sortedReference, sortedCurrent);
        return distance / Math.Max(PopulationStandardDeviation(sortedReference), 0.001);
    }

    /// <summary>The population standard deviation (divisor n, numpy's default), by two passes to avoid cancellation.</summary>
    internal static double PopulationStandardDeviation(ReadOnlySpan<double> values)
    {
        var mean = 0.0;
        foreach (var v in values)
        {
            mean += v;
        }
        mean /= values.Length;
        var squares = 0.0;
        foreach (var v in values)
        {
            squares += (v - mean) * (v - mean);
        }
        return Math.Sqrt(squares / values.Length);
    }
}
