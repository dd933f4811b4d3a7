using System.Text.Json.Nodes;

namespace Dq.Expectations.Suites;

/// <summary>
/// An expectation as declared in a suite: its GX type name, its kwargs and its meta, exactly as written. Results
/// echo it back as <c>expectation_config</c>.
/// </summary>
public sealed class ExpectationConfiguration
{
    /// <summary>Creates a configuration; the kwargs and meta are copied, so later changes to the arguments do not leak in.</summary>
    public ExpectationConfiguration(string type, JsonObject? kwargs = null, JsonObject? meta = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        Type = type;
        Kwargs = (JsonObject?)kwargs?.DeepClone() ?? [];
        Meta = (JsonObject?)meta?.DeepClone() ?? [];
    }

    /// <summary>The GX expectation type, such as <c>expect_column_values_to_not_be_null</c>.</summary>
    public string Type { get; }

    /// <summary>The keyword arguments, as JSON.</summary>
    public JsonObject Kwargs { get; }

    /// <summary>Free-form metadata; dq reads <c>severity</c> (<c>error</c> or <c>warn</c>) from it.</summary>
    public JsonObject Meta { get; }

    /// <summary>The <c>column</c> kwarg, when the expectation has one.</summary>
    public string? Column => Kwargs["column"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
