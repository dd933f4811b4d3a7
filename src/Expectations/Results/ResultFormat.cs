using System.Text.Json.Nodes;

namespace Dq.Expectations.Results;

/// <summary>How much detail a result carries (GX's <c>result_format</c>).</summary>
public enum ResultFormatLevel
{
    /// <summary>Only <c>success</c>.</summary>
    BooleanOnly,

    /// <summary>Counts, percentages and the first unexpected values.</summary>
    Basic,

    /// <summary>Basic plus value counts and row indexes of the first unexpected values (the default).</summary>
    Summary,

    /// <summary>Summary plus every unexpected value and row index.</summary>
    Complete,
}

/// <summary>The detail level of results, for a run or for one expectation.</summary>
/// <param name="Level">The detail level.</param>
/// <param name="PartialUnexpectedCount">How many unexpected values the partial lists hold (GX's default: 20).</param>
public sealed record ResultFormat(ResultFormatLevel Level, int PartialUnexpectedCount = 20)
{
    /// <summary>The default: SUMMARY with 20 sample values.</summary>
    public static ResultFormat Summary { get; } = new(ResultFormatLevel.Summary);

    /// <summary>How many unexpected rows the metrics must keep for this format.</summary>
    internal int SampleLimit => Level switch
    {
        ResultFormatLevel.BooleanOnly => 0,
        ResultFormatLevel.Complete => int.MaxValue,
        _ => PartialUnexpectedCount,
    };

    /// <summary>Parses a level name: BOOLEAN_ONLY, BASIC, SUMMARY or COMPLETE (any case).</summary>
    /// <exception cref="ConfigurationException">The name is none of these.</exception>
    public static ResultFormatLevel ParseLevel(string text) => text.Trim().ToUpperInvariant() switch
    {
        "BOOLEAN_ONLY" => ResultFormatLevel.BooleanOnly,
        "BASIC" => ResultFormatLevel.Basic,
        "SUMMARY" => ResultFormatLevel.Summary,
        "COMPLETE" => ResultFormatLevel.Complete,
        _ => throw new ConfigurationException($"result format `{text}` is not one of BOOLEAN_ONLY, BASIC, SUMMARY, COMPLETE."),
    };

    /// <summary>
    /// Reads GX's <c>result_format</c>: a level name, or an object with <c>result_format</c> and optional
    /// <c>partial_unexpected_count</c>. Null gives <paramref name="fallback"/>.
    /// </summary>
    /// <exception cref="ConfigurationException">The value has another shape.</exception>
    public static ResultFormat Parse(JsonNode? node, ResultFormat fallback)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        switch (node)
        {
            case null:
                return fallback;
            case JsonValue value when value.TryGetValue<string>(out var name):
                return fallback with { Level = ParseLevel(name) };
            case JsonObject obj:
                var level = obj["result_format"] is JsonValue l && l.TryGetValue<string>(out var levelName) ? ParseLevel(levelName) : fallback.Level;
                var count = obj["partial_unexpected_count"] is JsonValue c && c.TryGetValue<int>(out var n) && n >= 0 ? n : fallback.PartialUnexpectedCount;
                return new ResultFormat(level, count);
            default:
                throw new ConfigurationException("result_format must be a level name (BOOLEAN_ONLY, BASIC, SUMMARY, COMPLETE) or an object {\"result_format\": ..., \"partial_unexpected_count\": n}.");
        }
    }

    /// <summary>The GX name of the level.</summary>
    public string LevelName => Level switch
    {
        ResultFormatLevel.BooleanOnly => "BOOLEAN_ONLY",
        ResultFormatLevel.Basic => "BASIC",
        ResultFormatLevel.Complete => "COMPLETE",
        _ => "SUMMARY",
    };
}
