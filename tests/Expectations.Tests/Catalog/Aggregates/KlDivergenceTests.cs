using System.Globalization;
using Dq.Expectations.Tests.Support;
using static Dq.Expectations.Tests.Catalog.Aggregates.AggregateSuites;

namespace Dq.Expectations.Tests.Catalog.Aggregates;

/// <summary>
/// KL divergence against scipy's <c>entropy</c> written out here (normalize both, Σ p·ln(p/q), ∞ when q = 0 &lt; p),
/// over GX's partitions with holdouts; invalid partitions and holdouts are configuration errors naming the kwarg.
/// </summary>
public sealed class KlDivergenceTests
{
    private static readonly string[] s_letters = ["a", "b", "c", "d", "e"];

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.1)]
    [InlineData(3, 0.3)]
    [InlineData(4, 0.0)]
    [InlineData(5, 0.25)]
    [InlineData(6, 1.0)]
    public void Categorical_RandomData_EqualsScipyEntropyWithHoldout(int seed, double holdout)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, random.Next(1, 60)).Select(_ => random.Next(7) == 0 ? null : s_letters[random.Next(random.Next(2, 6))]).ToList();
        var categories = s_letters.Take(random.Next(1, 5)).ToList();
        var weights = Normalized(categories.Select(_ => (double)random.Next(0, 4)).Append(1).ToList()).Take(categories.Count).ToList();
        weights[^1] += 1 - weights.Sum();
        var present = values.OfType<string>().ToList();
        var unexpected = present.Distinct().Where(v => !categories.Contains(v)).Order(StringComparer.Ordinal).ToList();
        var p = categories.Concat(unexpected).Select(c => (double)present.Count(v => v == c) / present.Count).ToList();
        var q = weights.Select(w => unexpected.Count > 0 ? w * (1 - holdout) : w).Concat(unexpected.Select(_ => holdout / unexpected.Count)).ToList();

        var result = RunOne(Arrays.String(values), "column_kl_divergence_to_be_less_than",
            $"\"column\": \"x\", \"threshold\": 0.3, \"tail_weight_holdout\": {N(holdout)}, \"partition_object\": {{\"values\": [{string.Join(", ", categories.Select(c => $"\"{c}\""))}], \"weights\": [{Join(weights)}]}}");

        AssertDivergence(Entropy(p, q), 0.3, result);
    }

    [Theory]
    [InlineData(1, false, 0.0, 0.0)]
    [InlineData(2, true, 0.0, 0.0)]
    [InlineData(3, false, 0.2, 0.0)]
    [InlineData(4, false, 0.1, 0.3)]
    [InlineData(5, true, 0.0, 0.2)]
    [InlineData(6, false, 0.0, 0.4)]
    public void Continuous_RandomData_EqualsScipyEntropyOfHistogramAndTails(int seed, bool tails, double tailHoldout, double internalHoldout)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, random.Next(1, 80)).Select(_ => random.Next(9) switch
        {
            0 => null,
            1 => double.NaN,
            2 => (double?)random.Next(-2, 12),
            _ => (double?)Math.Round((random.NextDouble() * 14) - 2, 2),
        }).ToList();
        var bins = Enumerable.Range(0, random.Next(2, 6)).Aggregate(new List<double> { random.Next(-1, 2) }, (b, _) => { b.Add(b[^1] + random.Next(1, 4)); return b; });
        var raw = Enumerable.Range(0, bins.Count - 1).Select(_ => (double)random.Next(0, 3)).Concat(tails ? [random.Next(0, 2), random.Next(0, 2)] : []).Append(1).ToList();
        var all = Normalized(raw).Take(raw.Count - 1).ToList();
        all[0] += 1 - all.Sum();
        var (weights, tailWeights) = tails ? (all[..^2], all[^2..]) : (all, null);
        var x = values.OfType<double>().Where(v => !double.IsNaN(v)).ToList();
        var histogram = weights.Select((_, i) => (double)x.Count(v => v >= bins[i] && (v < bins[i + 1] || (i == weights.Count - 1 && v == bins[i + 1])))).ToList();
        var expected = weights.Select(w => w * (1 - tailHoldout - internalHoldout)).ToList();
        var empty = expected.Count(w => w == 0);
        expected = [.. expected.Select(w => w == 0 && internalHoldout > 0 ? internalHoldout / empty : w)];
        List<double> p = [x.Count(v => v < bins[0]), .. histogram, x.Count(v => v > bins[^1])];
        List<double> q = [tailWeights?[0] ?? tailHoldout / 2, .. expected, tailWeights?[1] ?? tailHoldout / 2];

        var result = RunOne(Arrays.Double(values), "column_kl_divergence_to_be_less_than",
            $"\"column\": \"x\", \"threshold\": 0.5, \"tail_weight_holdout\": {N(tailHoldout)}, \"internal_weight_holdout\": {N(internalHoldout)}, " +
            $"\"partition_object\": {{\"bins\": [{Join(bins)}], \"weights\": [{Join(weights)}]{(tails ? $", \"tail_weights\": [{Join(tailWeights!)}]" : "")}}}");

        AssertDivergence(x.Count == 0 ? double.NaN : Entropy(p, q), 0.5, result);
    }

    [Fact]
    public void Continuous_InfiniteEnds_OuterBinsAreTheTails()
    {
        double?[] values = [-100, -1, 0, 0.5, 3, 7, 7, 1e9, null];
        var result = RunOne(Arrays.Double(values), "column_kl_divergence_to_be_less_than",
            "\"column\": \"x\", \"partition_object\": {\"bins\": [\"-Infinity\", 0, 5, \"Infinity\"], \"weights\": [0.1, 0.6, 0.3]}");

        AssertDivergence(Entropy([2, 3, 3], [0.1, 0.6, 0.3]), null, result);
    }

    [Fact]
    public void Categorical_UnexpectedValueWithoutHoldout_IsInfiniteAndFails()
    {
        var result = RunOne(Arrays.String(["a", "b", "z"]), "column_kl_divergence_to_be_less_than",
            "\"column\": \"x\", \"threshold\": 100, \"partition_object\": {\"values\": [\"a\", \"b\"], \"weights\": [0.5, 0.5]}");

        Assert.Null(Observed(result));
        Assert.False(Success(result));
    }

    [Theory]
    [InlineData("\"partition_object\": {\"values\": [\"a\", \"b\"], \"weights\": [0.5, 0.4]}", "partition_object")]
    [InlineData("\"partition_object\": {\"values\": [\"a\", \"b\"], \"weights\": [1]}", "partition_object")]
    [InlineData("\"partition_object\": {\"bins\": [0, 2, 1], \"weights\": [0.5, 0.5]}", "partition_object")]
    [InlineData("\"partition_object\": {\"bins\": [0, 1, 1], \"weights\": [0.5, 0.5]}", "partition_object")]
    [InlineData("\"partition_object\": {\"bins\": [0, 1], \"weights\": [0.5, 0.5]}", "partition_object")]
    [InlineData("\"partition_object\": {\"bins\": [0, 1], \"weights\": [0.5], \"tail_weights\": [0.25, 0.125, 0.125]}", "partition_object")]
    [InlineData("\"partition_object\": {\"bins\": [\"-Infinity\", 1], \"weights\": [0.8], \"tail_weights\": [0.1, 0.1]}", "partition_object")]
    [InlineData("\"partition_object\": [0, 1]", "partition_object")]
    [InlineData("\"partition_object\": {\"bins\": [0, 1], \"weights\": [0.8], \"tail_weights\": [0.1, 0.1]}, \"tail_weight_holdout\": 0.1", "tail_weight_holdout")]
    [InlineData("\"partition_object\": {\"bins\": [\"-Infinity\", 1, \"Infinity\"], \"weights\": [0.5, 0.5]}, \"tail_weight_holdout\": 0.1", "tail_weight_holdout")]
    [InlineData("\"partition_object\": {\"values\": [1], \"weights\": [1]}, \"internal_weight_holdout\": 0.1", "internal_weight_holdout")]
    [InlineData("\"partition_object\": {\"values\": [1], \"weights\": [1]}, \"tail_weight_holdout\": 1.5", "tail_weight_holdout")]
    [InlineData("\"partition_object\": {\"bins\": [0, 1], \"weights\": [1]}, \"internal_weight_holdout\": -0.1", "internal_weight_holdout")]
    [InlineData("\"partition_object\": {\"bins\": [0, 1], \"weights\": [1]}, \"bucketize_data\": false", "bucketize_data")]
    [InlineData("\"partition_object\": {\"bins\": [0, 1], \"weights\": [1]}, \"threshold\": -1", "threshold")]
    public void InvalidPartitionOrHoldout_ConfigurationErrorNamingKwarg(string kwargs, string kwarg)
    {
        var error = Assert.Throws<ConfigurationException>(() => Suite(E("column_kl_divergence_to_be_less_than", $"\"column\": \"x\", {kwargs}")));

        Assert.Contains($"kwarg `{kwarg}`", error.Message, StringComparison.Ordinal);
        Assert.Contains("expectation 0 (`expect_column_kl_divergence_to_be_less_than`)", error.Message, StringComparison.Ordinal);
    }

    /// <summary>scipy.stats.entropy(pk, qk): both normalized; p = 0 terms vanish; q = 0 &lt; p is infinite.</summary>
    private static double Entropy(IReadOnlyList<double> pk, IReadOnlyList<double> qk)
    {
        var (p, q) = (Normalized(pk), Normalized(qk));
        return p.Zip(q).Where(t => t.First > 0).Sum(t => t.Second == 0 ? double.PositiveInfinity : t.First * Math.Log(t.First / t.Second));
    }

    private static void AssertDivergence(double expected, double? threshold, System.Text.Json.Nodes.JsonObject result)
    {
        Assert.False(Raised(result), result.ToJsonString());
        if (double.IsNaN(expected))
        {
            Assert.Null(Observed(result));
            return;
        }
        if (double.IsPositiveInfinity(expected))
        {
            Assert.Null(Observed(result));
            Assert.Equal(threshold is null, Success(result));
            return;
        }
        var observed = Observed(result)!.GetValue<double>();
        Assert.True(Math.Abs(observed - expected) <= 1e-12 * Math.Max(Math.Abs(expected), 1e-300) || Math.Abs(observed - expected) < 1e-15,
            $"observed {observed:R}, expected {expected:R}");
        Assert.Equal(threshold is not { } t || expected <= t, Success(result));
    }

    private static List<double> Normalized(IReadOnlyList<double> weights) => [.. weights.Select(w => w / weights.Sum())];

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(N));
}
