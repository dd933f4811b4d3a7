namespace Dq.Expectations.Catalog;

/// <summary>
/// The Kullback–Leibler divergence as scipy's <c>stats.entropy(pk, qk)</c> computes it: both distributions are first
/// normalized to sum to 1; terms with p = 0 contribute nothing; p &gt; 0 where q = 0 makes it infinite.
/// </summary>
internal static class KlDivergence
{
    public static double Of(IReadOnlyList<double> observed, IReadOnlyList<double> expected)
    {
        var p = observed.Sum();
        var q = expected.Sum();
        var divergence = 0.0;
        for (var i = 0; i < observed.Count; i++)
        {
            var pi = observed[i] / p;
            var qi = expected[i] / q;
            if (pi > 0)
            {
                divergence += qi > 0 ? pi * Math.Log(pi / qi) : double.PositiveInfinity;
            }
        }
        return divergence;
    }
}
