using System.Globalization;

namespace Dq.Expectations.Catalog;

/// <content>The divergence of categorical and continuous partitions, and the partitions built from the data.</content>
public sealed partial class ExpectColumnKlDivergenceToBeLessThan
{
    private (double Divergence, Dictionary<string, object?> Details) Categorical(Partition partition, IReadOnlyList<(object Value, long Count)> counts, long total)
    {
        // The expected categories first, then the observed ones nobody expected (GX's concat of the two series).
        var categories = partition.Values!.ToList();
        var observedByValue = counts.ToDictionary(c => Metrics.ValueSet.Normalize(c.Value), c => (double)c.Count / total);
        var unexpected = observedByValue.Keys.Where(v => !categories.Contains(v)).ToList();
        var expected = partition.Weights.Select(w => unexpected.Count > 0 ? w * (1 - _tailHoldout) : w)
            .Concat(unexpected.Select(_ => _tailHoldout / unexpected.Count)).ToList();
        categories.AddRange(unexpected);
        var observed = categories.Select(c => observedByValue.GetValueOrDefault(c)).ToList();
        var values = categories.Select(c => (object?)c).ToList();
        return (KlDivergence.Of(observed, expected), new Dictionary<string, object?>
        {
            ["observed_partition"] = new Dictionary<string, object?> { ["values"] = values, ["weights"] = Boxed(observed) },
            ["expected_partition"] = new Dictionary<string, object?> { ["values"] = values, ["weights"] = Boxed(expected) },
        });
    }

    private (double Divergence, Dictionary<string, object?> Details) Continuous(Partition partition, IReadOnlyList<(object Value, long Count)> counts, long total)
    {
        var bins = partition.Bins!;
        var (histogram, below, above) = Histogram(bins, counts);
        var observed = histogram.Select(h => (double)h / total).ToList();
        var (belowWeight, aboveWeight) = ((double)below / total, (double)above / total);
        var expected = partition.Weights.Select(w => w * (1 - _tailHoldout - _internalHoldout)).ToList();
        var empty = expected.Count(w => w == 0);
        if (_internalHoldout > 0 && empty > 0)
        {
            expected = [.. expected.Select(w => w == 0 ? _internalHoldout / empty : w)];
        }

        List<double> combinedExpected, combinedObserved, expectedTails, observedTails;
        var (lowerInfinite, upperInfinite) = (double.IsNegativeInfinity(bins[0]), double.IsPositiveInfinity(bins[^1]));
        var edges = bins.Skip(lowerInfinite ? 1 : 0).Take(bins.Count - (lowerInfinite ? 1 : 0) - (upperInfinite ? 1 : 0)).ToList();
        if (lowerInfinite && upperInfinite)
        {
            (combinedExpected, combinedObserved) = (expected, observed);
            (expectedTails, observedTails) = ([expected[0], expected[^1]], [observed[0], observed[^1]]);
            (expected, observed) = (expected[1..^1], observed[1..^1]);
        }
        else if (lowerInfinite)
        {
            (combinedExpected, combinedObserved) = ([.. expected, _tailHoldout], [.. observed, aboveWeight]);
            (expectedTails, observedTails) = ([expected[0], _tailHoldout], [observed[0], aboveWeight]);
            (expected, observed) = (expected[1..], observed[1..]);
        }
        else if (upperInfinite)
        {
            (combinedExpected, combinedObserved) = ([_tailHoldout, .. expected], [belowWeight, .. observed]);
            (expectedTails, observedTails) = ([_tailHoldout, expected[^1]], [belowWeight, observed[^1]]);
            (expected, observed) = (expected[..^1], observed[..^1]);
        }
        else
        {
            expectedTails = partition.TailWeights is { } tails ? [.. tails] : [_tailHoldout / 2, _tailHoldout / 2];
            combinedExpected = [expectedTails[0], .. expected, expectedTails[1]];
            combinedObserved = [belowWeight, .. observed, aboveWeight];
            observedTails = [belowWeight, aboveWeight];
        }
        return (KlDivergence.Of(combinedObserved, combinedExpected), new Dictionary<string, object?>
        {
            ["observed_partition"] = Continuous(edges, observed, observedTails),
            ["expected_partition"] = Continuous(edges, expected, expectedTails),
        });
    }

    private static Dictionary<string, object?> Continuous(List<double> bins, List<double> weights, List<double> tails) => new()
    {
        ["bins"] = Boxed(bins),
        ["weights"] = Boxed(weights),
        ["tail_weights"] = Boxed(tails),
    };

    /// <summary>
    /// numpy's histogram over explicit edges: bins are [a, b) except the last, [a, b]; values outside are counted
    /// below and above instead.
    /// </summary>
    private static (long[] Histogram, long Below, long Above) Histogram(IReadOnlyList<double> bins, IReadOnlyList<(object Value, long Count)> counts)
    {
        var histogram = new long[bins.Count - 1];
        long below = 0, above = 0;
        foreach (var (value, count) in counts)
        {
            var x = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (x < bins[0])
            {
                below += count;
            }
            else if (x > bins[^1])
            {
                above += count;
            }
            else
            {
                var index = 0;
                while (index < histogram.Length - 1 && x >= bins[index + 1])
                {
                    index++;
                }
                histogram[index] += count;
            }
        }
        return (histogram, below, above);
    }

    /// <summary>The partition GX builds without one: value frequencies, as a categorical partition.</summary>
    private static Partition CategoricalPartition(IReadOnlyList<(object Value, long Count)> counts, long total) =>
        Partition.FromData(counts.Select(c => c.Value).ToList(), null, [.. counts.Select(c => (double)c.Count / total)], null);

    /// <summary>
    /// The partition GX builds without one when bucketizing: numpy's "auto" bin edges (the narrower of the Sturges and
    /// Freedman–Diaconis widths), the histogram's weights, and the rest split equally between the tails.
    /// </summary>
    private static Partition AutoPartition(IReadOnlyList<(object Value, long Count)> counts, long total)
    {
        var min = Convert.ToDouble(counts[0].Value, CultureInfo.InvariantCulture);
        var max = Convert.ToDouble(counts[^1].Value, CultureInfo.InvariantCulture);
        var range = max - min;
        var sturges = range / (Math.Log2(total) + 1);
        var iqr = Convert.ToDouble(Quantiles.ValueAtFraction(counts, total, 0.75), CultureInfo.InvariantCulture)
            - Convert.ToDouble(Quantiles.ValueAtFraction(counts, total, 0.25), CultureInfo.InvariantCulture);
        var freedman = 2 * iqr * Math.Pow(total, -1.0 / 3);
        var width = freedman > 0 ? Math.Min(freedman, sturges) : sturges;
        var binCount = range > 0 && width > 0 ? (int)Math.Ceiling(range / width) : 1;
        var (low, high) = range > 0 ? (min, max) : (min - 0.5, max + 0.5);
        var edges = Enumerable.Range(0, binCount + 1).Select(i => low + ((high - low) * i / binCount)).ToList();
        var (histogram, _, _) = Histogram(edges, counts);
        var weights = histogram.Select(h => (double)h / total).ToList();
        var tail = (1 - weights.Sum()) / 2;
        return Partition.FromData(null, edges, weights, [tail, tail]);
    }

    private static List<object?> Boxed(IEnumerable<double> values) => [.. values.Select(v => (object?)v)];
}
