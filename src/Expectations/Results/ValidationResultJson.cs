using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dq.Expectations.Results;

/// <summary>Writes validation results as GX 1.x validation-result JSON.</summary>
public static partial class ValidationResultJson
{
    /// <summary>Writes <paramref name="result"/> to <paramref name="stream"/>, indented.</summary>
    public static void Write(ValidationResult result, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        Write(writer, result);
    }

    /// <summary>The result as an indented JSON string.</summary>
    public static string ToJson(ValidationResult result)
    {
        using var stream = new MemoryStream();
        Write(result, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter w, ValidationResult result)
    {
        w.WriteStartObject();
        w.WriteBoolean("success", result.Success);
        w.WriteStartArray("results");
        foreach (var r in result.Results)
        {
            WriteExpectation(w, r);
        }
        w.WriteEndArray();
        w.WriteString("suite_name", result.SuiteName);
        w.WriteStartObject("suite_parameters");
        w.WriteEndObject();
        w.WriteStartObject("statistics");
        w.WriteNumber("evaluated_expectations", result.Statistics.EvaluatedExpectations);
        w.WriteNumber("successful_expectations", result.Statistics.SuccessfulExpectations);
        w.WriteNumber("unsuccessful_expectations", result.Statistics.UnsuccessfulExpectations);
        w.WriteNumber("success_percent", result.Statistics.SuccessPercent);
        w.WriteEndObject();
        w.WriteStartObject("meta");
        w.WriteString("run_id", result.Run.RunId);
        w.WriteString("run_time", result.Run.RunTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteString("data_asset", result.Run.DataAsset);
        w.WriteNumber("row_count", result.Run.RowCount);
        w.WriteNumber("duration_seconds", Math.Round(result.Run.Duration.TotalSeconds, 6));
        w.WriteString("dq_version", result.Run.DqVersion);
        if (result.Run.ReadError is { } readError)
        {
            w.WriteString("read_error", readError);
        }
        if (result.Run.BadRows.Count > 0)
        {
            WriteBadRows(w, result.Run.BadRows);
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteBadRows(Utf8JsonWriter w, BadRows rows)
    {
        w.WriteStartObject("bad_rows");
        w.WriteNumber("count", rows.Count);
        w.WriteStartArray("first_lines");
        foreach (var line in rows.FirstLines)
        {
            w.WriteNumberValue(line);
        }
        w.WriteEndArray();
        w.WriteString("first_reason", rows.FirstReason);
        w.WriteEndObject();
    }

    private static void WriteExpectation(Utf8JsonWriter w, ExpectationResult r)
    {
        w.WriteStartObject();
        w.WriteBoolean("success", r.Success);
        w.WriteStartObject("expectation_config");
        w.WriteString("type", r.Configuration.Type);
        w.WritePropertyName("kwargs");
        r.Configuration.Kwargs.WriteTo(w);
        w.WritePropertyName("meta");
        r.Configuration.Meta.WriteTo(w);
        w.WriteEndObject();
        w.WritePropertyName("result");
        WriteDetails(w, r.Result);
        w.WriteStartObject("meta");
        w.WriteEndObject();
        w.WriteStartObject("exception_info");
        w.WriteBoolean("raised_exception", r.ExceptionInfo is not null);
        if (r.ExceptionInfo is { } e)
        {
            w.WriteString("exception_message", e.ExceptionMessage);
            w.WriteNull("exception_traceback");
        }
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteDetails(Utf8JsonWriter w, ResultDetails? d)
    {
        w.WriteStartObject();
        if (d is not null)
        {
            Number(w, "element_count", d.ElementCount);
            Number(w, "missing_count", d.MissingCount);
            Real(w, "missing_percent", d.MissingPercent, d.MissingCount is not null);
            Number(w, "unexpected_count", d.UnexpectedCount);
            Real(w, "unexpected_percent", d.UnexpectedPercent, d.UnexpectedCount is not null);
            Real(w, "unexpected_percent_total", d.UnexpectedPercentTotal, d.MissingCount is not null);
            Real(w, "unexpected_percent_nonmissing", d.UnexpectedPercentNonmissing, d.MissingCount is not null);
            List(w, "partial_unexpected_list", d.PartialUnexpectedList);
            if (d.PartialUnexpectedCounts is { } counts)
            {
                w.WriteStartArray("partial_unexpected_counts");
                foreach (var c in counts)
                {
                    w.WriteStartObject();
                    w.WritePropertyName("value");
                    JsonValues.Write(w, c.Value);
                    w.WriteNumber("count", c.Count);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            Indexes(w, "partial_unexpected_index_list", d.PartialUnexpectedIndexList);
            List(w, "unexpected_list", d.UnexpectedList);
            Indexes(w, "unexpected_index_list", d.UnexpectedIndexList);
            if (d.HasObservedValue)
            {
                w.WritePropertyName("observed_value");
                JsonValues.Write(w, d.ObservedValue);
            }
            if (d.Details is { } details)
            {
                w.WritePropertyName("details");
                JsonValues.Write(w, details);
            }
        }
        w.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
    }

    /// <summary>A percentage: written as null when it is undefined (no rows) but its block is present, as GX does.</summary>
    private static void Real(Utf8JsonWriter w, string name, double? value, bool present)
    {
        if (value is { } v)
        {
            w.WritePropertyName(name);
            JsonValues.WriteReal(w, v);
        }
        else if (present)
        {
            w.WriteNull(name);
        }
    }

    private static void List(Utf8JsonWriter w, string name, IReadOnlyList<object?>? values)
    {
        if (values is null)
        {
            return;
        }
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            JsonValues.Write(w, v);
        }
        w.WriteEndArray();
    }

    private static void Indexes(Utf8JsonWriter w, string name, IReadOnlyList<long>? values)
    {
        if (values is null)
        {
            return;
        }
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteNumberValue(v);
        }
        w.WriteEndArray();
    }

    /// <summary>The result as a JSON node tree, for tests and tools that inspect it.</summary>
    public static JsonNode ToNode(ValidationResult result) => JsonNode.Parse(ToJson(result))!;
}
