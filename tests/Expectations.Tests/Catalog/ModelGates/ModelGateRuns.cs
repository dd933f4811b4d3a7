using System.Text.Json.Nodes;
using Apache.Arrow;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Catalog.ModelGates;

/// <summary>Runs one model-gate expectation, written as suite JSON, over a batch and reads its result.</summary>
internal static class ModelGateRuns
{
    public static ExpectationSuite Suite(string type, string kwargs) =>
        SuiteJson.Parse($$$"""{"name": "model", "expectations": [{"type": "{{{type}}}", "kwargs": { {{{kwargs}}} } }]}""");

    /// <summary>The whole result (success, result, exception_info) of the single expectation.</summary>
    public static JsonNode Run(RecordBatch batch, string type, string kwargs) => Runs.Json(batch, Suite(type, kwargs))["results"]![0]!;

    public static double Observed(JsonNode result) => result["result"]!["observed_value"]!.GetValue<double>();

    public static JsonNode Details(JsonNode result) => result["result"]!["details"]!;

    public static bool Success(JsonNode result) => result["success"]!.GetValue<bool>();

    public static long Long(JsonNode result, string detail) => Details(result)[detail]!.GetValue<long>();
}
