using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dq.Expectations.Suites;

/// <summary>Converts between JSON scalars and the plain .NET values the engine compares.</summary>
internal static class JsonScalars
{
    /// <summary>
    /// A JSON scalar as <see cref="long"/> (integral numbers that fit), <see cref="double"/>, <see cref="string"/>,
    /// <see cref="bool"/> or null; false for arrays and objects.
    /// </summary>
    public static bool TryGetScalar(JsonNode? node, out object? value)
    {
        value = null;
        if (node is null)
        {
            return true;
        }
        if (node is not JsonValue)
        {
            return false;
        }
        using var document = JsonDocument.Parse(node.ToJsonString());
        var element = document.RootElement;
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                value = element.TryGetInt64(out var l) ? l : element.TryGetUInt64(out var u) ? (object)u : element.GetDouble();
                return true;
            case JsonValueKind.String:
                value = element.GetString();
                return true;
            case JsonValueKind.True:
            case JsonValueKind.False:
                value = element.GetBoolean();
                return true;
            default:
                return true;
        }
    }

    /// <summary>A plain .NET value as a JSON node, for kwargs built in code.</summary>
    public static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        int i => JsonValue.Create((long)i),
        long l => JsonValue.Create(l),
        short s => JsonValue.Create((long)s),
        byte b => JsonValue.Create((long)b),
        uint u => JsonValue.Create((long)u),
        ulong u => JsonValue.Create(u),
        float f => Real(f),
        double d => Real(d),
        decimal m => JsonValue.Create(m),
        DateTime dt => JsonValue.Create(dt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)),
        DateTimeOffset dto => JsonValue.Create(dto.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        DateOnly d => JsonValue.Create(d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
        IReadOnlyDictionary<string, object?> map => new JsonObject(map.Select(e => KeyValuePair.Create(e.Key, ToNode(e.Value)))),
        System.Collections.IEnumerable items => new JsonArray([.. items.Cast<object?>().Select(ToNode)]),
        _ => throw new ConfigurationException($"A kwarg value of type {value.GetType().Name} cannot be written to a suite; use numbers, text, booleans, dates or lists of them."),
    };

    /// <summary>JSON has no NaN or infinity, so a suite cannot hold them: say so where the value is given.</summary>
    private static JsonValue Real(double value) => double.IsFinite(value)
        ? JsonValue.Create(value)
        : throw new ConfigurationException($"The value {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} cannot be written to a suite: JSON has no NaN or infinity. Use null for an open bound.");
}
