using System.Globalization;
using System.Text.Json;

namespace Dq.Expectations.Results;

/// <summary>Writes the plain values of results (sampled values, observed values) as JSON.</summary>
/// <remarks>
/// JSON has no NaN or infinities: they are written as the strings <c>"NaN"</c>, <c>"Infinity"</c> and
/// <c>"-Infinity"</c>, so nothing is lost and no writer crashes. Dates are ISO 8601 without a zone suffix, as GX
/// writes them; zone-aware timestamps keep their offset; binary values are base64. A pair of values (a list) is an
/// array, a row of several columns (a dictionary) an object.
/// </remarks>
internal static class JsonValues
{
    public static void Write(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case string s: writer.WriteStringValue(s); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case long l: writer.WriteNumberValue(l); break;
            case int i: writer.WriteNumberValue(i); break;
            case ulong u: writer.WriteNumberValue(u); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case double d: WriteReal(writer, d); break;
            case float f: WriteReal(writer, f); break;
            case DateOnly d: writer.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case DateTime dt: writer.WriteStringValue(dt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset dto: writer.WriteStringValue(dto.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)); break;
            case byte[] bytes: writer.WriteBase64StringValue(bytes); break;
            case IReadOnlyDictionary<string, object?> row:
                writer.WriteStartObject();
                foreach (var (name, item) in row)
                {
                    writer.WritePropertyName(name);
                    Write(writer, item);
                }
                writer.WriteEndObject();
                break;
            case IReadOnlyList<object?> items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    Write(writer, item);
                }
                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    public static void WriteReal(Utf8JsonWriter writer, double value)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }
}
