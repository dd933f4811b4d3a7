using System.Text;
using System.Text.Json;
using Dq.Expectations.Results;

namespace Dq.Cli.Running;

/// <summary>
/// The result JSON of a run: for one validation without a checkpoint, GX's validation-result object (as before);
/// for a checkpoint, <c>{checkpoint, success, statistics, results: [validation results]}</c>.
/// </summary>
internal static class ResultFiles
{
    public static void WriteJson(RunPlan plan, IReadOnlyList<ValidationResult> results, Stream stream)
    {
        if (plan.CheckpointName is null && results.Count == 1)
        {
            stream.Write(Encoding.UTF8.GetBytes(ValidationResultJson.ToJson(results[0])));
            return;
        }
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("checkpoint", plan.CheckpointName);
        w.WriteBoolean("success", results.All(r => r.Success));
        w.WriteStartObject("statistics");
        w.WriteNumber("evaluated_validations", results.Count);
        w.WriteNumber("successful_validations", results.Count(r => r.Success));
        w.WriteNumber("unsuccessful_validations", results.Count(r => !r.Success));
        w.WriteEndObject();
        w.WriteStartArray("results");
        foreach (var result in results)
        {
            w.WriteRawValue(ValidationResultJson.ToJson(result));
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static string Json(RunPlan plan, IReadOnlyList<ValidationResult> results)
    {
        using var stream = new MemoryStream();
        WriteJson(plan, results, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
