namespace Dq.Expectations.Statistics;

/// <summary>How the two-sample Kolmogorov–Smirnov p-value is computed (scipy <c>ks_2samp</c>'s <c>method</c>).</summary>
public enum KsMethod
{
    /// <summary>Exact when both samples have at most 10,000 values (scipy's <c>MAX_AUTO_N</c>), asymptotic otherwise.</summary>
    Auto,

    /// <summary>The exact permutation distribution, by counting lattice paths that leave the band |i/n − j/m| &lt; D.</summary>
    Exact,

    /// <summary>The one-sample Kolmogorov distribution <c>kstwo</c> with n = round(n·m/(n + m)).</summary>
    Asymptotic,
}
