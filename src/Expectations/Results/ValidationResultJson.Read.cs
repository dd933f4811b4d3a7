using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Results;

public static partial class ValidationResultJson
{
    /// <summary>Reads a validation result written by <see cref="Write(ValidationResult, Stream)"/> back into objects.</summary>
    /// <param name="json">GX 1.x validation-result JSON, as dq writes it (and as the validation store keeps it).</param>
    /// <returns>
    /// The result. Writing it again gives the same JSON. Plain values come back as JSON gives them: strings, <see cref="long"/>
    /// for integers, <see cref="double"/> for other numbers, <see cref="bool"/>, lists and dictionaries; dates stay
    /// ISO 8601 strings and NaN and infinities stay the strings <c>"NaN"</c>, <c>"Infinity"</c> and <c>"-Infinity"</c>,
    /// because the JSON does not say what type they had.
    /// </returns>
    /// <exception cref="ConfigurationException">The text is not JSON, or lacks a field every result has (<c>results</c>, <c>suite_name</c>).</exception>
    public static ValidationResult Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement);
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"the validation result is not valid JSON: {e.Message} Check that it was written by dq (`--output`) or GX.", e);
        }
    }

    /// <summary>Reads a validation result from a parsed JSON element (see <see cref="Read(string)"/>).</summary>
    /// <param name="root">The result object.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ConfigurationException">A field every result has is missing or of the wrong kind.</exception>
    public static ValidationResult Read(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array
            || !root.TryGetProperty("suite_name", out var suite) || suite.ValueKind != JsonValueKind.String)
        {
            throw new ConfigurationException("the JSON is not a validation result: it needs an object with `results` (a list) and `suite_name`. Check that it was written by dq (`--output`).");
        }
        var list = new List<ExpectationResult>(results.GetArrayLength());
        foreach (var item in results.EnumerateArray())
        {
            list.Add(ReadExpectation(item));
        }
        var meta = root.TryGetProperty("meta", out var m) && m.ValueKind == JsonValueKind.Object ? m : default;
        var run = new ValidationRunInfo(
            String(meta, "run_id") ?? "",
            String(meta, "run_time") is { } time ? DateTimeOffset.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : default,
            String(meta, "data_asset") ?? "",
            Long(meta, "row_count") ?? 0,
            TimeSpan.FromSeconds(Double(meta, "duration_seconds") ?? 0),
            String(meta, "dq_version") ?? "")
        { BadRows = ReadBadRows(meta), ReadError = String(meta, "read_error") };
        return new ValidationResult(suite.GetString()!, list, run);
    }

    private static BadRows ReadBadRows(JsonElement meta)
    {
        if (meta.ValueKind != JsonValueKind.Object || !meta.TryGetProperty("bad_rows", out var rows) || rows.ValueKind != JsonValueKind.Object)
        {
            return BadRows.None;
        }
        var lines = rows.TryGetProperty("first_lines", out var l) && l.ValueKind == JsonValueKind.Array
            ? l.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Number).Select(e => e.GetInt64()).ToList()
            : [];
        return new BadRows(Long(rows, "count") ?? 0, lines, String(rows, "first_reason"));
    }

    private static ExpectationResult ReadExpectation(JsonElement item)
    {
        var config = item.GetProperty("expectation_config");
        var configuration = new ExpectationConfiguration(
            config.GetProperty("type").GetString()!,
            config.TryGetProperty("kwargs", out var k) ? JsonObject.Create(k) : null,
            config.TryGetProperty("meta", out var m) && m.ValueKind == JsonValueKind.Object ? JsonObject.Create(m) : null);
        ExceptionInfo? exception = null;
        if (item.TryGetProperty("exception_info", out var e) && e.ValueKind == JsonValueKind.Object
            && e.TryGetProperty("raised_exception", out var raised) && raised.ValueKind == JsonValueKind.True)
        {
            exception = new ExceptionInfo(true, String(e, "exception_message") ?? "");
        }
        var details = item.TryGetProperty("result", out var r) && r.ValueKind == JsonValueKind.Object ? ReadDetails(r) : null;
        return new ExpectationResult(configuration, item.GetProperty("success").GetBoolean(), details, exception);
    }

    private static ResultDetails ReadDetails(JsonElement r) => new()
    {
        ElementCount = Long(r, "element_count"),
        MissingCount = Long(r, "missing_count"),
        MissingPercent = Double(r, "missing_percent"),
        UnexpectedCount = Long(r, "unexpected_count"),
        UnexpectedPercent = Double(r, "unexpected_percent"),
        UnexpectedPercentTotal = Double(r, "unexpected_percent_total"),
        UnexpectedPercentNonmissing = Double(r, "unexpected_percent_nonmissing"),
        PartialUnexpectedList = Values(r, "partial_unexpected_list"),
        PartialUnexpectedCounts = r.TryGetProperty("partial_unexpected_counts", out var counts) && counts.ValueKind == JsonValueKind.Array
            ? [.. counts.EnumerateArray().Select(c => new UnexpectedValueCount(Value(c.GetProperty("value")), c.GetProperty("count").GetInt64()))]
            : null,
        PartialUnexpectedIndexList = Indexes(r, "partial_unexpected_index_list"),
        UnexpectedList = Values(r, "unexpected_list"),
        UnexpectedIndexList = Indexes(r, "unexpected_index_list"),
        HasObservedValue = r.TryGetProperty("observed_value", out var observed),
        ObservedValue = r.TryGetProperty("observed_value", out observed) ? Value(observed) : null,
        Details = r.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object ? (IReadOnlyDictionary<string, object?>)Value(d)! : null,
    };

    /// <summary>A plain value: the inverse of <see cref="JsonValues.Write"/> up to the types JSON keeps.</summary>
    private static object? Value(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.TryGetInt64(out var l) ? l : e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => e.EnumerateArray().Select(Value).ToList(),
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => Value(p.Value), StringComparer.Ordinal),
        _ => null,
    };

    private static List<object?>? Values(JsonElement r, string name) =>
        r.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? [.. a.EnumerateArray().Select(Value)] : null;

    private static List<long>? Indexes(JsonElement r, string name) =>
        r.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? [.. a.EnumerateArray().Select(i => i.GetInt64())] : null;

    private static string? String(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static long? Long(JsonElement o, string name) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt64() : null;

    /// <summary>A real that may be null (undefined percentages) or a NaN/infinity string.</summary>
    private static double? Double(JsonElement o, string name)
    {
        if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(name, out var v))
        {
            return null;
        }
        return v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.String => v.GetString() switch
            {
                "NaN" => double.NaN,
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                _ => null,
            },
            _ => null,
        };
    }
}
