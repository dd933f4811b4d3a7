using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Dq.Reporting.DataDocs;

/// <summary>Plain text of result values and kwargs for people: unescaped (callers escape for their format), shortened.</summary>
internal static class ValueText
{
    /// <summary>Longest value shown; longer ones end in an ellipsis (the full value is in the result JSON).</summary>
    public const int MaxLength = 200;

    /// <summary>Most list items shown in a sentence or a cell.</summary>
    public const int MaxItems = 20;

    /// <summary>A result value: strings as they are, null as <c>null</c>, lists and rows as JSON-like text.</summary>
    public static string Of(object? value) => Shorten(value switch
    {
        null => "null",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IReadOnlyDictionary<string, object?> row => "{" + string.Join(", ", row.Take(MaxItems).Select(p => $"{p.Key}: {Quoted(p.Value)}")) + "}",
        IReadOnlyList<object?> list => "[" + string.Join(", ", list.Take(MaxItems).Select(Quoted)) + (list.Count > MaxItems ? ", …" : "") + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    });

    /// <summary>A value inside a list: strings quoted so that <c>"1"</c> and <c>1</c> differ.</summary>
    public static string Quoted(object? value) => value is string s ? $"\"{Shorten(s)}\"" : Of(value);

    /// <summary>A kwarg: strings as they are, numbers invariant, lists as comma-separated items, objects as JSON.</summary>
    public static string Of(JsonNode? node) => Shorten(node switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray a => string.Join(", ", a.Take(MaxItems).Select(Item)) + (a.Count > MaxItems ? $", … ({a.Count.ToString(CultureInfo.InvariantCulture)} in all)" : ""),
        _ => node.ToJsonString(),
    });

    /// <summary>A number kwarg as a double, or null when it is absent or not a number.</summary>
    public static double? Number(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<double>(out var d) ? d
        : node is JsonValue i && i.TryGetValue<long>(out var l) ? l
        : null;

    /// <summary>A boolean kwarg, or <paramref name="fallback"/> when absent.</summary>
    public static bool Flag(JsonNode? node, bool fallback = false) =>
        node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : fallback;

    /// <summary>A percentage such as <c>12.5%</c>.</summary>
    public static string Percent(double? value) => value is { } p && double.IsFinite(p) ? p.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "–";

    /// <summary>A count with thousands separators.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Item(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => $"\"{s}\"",
        null => "null",
        _ => node.ToJsonString(),
    };

    private static string Shorten(string text)
    {
        if (text.Length <= MaxLength)
        {
            return text;
        }
        var cut = MaxLength;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }
        return new StringBuilder(text, 0, cut, cut + 1).Append('…').ToString();
    }
}
