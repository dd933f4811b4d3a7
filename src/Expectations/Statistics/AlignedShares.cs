namespace Dq.Expectations.Statistics;

/// <summary>Two distributions' counts and shares over the same keys (the union of both sides), in key order.</summary>
/// <typeparam name="TKey">The category or value type.</typeparam>
/// <param name="Keys">The union of both sides' keys, sorted (ordinal for strings).</param>
/// <param name="ReferenceCounts">The reference count of each key, 0 where the key is absent.</param>
/// <param name="CurrentCounts">The current count of each key, 0 where the key is absent.</param>
/// <param name="ReferenceShares">Each reference count over the reference total.</param>
/// <param name="CurrentShares">Each current count over the current total.</param>
public sealed record AlignedShares<TKey>(TKey[] Keys, long[] ReferenceCounts, long[] CurrentCounts, double[] ReferenceShares, double[] CurrentShares)
    where TKey : notnull;
