using System.Text.Json.Nodes;
using Dq.Expectations.Metrics;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_quantile_values_to_be_between</c>: each quantile of the non-null values lies within its range.
/// <c>quantile_ranges</c> is <c>{"quantiles": [q…], "value_ranges": [[min, max]…]}</c>, a null end being open.
/// </summary>
/// <remarks>
/// Quantiles are exact, with numpy's "nearest" interpolation that GX asks pandas for (the value at position
/// q·(n − 1), rounded half to even), so <c>allow_relative_error</c> is accepted and has nothing to relax.
/// </remarks>
public sealed class ExpectColumnQuantileValuesToBeBetween : ValueCountsExpectation
{
    /// <summary>The GX type name.</summary>
    public const string TypeName = "expect_column_quantile_values_to_be_between";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnQuantileValuesToBeBetween(c, k),
        static d => d.Sentence("quantiles of {column} must fall in the ranges {quantile_ranges}"));

    private readonly List<double> _quantiles = [];
    private readonly List<(double? Min, double? Max)> _ranges = [];

    internal ExpectColumnQuantileValuesToBeBetween(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        if (kwargs.Node("quantile_ranges") is not JsonObject ranges
            || ranges["quantiles"] is not JsonArray quantiles || ranges["value_ranges"] is not JsonArray values || quantiles.Count != values.Count)
        {
            throw kwargs.Error("quantile_ranges", "is not {\"quantiles\": [...], \"value_ranges\": [[min, max], ...]} with one range per quantile",
                "give the quantiles and a [min, max] pair for each");
        }
        foreach (var (quantile, range) in quantiles.Zip(values))
        {
            var q = Number(quantile) ?? throw kwargs.Error("quantile_ranges", "holds a quantile that is not a number", "give quantiles between 0 and 1");
            if (q is < 0 or > 1)
            {
                throw kwargs.Error("quantile_ranges", $"holds the quantile {q}", "give quantiles between 0 and 1");
            }
            if (range is not JsonArray { Count: 2 } pair)
            {
                throw kwargs.Error("quantile_ranges", "holds a value range that is not a [min, max] pair", "give each range as [min, max], null for an open end");
            }
            var (min, max) = (Number(pair[0]), Number(pair[1]));
            if (min > max)
            {
                throw kwargs.Error("quantile_ranges", $"holds the range [{min}, {max}]: quantile_ranges must consist of ordered pairs", "put the smaller bound first");
            }
            _quantiles.Add(q);
            _ranges.Add((min, max));
        }
        kwargs.Node("allow_relative_error");
        kwargs.RejectUnknown();
    }

    private protected override ExpectationResult Judge(IReadOnlyList<(object Value, long Count)> counts, ResultFormat format)
    {
        var total = counts.Sum(c => c.Count);
        if (total == 0)
        {
            return NothingObserved(format);
        }
        if (!HoldsNumbers(counts))
        {
            return CannotJudge($"column `{Column}` does not hold numbers, so it has no quantiles; check the column.");
        }
        var values = _quantiles.Select(q => Convert.ToDouble(Quantiles.Nearest(counts, total, q), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var each = values.Zip(_ranges, (v, r) => (object?)((r.Min is not { } lo || v >= lo) && (r.Max is not { } hi || v <= hi))).ToList();
        return Judged(each.All(b => (bool)b!), format, () => new ResultDetails
        {
            HasObservedValue = true,
            ObservedValue = new Dictionary<string, object?>
            {
                ["quantiles"] = _quantiles.Select(q => (object?)q).ToList(),
                ["values"] = values.Select(v => (object?)v).ToList(),
            },
            Details = new Dictionary<string, object?> { ["success_details"] = each },
        });
    }

    private static double? Number(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number ? v.GetValue<double>() : null;
}
