using System.Text.Json;
using System.Text.Json.Nodes;
using Dq.Expectations.Catalog;

namespace Dq.Expectations.Suites;

/// <summary>Reads GX 1.x and 0.x suite JSON, and writes 1.x.</summary>
/// <remarks>
/// GX 1.x: <c>{"name", "expectations": [{"type", "kwargs", "meta"}], "meta"}</c>. GX 0.x:
/// <c>{"expectation_suite_name", "expectations": [{"expectation_type", "kwargs", "meta"}]}</c>.
/// </remarks>
public static class SuiteJson
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true };

    /// <summary>Reads a suite file.</summary>
    /// <exception cref="ConfigurationException">The file is missing, not JSON, or not a valid suite; the message says where.</exception>
    /// <param name="path">The suite file.</param>
    /// <param name="parameters">The values <c>{"$PARAMETER": ...}</c> kwargs refer to; none when null.</param>
    public static ExpectationSuite Read(string path, Parameters.SuiteParameters? parameters = null)
    {
        return Parse(ConfigurationText.Read(path, "suite file"), path, parameters);
    }

    /// <summary>Parses suite JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="source">The file name or a label, for messages.</param>
    /// <exception cref="ConfigurationException">The JSON is malformed or not a valid suite.</exception>
    /// <param name="parameters">The values <c>{"$PARAMETER": ...}</c> kwargs refer to; none when null.</param>
    public static ExpectationSuite Parse(string json, string source = "suite", Parameters.SuiteParameters? parameters = null)
    {
        JsonNode? root;
        try
        {
            // Duplicate keys are refused at parse time: JsonObject would otherwise throw on first access, and a suite
            // whose `column` is given twice has no one meaning.
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, AllowDuplicateProperties = false });
        }
        catch (JsonException e) when (e.Message.Contains("Duplicate", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationException($"suite file `{source}`{(e.LineNumber is { } line ? $" line {line + 1}" : "")}: {e.Message.Split(" Path:", 2)[0].Split(" LineNumber", 2)[0]} Each key may appear once in an object; remove the repeated one.", e);
        }
        catch (JsonException e)
        {
            // System.Text.Json's message ends in its own 0-based "LineNumber: 1 | BytePositionInLine: 60."; one
            // 1-based location, as editors count, is clearer.
            var problem = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd();
            throw new ConfigurationException($"suite file `{source}` line {e.LineNumber + 1}, column {e.BytePositionInLine + 1}: not valid JSON: {problem} Fix the syntax there.", e);
        }
        if (root is not JsonObject suite)
        {
            throw new ConfigurationException($"suite file `{source}` must hold a JSON object with `name` and `expectations`.");
        }
        var name = Text(suite["name"]) ?? Text(suite["expectation_suite_name"])
            ?? throw new ConfigurationException($"suite file `{source}` has no `name` (GX 1.x) or `expectation_suite_name` (GX 0.x); add one.");
        if (suite["expectations"] is not JsonArray items)
        {
            throw new ConfigurationException($"suite `{name}` in `{source}` has no `expectations` list; add one (it may be empty).");
        }
        var expectations = new List<Expectation>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            expectations.Add(ReadExpectation(items[i], source, i, parameters));
        }
        return new ExpectationSuite(name, expectations, suite["meta"] as JsonObject);
    }

    private static Expectation ReadExpectation(JsonNode? node, string source, int index, Parameters.SuiteParameters? parameters)
    {
        if (node is not JsonObject item)
        {
            throw new ConfigurationException($"expectation {index} of {source} is not a JSON object.");
        }
        var type = Text(item["type"]) ?? Text(item["expectation_type"])
            ?? throw new ConfigurationException($"expectation {index} of {source} has no `type` (GX 1.x) or `expectation_type` (GX 0.x).");
        if (item["kwargs"] is not (null or JsonObject))
        {
            throw new ConfigurationException($"expectation {index} (`{type}`) of {source}: `kwargs` must be a JSON object.");
        }
        if (item["meta"] is not (null or JsonObject))
        {
            throw new ConfigurationException($"expectation {index} (`{type}`) of {source}: `meta` must be a JSON object.");
        }
        var configuration = new ExpectationConfiguration(type, item["kwargs"] as JsonObject, item["meta"] as JsonObject);
        return ExpectationCatalog.Create(configuration, source, index, parameters);
    }

    /// <summary>Writes a suite as GX 1.x JSON.</summary>
    public static string Write(ExpectationSuite suite)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var root = new JsonObject
        {
            ["name"] = suite.Name,
            ["expectations"] = new JsonArray([.. suite.Expectations.Select(e => (JsonNode)new JsonObject
            {
                ["type"] = e.Type,
                ["kwargs"] = e.Configuration.Kwargs.DeepClone(),
                ["meta"] = e.Configuration.Meta.DeepClone(),
            })]),
            ["meta"] = suite.Meta.DeepClone(),
        };
        return root.ToJsonString(s_indented);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s) ? s : null;
}
