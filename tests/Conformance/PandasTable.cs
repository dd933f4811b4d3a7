using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Dq.Conformance;

/// <summary>
/// Builds the Arrow table GX's pandas backend would build from a dataset's column-oriented <c>data</c>: default
/// pandas inference, then <c>schemas.pandas</c> (the corpus README, "How GX turns data into a table"). With
/// <see cref="TextEncoding.Dictionary"/>, every text column is handed over dictionary-encoded instead, in the
/// <see cref="DictionaryLayout"/> the case id picks for it.
/// </summary>
public static class PandasTable
{
    /// <summary>Thrown when a column cannot be held by one Arrow type (a pandas object column of mixed values).</summary>
    public sealed class UnrepresentableException(string message) : Exception(message);

    public static RecordBatch Build(JsonObject dataset, TextEncoding text = TextEncoding.Plain, string caseId = "")
    {
        var data = dataset["data"]!.AsObject();
        var schema = (dataset["schemas"] as JsonObject)?["pandas"] as JsonObject;
        var fields = new List<Field>();
        var arrays = new List<IArrowArray>();
        var length = 0;
        foreach (var (name, node) in data)
        {
            var values = node!.AsArray().Select(Scalar).ToList();
            length = values.Count;
            var pandasType = schema?[name]?.GetValue<string>();
            var array = pandasType is null ? Infer(name, values) : Apply(name, values, pandasType);
            if (text == TextEncoding.Dictionary && array is StringArray strings)
            {
                array = DictionaryText.Encode(strings, DictionaryText.LayoutFor(caseId, name), seed: unchecked((int)DictionaryText.StableHash(caseId)));
            }
            fields.Add(new Field(name, array.Data.DataType, nullable: true));
            arrays.Add(array);
        }
        return new RecordBatch(new Schema(fields, null), arrays, length);
    }

    private static object? Scalar(JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }
        var element = JsonDocument.Parse(node.ToJsonString()).RootElement;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetInt64(out var l) && !element.GetRawText().Contains('.') ? (object)l : element.GetDouble(),
            JsonValueKind.String => element.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => throw new UnrepresentableException($"nested value {node.ToJsonString()}"),
        };
    }

    private static IArrowArray Infer(string name, List<object?> values)
    {
        var present = values.Where(v => v is not null).ToList();
        if (present.Count == 0)
        {
            return Strings(values); // pandas: object column of None
        }
        if (present.All(v => v is long))
        {
            // Whole numbers with a null become float64 in pandas; nulls stay missing.
            return values.Any(v => v is null) ? Doubles(values) : Longs(values);
        }
        if (present.All(v => v is long or double))
        {
            return Doubles(values);
        }
        if (present.All(v => v is string))
        {
            return Strings(values);
        }
        if (present.All(v => v is bool))
        {
            return Booleans(values);
        }
        // A pandas object column of mixed values has no single Arrow type: hold it as text, as a CSV reader would.
        // Cases whose outcome depends on the mix (2 vs "2") are listed in known-gaps.json.
        return Strings([.. values.Select(v => v is null ? null : PythonText(v))]);
    }

    private static IArrowArray Apply(string name, List<object?> values, string pandasType) => pandasType switch
    {
        "int" or "int64" or "Int64Dtype" => Longs(values),
        "float" or "float64" => Doubles(values),
        "str" => Strings([.. values.Select(v => v is null ? null : PythonText(v))]),
        "object" => Infer(name, values),
        "bool" => Booleans(values),
        "datetime" or "datetime64" or "datetime64[ns]" => Timestamps(name, values, null),
        "timestamp" => Timestamps(name, values, "UTC"),
        "date" => Dates(name, values),
        _ => throw new UnrepresentableException($"pandas type `{pandasType}` of column `{name}` is not mapped"),
    };

    /// <summary>A value as Python's <c>str()</c> writes it.</summary>
    private static string PythonText(object v) => v switch
    {
        double d => d.ToString("0.0###############", CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture)!,
    };

    private static Int64Array Longs(List<object?> values)
    {
        var b = new Int64Array.Builder();
        foreach (var v in values)
        {
            if (v is null) { b.AppendNull(); } else { b.Append(Convert.ToInt64(v, CultureInfo.InvariantCulture)); }
        }
        return b.Build();
    }

    private static DoubleArray Doubles(List<object?> values)
    {
        var b = new DoubleArray.Builder();
        foreach (var v in values)
        {
            if (v is null) { b.AppendNull(); } else { b.Append(Convert.ToDouble(v, CultureInfo.InvariantCulture)); }
        }
        return b.Build();
    }

    private static StringArray Strings(List<object?> values)
    {
        var b = new StringArray.Builder();
        foreach (var v in values)
        {
            if (v is null) { b.AppendNull(); } else { b.Append((string)v); }
        }
        return b.Build();
    }

    private static BooleanArray Booleans(List<object?> values)
    {
        var b = new BooleanArray.Builder();
        foreach (var v in values)
        {
            if (v is null) { b.AppendNull(); } else { b.Append((bool)v); }
        }
        return b.Build();
    }

    private static TimestampArray Timestamps(string name, List<object?> values, string? zone)
    {
        var b = new TimestampArray.Builder(new TimestampType(TimeUnit.Microsecond, zone));
        foreach (var v in values)
        {
            if (v is null) { b.AppendNull(); continue; }
            var instant = ParseInstant(name, (string)v);
            b.Append(zone is null ? new DateTimeOffset(DateTime.SpecifyKind(instant.DateTime, DateTimeKind.Unspecified), TimeSpan.Zero) : instant.ToUniversalTime());
        }
        return b.Build();
    }

    private static Date32Array Dates(string name, List<object?> values)
    {
        var b = new Date32Array.Builder();
        foreach (var v in values)
        {
            if (v is null) { b.AppendNull(); } else { b.Append(ParseInstant(name, (string)v).DateTime.Date); }
        }
        return b.Build();
    }

    private static readonly string[] s_formats =
    [
        "MMM dd yyyy HH:mm:ss", "yyyy-MM-dd HH:mm:ss.ffffff zzz", "yyyy-MM-dd HH:mm:ss.ffffff zz'00'",
    ];

    /// <summary>Parses the date forms the corpus uses (dateutil-style); "+0530" offsets are read as +05:30.</summary>
    private static DateTimeOffset ParseInstant(string name, string text)
    {
        var normalized = System.Text.RegularExpressions.Regex.Replace(text, @" ([+-]\d\d)(\d\d)$", " $1:$2");
        if (DateTimeOffset.TryParseExact(normalized, s_formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact))
        {
            return exact;
        }
        if (DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }
        throw new UnrepresentableException($"column `{name}`: `{text}` is not a date this runner parses");
    }
}
