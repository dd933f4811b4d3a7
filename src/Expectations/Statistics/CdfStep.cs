namespace Dq.Expectations.Statistics;

/// <summary>
/// One step of an empirical (possibly weighted) cumulative distribution: the total weight of all values ≤
/// <see cref="Value"/>. A distribution is a list of steps with strictly increasing values and non-decreasing
/// cumulative weights; the last step's weight is the total.
/// </summary>
/// <param name="Value">The value at which the step occurs.</param>
/// <param name="CumulativeWeight">The weight of all values ≤ <paramref name="Value"/> (a count or a sketch rank).</param>
public readonly record struct CdfStep(double Value, double CumulativeWeight)
{
    /// <summary>The steps of the exact empirical distribution of a sorted sample: one step per distinct value, weighted by counts.</summary>
    /// <param name="sorted">The sample in ascending order, without NaN.</param>
    /// <returns>The steps, one per distinct value.</returns>
    /// <exception cref="ArgumentException">The sample is not sorted or contains NaN.</exception>
    public static CdfStep[] FromSorted(ReadOnlySpan<double> sorted)
    {
        SampleChecks.RequireSorted(sorted, nameof(sorted));
        var steps = new List<CdfStep>();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i + 1 < sorted.Length && sorted[i + 1] == sorted[i])
            {
                continue;
            }
            steps.Add(new CdfStep(sorted[i], i + 1));
        }
        return [.. steps];
    }
}
