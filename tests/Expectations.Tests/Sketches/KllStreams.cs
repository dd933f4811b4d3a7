namespace Dq.Expectations.Tests.Sketches;

/// <summary>Seeded test streams of several shapes, and brute-force ranks over a sorted copy.</summary>
internal static class KllStreams
{
    public const int Kinds = 7;

    /// <summary>0 uniform, 1 log-uniform over 10 decades, 2 a thousand repeated integers, 3 ascending, 4 descending,
    /// 5 a few values with both zeros, 6 uniform with every tenth value NaN.</summary>
    public static double[] Make(int kind, int n, int seed)
    {
        var random = new Random(seed);
        var values = new double[n];
        for (var i = 0; i < n; i++)
        {
            values[i] = kind switch
            {
                0 => random.NextDouble(),
                1 => Math.Pow(10, random.NextDouble() * 10 - 5),
                2 => random.Next(1000),
                3 => i,
                4 => n - i,
                5 => new[] { -0.0, 0.0, -1.5, 2.5, 0.0 }[random.Next(5)],
                _ => i % 10 == 9 ? double.NaN : random.NextDouble() - 0.5,
            };
        }
        return values;
    }

    public static double[] SortedNumbers(IEnumerable<double> values) => [.. values.Where(v => !double.IsNaN(v)).Order()];

    /// <summary>How many values are ≤ x.</summary>
    public static long TrueRank(double[] sorted, double x)
    {
        int low = 0, high = sorted.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (sorted[middle] <= x) { low = middle + 1; } else { high = middle; }
        }
        return low;
    }

    /// <summary>How many values are &lt; x.</summary>
    public static long TrueRankExclusive(double[] sorted, double x) => sorted.Count(v => v < x);

    /// <summary>The largest |estimated rank − true rank| / n over every distinct value of the stream.</summary>
    public static double WorstRankError(Dq.Expectations.Sketches.KllSortedView view, double[] sorted)
    {
        double worst = 0;
        for (var j = 0; j < sorted.Length; j++)
        {
            if (j + 1 < sorted.Length && sorted[j + 1] == sorted[j])
            {
                continue;
            }
            worst = Math.Max(worst, Math.Abs(view.Rank(sorted[j]) - (j + 1)) / sorted.Length);
        }
        return worst;
    }
}
