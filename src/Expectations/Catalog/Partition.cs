using System.Text.Json.Nodes;
using Dq.Expectations.Metrics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// A GX <c>partition_object</c>: categorical (<c>values</c> with <c>weights</c>) or continuous (<c>bins</c> edges
/// with one weight per bin, and optional <c>tail_weights</c> for the mass below and above the bins).
/// </summary>
/// <remarks>
/// Valid as GX defines it: as many weights as values, or one more edge than weights with strictly increasing edges
/// and exactly two tail weights; weights (with tail weights) summing to 1 within numpy's allclose tolerance. JSON has
/// no infinities, so an infinite edge is written as the text <c>"Infinity"</c> or <c>"-Infinity"</c>.
/// </remarks>
internal sealed class Partition
{
    private Partition(IReadOnlyList<object>? values, IReadOnlyList<double>? bins, IReadOnlyList<double> weights, IReadOnlyList<double>? tailWeights)
    {
        Values = values;
        Bins = bins;
        Weights = weights;
        TailWeights = tailWeights;
    }

    /// <summary>A partition built from the data itself, already valid.</summary>
    public static Partition FromData(IReadOnlyList<object>? values, IReadOnlyList<double>? bins, IReadOnlyList<double> weights, IReadOnlyList<double>? tailWeights) =>
        new(values, bins, weights, tailWeights);

    /// <summary>The categories of a categorical partition; null for a continuous one.</summary>
    public IReadOnlyList<object>? Values { get; }

    /// <summary>The bin edges of a continuous partition; null for a categorical one.</summary>
    public IReadOnlyList<double>? Bins { get; }

    public IReadOnlyList<double> Weights { get; }

    public IReadOnlyList<double>? TailWeights { get; }

    public bool IsCategorical => Values is not null;

    /// <exception cref="ConfigurationException">The object is not a valid partition.</exception>
    public static Partition Read(KwargReader kwargs, JsonObject node)
    {
        var weights = Numbers(node["weights"]);
        var tails = node.ContainsKey("tail_weights") ? Numbers(node["tail_weights"]) : null;
        if (weights is null)
        {
            throw Invalid(kwargs, "it has no `weights` list");
        }
        if (node["values"] is JsonArray values && node["bins"] is null)
        {
            var categories = values.Select(v => JsonScalars.TryGetScalar(v, out var s) && s is not null ? ValueSet.Normalize(s) : null).ToList();
            if (categories.Count != weights.Count || categories.Any(c => c is null) || !SumsToOne(weights))
            {
                throw Invalid(kwargs, "a categorical partition needs one weight per value, weights summing to 1");
            }
            return new Partition(categories!, null, weights, null);
        }
        var bins = Numbers(node["bins"]);
        if (bins is null || bins.Count != weights.Count + 1 || bins.Zip(bins.Skip(1)).Any(p => !(p.Second > p.First))
            || (tails is not null && tails.Count != 2) || !SumsToOne([.. weights, .. tails ?? []]))
        {
            throw Invalid(kwargs, "a continuous partition needs strictly increasing `bins` with one more edge than `weights`, at most two `tail_weights`, and weights summing to 1");
        }
        return new Partition(null, bins, weights, tails);
    }

    /// <summary>numpy's allclose(sum, 1): |sum − 1| ≤ 1e-8 + 1e-5.</summary>
    private static bool SumsToOne(IEnumerable<double> weights) => Math.Abs(weights.Sum() - 1) <= 1e-8 + 1e-5;

    private static List<double>? Numbers(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            return null;
        }
        var numbers = new List<double>(array.Count);
        foreach (var item in array)
        {
            if (!JsonScalars.TryGetScalar(item, out var value))
            {
                return null;
            }
            double? number = value switch
            {
                long l => l,
                double d => d,
                string s when s is "Infinity" or "inf" or "+inf" => double.PositiveInfinity,
                string s when s is "-Infinity" or "-inf" => double.NegativeInfinity,
                _ => null,
            };
            if (number is null)
            {
                return null;
            }
            numbers.Add(number.Value);
        }
        return numbers;
    }

    private static ConfigurationException Invalid(KwargReader kwargs, string problem) =>
        kwargs.Error("partition_object", $"is not a valid partition object: {problem}", "see GX's partition_object format");
}
