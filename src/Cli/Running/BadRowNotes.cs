using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Dq.Expectations.Results;
using Dq.Readers;

namespace Dq.Cli.Running;

/// <summary>
/// The malformed rows a source skipped (<c>--on-bad-rows skip</c>), kept beside each result so that the summary and the
/// result JSON's <c>meta.bad_rows</c> show them: skipped rows are never hidden.
/// </summary>
internal static class BadRowNotes
{
    private static readonly ConditionalWeakTable<ValidationResult, BadRows> s_notes = [];

    public static void Attach(ValidationResult result, BadRows rows)
    {
        if (rows.Count > 0)
        {
            s_notes.AddOrUpdate(result, rows);
        }
    }

    public static BadRows? Of(ValidationResult result) => s_notes.TryGetValue(result, out BadRows? rows) ? rows : null;

    /// <summary>The summary line, or <see langword="null"/> when no row was skipped.</summary>
    public static string? SummaryLine(ValidationResult result) => Of(result) is { } rows
        ? string.Create(CultureInfo.InvariantCulture,
            $"dq: skipped {rows.Count:N0} malformed row{(rows.Count == 1 ? "" : "s")} of {result.Run.DataAsset} (--on-bad-rows skip), first at line{(rows.FirstLines.Count == 1 ? "" : "s")} {string.Join(", ", rows.FirstLines)}: {rows.FirstReason}")
        : null;

    /// <summary>Adds <c>meta.bad_rows</c> to a result's JSON when rows were skipped.</summary>
    public static string WithMeta(ValidationResult result, string json)
    {
        if (Of(result) is not { } rows)
        {
            return json;
        }
        JsonNode node = JsonNode.Parse(json)!;
        node["meta"]!["bad_rows"] = new JsonObject
        {
            ["count"] = rows.Count,
            ["first_lines"] = new JsonArray([.. rows.FirstLines.Select(l => (JsonNode)l)]),
            ["first_reason"] = rows.FirstReason,
        };
        return node.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }
}
