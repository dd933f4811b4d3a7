namespace Dq.Expectations.Statistics;

/// <summary>A drift test to run: its name (Evidently's stat-test names), its threshold and the comparison direction.</summary>
/// <param name="Method">The test: one of the names in <see cref="DriftTests"/> (for example <c>ks</c>).</param>
/// <param name="Threshold">The threshold the value is compared with.</param>
/// <param name="Rule">Which comparison means drift.</param>
public sealed record DriftTestChoice(string Method, double Threshold, DriftRule Rule)
{
    /// <summary>Whether a test's value (a p-value or a distance, per <see cref="Rule"/>) means drift; NaN never does.</summary>
    /// <param name="value">The p-value or distance.</param>
    /// <returns>True when the value crosses the threshold in this test's direction.</returns>
    public bool IsDrift(double value) => Rule switch
    {
        DriftRule.PValueAtMost => value <= Threshold,
        DriftRule.PValueBelow => value < Threshold,
        DriftRule.DistanceAtLeast => value >= Threshold,
        DriftRule.DistanceAbove => value > Threshold,
        _ => throw new InvalidOperationException($"Unknown drift rule {Rule}."),
    };

    /// <summary>The same test with another threshold (dq lets every threshold be overridden).</summary>
    /// <param name="threshold">The new threshold.</param>
    /// <returns>A copy with <paramref name="threshold"/>.</returns>
    public DriftTestChoice WithThreshold(double threshold) => this with { Threshold = threshold };
}
