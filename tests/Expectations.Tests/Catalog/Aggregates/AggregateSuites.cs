using System.Text.Json;
using System.Text.Json.Nodes;
using Apache.Arrow;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Catalog.Aggregates;

/// <summary>Suites written as GX JSON, one-expectation runs, and JSON compared with a tolerance for reals.</summary>
internal static class AggregateSuites
{
    /// <summary>One expectation as GX 1.x JSON; <paramref name="kwargs"/> is the body of the kwargs object.</summary>
    public static string E(string type, string kwargs) => $$"""{"type": "expect_{{type}}", "kwargs": { {{kwargs}} } }""";

    public static ExpectationSuite Suite(params string[] expectations) =>
        SuiteJson.Parse($$"""{"name": "aggregates", "expectations": [{{string.Join(",\n", expectations)}}]}""");

    /// <summary>Runs one expectation over one column named <c>x</c> and returns its whole result object.</summary>
    public static JsonObject RunOne(IArrowArray column, string type, string kwargs)
    {
        var json = Runs.Json(Arrays.Batch(("x", column)), Suite(E(type, kwargs)));
        return json["results"]![0]!.AsObject();
    }

    public static JsonNode? Observed(JsonObject result) => result["result"]!["observed_value"];

    public static bool Success(JsonObject result) => result["success"]!.GetValue<bool>();

    public static bool Raised(JsonObject result) => result["exception_info"]!["raised_exception"]!.GetValue<bool>();

    /// <summary>
    /// Whether two JSON trees are equal, integers exactly and other numbers within 1e-12 relative; the first
    /// difference's path otherwise.
    /// </summary>
    public static string? Difference(JsonNode? a, JsonNode? b, string path = "$")
    {
        switch (a, b)
        {
            case (null, null):
                return null;
            case (JsonObject x, JsonObject y):
                if (!x.Select(p => p.Key).Order(StringComparer.Ordinal).SequenceEqual(y.Select(p => p.Key).Order(StringComparer.Ordinal)))
                {
                    return $"{path}: keys differ";
                }
                return x.Select(p => Difference(p.Value, y[p.Key], $"{path}.{p.Key}")).FirstOrDefault(d => d is not null);
            case (JsonArray x, JsonArray y):
                return x.Count != y.Count ? $"{path}: lengths {x.Count} and {y.Count}"
                    : x.Select((item, i) => Difference(item, y[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            case (JsonValue x, JsonValue y) when x.GetValueKind() == JsonValueKind.Number && y.GetValueKind() == JsonValueKind.Number:
                var (p, q) = (x.GetValue<double>(), y.GetValue<double>());
                var integers = !x.ToJsonString().Any(c => c is '.' or 'e' or 'E') && !y.ToJsonString().Any(c => c is '.' or 'e' or 'E');
                return x.ToJsonString() == y.ToJsonString() || (!integers && Math.Abs(p - q) <= 1e-12 * Math.Max(Math.Abs(p), Math.Abs(q)))
                    ? null : $"{path}: {x.ToJsonString()} and {y.ToJsonString()}";
            default:
                return a?.ToJsonString() == b?.ToJsonString() ? null : $"{path}: {a?.ToJsonString()} and {b?.ToJsonString()}";
        }
    }
}
