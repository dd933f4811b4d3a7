namespace Dq.Expectations.Sketches;

/// <summary>One equal-width bucket of a <see cref="KllSketch"/> (statistics.json <c>distribution.kll.buckets[i]</c>).</summary>
/// <param name="LowerBound">The bucket's lower bound (<c>lower_bound</c>), included.</param>
/// <param name="UpperBound">The bucket's upper bound (<c>upper_bound</c>), excluded except for the last bucket.</param>
/// <param name="Count">The sketch's estimate of the values in the bucket (<c>count</c>).</param>
public readonly record struct KllBucket(double LowerBound, double UpperBound, long Count);
