using System.Text.Json.Nodes;
using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Expectations.Execution;
using Dq.Expectations.Kernels;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Tests.Support;

/// <summary>Runs the engine and reads its JSON output.</summary>
internal static class Runs
{
    public static ValidationOptions Complete { get; } = new() { ResultFormat = new ResultFormat(ResultFormatLevel.Complete), Threads = 1 };

    /// <summary>Validates batches with explicit engine settings; returns the JSON and the statistics.</summary>
    public static (JsonNode Json, ExecutionStatistics Statistics) Validate(
        Schema schema, IReadOnlyList<RecordBatch> batches, ExpectationSuite suite, ValidationOptions? options = null,
        KernelVariant? variant = null, int blockRows = 0)
    {
        using var source = new RecordBatchSource(schema, batches);
        var (result, statistics) = Validator.Validate(source, suite, options ?? Complete, variant, CancellationToken.None, blockRows);
        return (ValidationResultJson.ToNode(result), statistics);
    }

    /// <summary>Validates one batch at COMPLETE on one thread and returns the JSON.</summary>
    public static JsonNode Json(RecordBatch batch, ExpectationSuite suite, KernelVariant? variant = null, ValidationOptions? options = null) =>
        Validate(batch.Schema, [batch], suite, options, variant).Json;

    /// <summary>The <c>result</c> block of expectation <paramref name="index"/>.</summary>
    public static JsonObject Result(JsonNode json, int index = 0) => json["results"]![index]!["result"]!.AsObject();

    public static long[] UnexpectedIndexes(JsonNode json, int index = 0) =>
        [.. Result(json, index)["unexpected_index_list"]!.AsArray().Select(n => n!.GetValue<long>())];

    public static bool Success(JsonNode json, int index = 0) => json["results"]![index]!["success"]!.GetValue<bool>();

    public static string? ExceptionMessage(JsonNode json, int index = 0) =>
        json["results"]![index]!["exception_info"]!["exception_message"]?.GetValue<string>();

    /// <summary>The output without the run's <c>meta</c> block (run id, time, duration), as text to compare.</summary>
    public static string WithoutRunMeta(JsonNode json)
    {
        var copy = json.DeepClone().AsObject();
        copy.Remove("meta");
        return copy.ToJsonString();
    }
}
