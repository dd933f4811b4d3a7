using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Dq.Expectations.Results;

/// <summary>
/// The one way dq shows a value to people: in sentences, summaries, JUnit and Markdown reports, test failures and
/// error messages. The result JSON keeps the exact value; this text is for reading.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Strings are quoted (<c>"1"</c> and <c>1</c> differ), with <c>"</c> and <c>\</c> escaped; <c>null</c> is <c>null</c>.</item>
/// <item>Numbers use the invariant culture and round-trip (<c>0.1</c>, <c>1E-07</c>); NaN and infinities are <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c>.</item>
/// <item>Dates and timestamps are ISO 8601 (<c>2024-01-31</c>, <c>2024-01-31T12:00:00.5</c>, with the offset when there is one).</item>
/// <item>Lists and tuples are <c>[a, b]</c>, rows and objects <c>{name: value}</c>; at most <see cref="MaxItems"/> items, then <c>…</c>.</item>
/// <item>Binary values are hexadecimal (<c>0x0AFF</c>).</item>
/// </list>
/// Text longer than the width ends in <c>…</c>, never inside a surrogate pair. The text is not escaped for any medium:
/// each reporter escapes it for HTML, Markdown, XML or a terminal.
/// </remarks>
public static class ValueText
{
    /// <summary>The width used when none is given.</summary>
    public const int DefaultWidth = 200;

    /// <summary>Most items of a list or row shown.</summary>
    public const int MaxItems = 20;

    /// <summary>A value as text of at most <paramref name="width"/> characters (plus the ellipsis).</summary>
    /// <param name="value">A result value, a kwarg value or a JSON node.</param>
    /// <param name="width">The longest text returned before the ellipsis; at least 1.</param>
    public static string Format(object? value, int width = DefaultWidth)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        var text = new StringBuilder();
        Append(text, value, width + 1);
        return Shorten(text, width);
    }

    /// <summary>A value as it appears in prose: strings without quotes (a column name, a pattern), anything else as <see cref="Format"/>.</summary>
    public static string Bare(object? value, int width = DefaultWidth) => Scalar(value) is string s
        ? Shorten(new StringBuilder(s), width)
        : Format(value, width);

    /// <summary>A count with thousands separators: <c>12,345</c>.</summary>
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A count and its noun, pluralised: <c>1 row</c>, <c>2 rows</c>.</summary>
    public static string Count(long value, string noun) => $"{Count(value)} {noun}{(value == 1 ? "" : "s")}";

    /// <summary>A percentage such as <c>12.5%</c>; <c>–</c> when there is none.</summary>
    public static string Percent(double? value) =>
        value is { } p && double.IsFinite(p) ? p.ToString("0.##", CultureInfo.InvariantCulture) + "%" : "–";

    private static void Append(StringBuilder text, object? value, int budget)
    {
        if (text.Length > budget)
        {
            return;
        }
        switch (Scalar(value))
        {
            case null: text.Append("null"); break;
            case string s: AppendQuoted(text, s, budget); break;
            case bool b: text.Append(b ? "true" : "false"); break;
            case double d: text.Append(Real(d)); break;
            case float f: text.Append(Real(f)); break;
            case DateTime dt: text.Append(dt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset dto: text.Append(dto.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture)); break;
            case DateOnly d: text.Append(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case TimeOnly t: text.Append(t.ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture)); break;
            case TimeSpan span: text.Append(span.ToString("c", CultureInfo.InvariantCulture)); break;
            case byte[] bytes: AppendHex(text, bytes, budget); break;
            case JsonObject o: AppendPairs(text, o.Select(p => (p.Key, (object?)p.Value)), budget); break;
            case IReadOnlyDictionary<string, object?> row: AppendPairs(text, row.Select(p => (p.Key, p.Value)), budget); break;
            case IDictionary map: AppendPairs(text, map.Cast<DictionaryEntry>().Select(e => (Convert.ToString(e.Key, CultureInfo.InvariantCulture) ?? "", e.Value)), budget); break;
            case System.Runtime.CompilerServices.ITuple tuple: AppendItems(text, Enumerable.Range(0, tuple.Length).Select(i => tuple[i]), budget); break;
            case IEnumerable items: AppendItems(text, items.Cast<object?>(), budget); break;
            case IFormattable number: text.Append(number.ToString(null, CultureInfo.InvariantCulture)); break;
            case var other: text.Append(other.ToString()); break;
        }
    }

    /// <summary>A JSON scalar as its .NET value (long, ulong, double, string, bool, null), so kwargs read like result values.</summary>
    private static object? Scalar(object? value) =>
        value is JsonValue json && Suites.JsonScalars.TryGetScalar(json, out var scalar) ? scalar : value;

    private static string Real(double d) => d switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => d.ToString("R", CultureInfo.InvariantCulture),
    };

    private static void AppendQuoted(StringBuilder text, string s, int budget)
    {
        text.Append('"');
        foreach (var c in s)
        {
            if (text.Length > budget)
            {
                return;
            }
            if (c is '"' or '\\')
            {
                text.Append('\\');
            }
            text.Append(c);
        }
        text.Append('"');
    }

    private static void AppendHex(StringBuilder text, byte[] bytes, int budget)
    {
        text.Append("0x");
        foreach (var b in bytes)
        {
            if (text.Length > budget)
            {
                return;
            }
            text.Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
    }

    private static void AppendItems(StringBuilder text, IEnumerable<object?> items, int budget)
    {
        text.Append('[');
        var count = 0;
        foreach (var item in items)
        {
            if (count > 0)
            {
                text.Append(", ");
            }
            if (count++ == MaxItems || text.Length > budget)
            {
                text.Append('…');
                break;
            }
            Append(text, item, budget);
        }
        text.Append(']');
    }

    private static void AppendPairs(StringBuilder text, IEnumerable<(string Key, object? Value)> pairs, int budget)
    {
        text.Append('{');
        var count = 0;
        foreach (var (key, value) in pairs)
        {
            if (count > 0)
            {
                text.Append(", ");
            }
            if (count++ == MaxItems || text.Length > budget)
            {
                text.Append('…');
                break;
            }
            text.Append(key).Append(": ");
            Append(text, value, budget);
        }
        text.Append('}');
    }

    private static string Shorten(StringBuilder text, int width)
    {
        if (text.Length <= width)
        {
            return text.ToString();
        }
        var cut = char.IsHighSurrogate(text[width - 1]) ? width - 1 : width;
        return text.ToString(0, cut) + "…";
    }
}
