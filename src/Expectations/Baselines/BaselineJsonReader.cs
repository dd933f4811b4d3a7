using System.Globalization;
using System.Text.Json;

namespace Dq.Expectations.Baselines;

/// <summary>
/// Reads the members of a baseline file with located errors: every message names the file and the member's path
/// (<c>features[2].numerical_statistics.mean</c>) and says what was expected.
/// </summary>
internal readonly struct BaselineJsonReader(string file, string path, JsonElement element)
{
    public JsonElement Element => element;

    public string Path => path;

    public static BaselineJsonReader Parse(string json, string file)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, MaxDepth = 64 });
            var root = new BaselineJsonReader(file, "", document.RootElement.Clone());
            return root.Element.ValueKind == JsonValueKind.Object ? root : throw root.Error("is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"`{file}` is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message.Split(" Path:")[0]} Check the file, or write it again with `dq profile`.");
        }
    }

    public ConfigurationException Error(string what) =>
        new($"`{file}`: {(path.Length == 0 ? "the document" : path)} {what}.");

    public BaselineJsonReader? Optional(string name)
    {
        if (element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            return new BaselineJsonReader(file, path.Length == 0 ? name : $"{path}.{name}", value);
        }
        return null;
    }

    public BaselineJsonReader Required(string name) =>
        Optional(name) ?? throw new BaselineJsonReader(file, path.Length == 0 ? name : $"{path}.{name}", default).Error("is missing");

    public BaselineJsonReader RequiredObject(string name)
    {
        var member = Required(name);
        return member.Element.ValueKind == JsonValueKind.Object ? member : throw member.Error("is not an object");
    }

    public IEnumerable<BaselineJsonReader> Items()
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Error("is not an array");
        }
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            yield return new BaselineJsonReader(file, $"{path}[{i++}]", item);
        }
    }

    public string String() => element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Error($"is {Kind()}, not text");

    /// <summary>A number; the texts <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> stand for the values JSON cannot hold.</summary>
    public double Number()
    {
        if (element.ValueKind == JsonValueKind.Number)
        {
            return element.GetDouble();
        }
        if (element.ValueKind == JsonValueKind.String && element.GetString() is "NaN" or "Infinity" or "-Infinity")
        {
            return double.Parse(element.GetString()!, CultureInfo.InvariantCulture);
        }
        throw Error($"is {Kind()}, not a number");
    }

    public long Count()
    {
        var value = Number();
        return value >= 0 && value <= long.MaxValue && Math.Floor(value) == value ? (long)value : throw Error($"is {value.ToString(CultureInfo.InvariantCulture)}, not a count (a whole number ≥ 0)");
    }

    public bool Boolean() => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error($"is {Kind()}, not true or false"),
    };

    /// <summary>SageMaker's switches: "Enabled" or "Disabled".</summary>
    public bool Enabled() => String() switch
    {
        "Enabled" => true,
        "Disabled" => false,
        var other => throw Error($"is `{other}`; expected Enabled or Disabled"),
    };

    public double Share()
    {
        var value = Number();
        return value is >= 0 and <= 1 ? value : throw Error($"is {value.ToString(CultureInfo.InvariantCulture)}; expected a share between 0 and 1");
    }

    private string Kind() => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => $"the text \"{element.GetString()}\"",
        JsonValueKind.Number => $"the number {element.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => element.GetRawText(),
        _ => "null",
    };
}

/// <summary>Writes numbers as baseline files hold them: non-finite values as the texts NaN, Infinity, -Infinity.</summary>
internal static class BaselineJsonWriting
{
    public static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Number(this Utf8JsonWriter writer, string name, double value)
    {
        writer.WritePropertyName(name);
        writer.Number(value);
    }

    public static void Number(this Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
        }
    }

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, Options))
        {
            write(writer);
        }
        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
