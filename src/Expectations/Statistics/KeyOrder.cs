namespace Dq.Expectations.Statistics;

/// <summary>Deterministic key order and share computation for the categorical statistics.</summary>
internal static class KeyOrder
{
    // Ordinal for strings so results never depend on the machine's culture; the type's default order otherwise.
    public static IComparer<TKey> Comparer<TKey>() where TKey : notnull =>
        typeof(TKey) == typeof(string) ? (IComparer<TKey>)StringComparer.Ordinal : System.Collections.Generic.Comparer<TKey>.Default;

    public static long Total(IEnumerable<long> counts, string parameter)
    {
        long total = 0;
        foreach (var count in counts)
        {
            if (count < 0)
            {
                SampleChecks.Throw($"'{parameter}' has a negative count ({count}); counts must be ≥ 0.", parameter);
            }
            total += count;
        }
        if (total == 0)
        {
            SampleChecks.Throw($"'{parameter}' has no values; a drift statistic needs at least one value on each side.", parameter);
        }
        return total;
    }

    public static double[] Shares(long[] counts, string parameter)
    {
        var total = Total(counts, parameter);
        return counts.Select(c => (double)c / total).ToArray();
    }
}
