using System.Text;
using System.Text.Json;

namespace Dq.Expectations.Kernels.Text;

/// <summary>
/// Whether UTF-8 text is one JSON document as Python's <c>json.loads</c> reads it: any value at the top level,
/// surrounding whitespace allowed, no comments or trailing commas, and the literals <c>NaN</c>, <c>Infinity</c> and
/// <c>-Infinity</c> accepted as numbers (which System.Text.Json rejects).
/// </summary>
internal static class PythonJson
{
    private static readonly JsonReaderOptions s_options = new() { MaxDepth = 1000 };

    /// <summary>Parses the text, or returns null when Python would reject it.</summary>
    public static JsonDocument? TryParse(ReadOnlySpan<byte> utf8)
    {
        if (!IsValid(utf8, out var normalized))
        {
            return null;
        }
        return JsonDocument.Parse(normalized ?? utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 1000 });
    }

    public static bool IsValid(ReadOnlySpan<byte> utf8) => IsValid(utf8, out _);

    /// <param name="utf8">The text.</param>
    /// <param name="normalized">When the text needed Python's non-finite literals replaced, the replaced text.</param>
    private static bool IsValid(ReadOnlySpan<byte> utf8, out byte[]? normalized)
    {
        normalized = null;
        if (Reads(utf8))
        {
            return true;
        }
        // Rare path: retry with NaN/Infinity outside strings replaced by 0, which has the same JSON shape.
        if (utf8.IndexOf("NaN"u8) < 0 && utf8.IndexOf("Infinity"u8) < 0)
        {
            return false;
        }
        normalized = ReplaceNonFinite(utf8);
        return Reads(normalized);
    }

    private static bool Reads(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, s_options);
        try
        {
            while (reader.Read())
            {
            }
            return reader.BytesConsumed > 0;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static byte[] ReplaceNonFinite(ReadOnlySpan<byte> utf8)
    {
        var text = Encoding.UTF8.GetString(utf8);
        var builder = new StringBuilder(text.Length);
        var inString = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                builder.Append(c);
                if (c == '\\' && i + 1 < text.Length)
                {
                    builder.Append(text[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
                continue;
            }
            if (c == '"')
            {
                inString = true;
            }
            var literal = text.AsSpan(i).StartsWith("NaN") ? 3 : text.AsSpan(i).StartsWith("-Infinity") ? 9 : text.AsSpan(i).StartsWith("Infinity") ? 8 : 0;
            if (literal > 0)
            {
                builder.Append('0');
                i += literal - 1;
                continue;
            }
            builder.Append(c);
        }
        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
