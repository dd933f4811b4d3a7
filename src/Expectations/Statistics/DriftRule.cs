namespace Dq.Expectations.Statistics;

/// <summary>How a drift test's value is compared with its threshold (each Evidently test fixes its own direction).</summary>
public enum DriftRule
{
    /// <summary>Drift when the p-value is at most the threshold (Evidently's <c>ks</c>).</summary>
    PValueAtMost,

    /// <summary>Drift when the p-value is strictly below the threshold (Evidently's <c>chisquare</c> and <c>z</c>).</summary>
    PValueBelow,

    /// <summary>Drift when the distance is at least the threshold (Evidently's <c>wasserstein</c>, <c>jensenshannon</c>, <c>psi</c>).</summary>
    DistanceAtLeast,

    /// <summary>Drift when the distance is strictly above the threshold (SageMaker's "exceeds": L∞ distances).</summary>
    DistanceAbove,
}
