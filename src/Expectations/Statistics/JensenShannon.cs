namespace Dq.Expectations.Statistics;

/// <summary>
/// The Jensen–Shannon distance (scipy <c>spatial.distance.jensenshannon</c>, natural log): the square root of the
/// Jensen–Shannon divergence, in [0, √(ln 2)]. Evidently's <c>jensenshannon</c> drift test uses it with threshold 0.1.
/// </summary>
public static class JensenShannon
{
    /// <summary>The largest possible distance, √(ln 2), reached by distributions with disjoint support.</summary>
    public static readonly double MaximumDistance = Math.Sqrt(Math.Log(2));

    /// <summary>The distance between two non-negative weight vectors over the same bins; each is normalized to sum 1 first.</summary>
    /// <param name="p">The first weights (shares or counts), ≥ 0, not all zero.</param>
    /// <param name="q">The second weights, in the same bins.</param>
    /// <returns>The distance in [0, √(ln 2)].</returns>
    /// <exception cref="ArgumentException">The vectors differ in length, are empty, have a negative or NaN weight, or sum to zero.</exception>
    /// <remarks>A rounding-level negative divergence is clamped to 0, where scipy would return NaN.</remarks>
    public static double Distance(ReadOnlySpan<double> p, ReadOnlySpan<double> q)
    {
        SampleChecks.RequireSameLength(p.Length, q.Length, nameof(p), nameof(q));
        SampleChecks.RequireNonEmpty(p.Length, nameof(p));
        var sumP = Total(p, nameof(p));
        var sumQ = Total(q, nameof(q));
        var divergence = 0.0;
        for (var i = 0; i < p.Length; i++)
        {
            var a = p[i] / sumP;
            var b = q[i] / sumQ;
            var mean = (a + b) / 2;
            divergence += RelativeEntropy(a, mean) + RelativeEntropy(b, mean);
        }
        return Math.Sqrt(Math.Max(0, divergence / 2));
    }

    // scipy rel_entr: x·ln(x/y), with 0 for x = 0; y ≥ x/2 > 0 here, so no infinite term arises.
    private static double RelativeEntropy(double x, double y) => x > 0 ? x * Math.Log(x / y) : 0;

    private static double Total(ReadOnlySpan<double> weights, string parameter)
    {
        var sum = 0.0;
        foreach (var w in weights)
        {
            if (!(w >= 0) || double.IsInfinity(w))
            {
                SampleChecks.Throw($"'{parameter}' has weight {w}; Jensen-Shannon needs finite weights ≥ 0.", parameter);
            }
            sum += w;
        }
        if (sum == 0)
        {
            SampleChecks.Throw($"'{parameter}' sums to zero; Jensen-Shannon needs at least one value on each side.", parameter);
        }
        return sum;
    }
}
