using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Testing;

/// <summary>
/// Writes the message of a failed validation for a test runner: one numbered entry per failed expectation with
/// where (column or table), the rule in plain words with its GX type, what was observed, and sample bad values
/// with their 0-based row indexes.
/// </summary>
internal static class FailureMessage
{
    private const int MaxSamples = 5;
    private const int MaxSetMembers = 10;
    private const int MaxValueWidth = 40;

    public static string Format(ValidationResult result)
    {
        var failed = result.Results.Where(r => !r.Success).ToList();
        var errors = failed.Count(r => r.Severity == Severity.Error);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"Expected {result.Run.DataAsset} ({Count(result.Run.RowCount, "row")}) to satisfy suite `{result.SuiteName}`, but ");
        text.Append(CultureInfo.InvariantCulture, $"{errors} of {result.Results.Count} expectations failed");
        var warned = failed.Count - errors;
        text.Append(warned > 0 ? $" (and {warned} with severity warn):" : ":").Append('\n');
        for (var i = 0; i < failed.Count; i++)
        {
            Entry(text, i + 1, failed[i]);
        }
        return text.ToString().TrimEnd('\n');
    }

    private static void Entry(StringBuilder text, int number, ExpectationResult r)
    {
        var config = r.Configuration;
        var where = config.Column is { } column ? $"column `{Clean(column)}`" : "table";
        var warn = r.Severity == Severity.Warn ? " [warn]" : "";
        text.Append(CultureInfo.InvariantCulture, $"\n  {number}. {where}: {Rule(config)}{warn}\n");
        text.Append(CultureInfo.InvariantCulture, $"     ({config.Type})\n");
        if (r.ExceptionInfo is { } error)
        {
            text.Append(CultureInfo.InvariantCulture, $"     could not be checked: {Clean(error.ExceptionMessage, int.MaxValue)}\n");
            return;
        }
        if (r.Result is not { } details)
        {
            text.Append("     failed (no details: the result format is BOOLEAN_ONLY)\n");
            return;
        }
        if (details.HasObservedValue)
        {
            text.Append(CultureInfo.InvariantCulture, $"     observed value: {Value(details.ObservedValue)}\n");
        }
        if (details.UnexpectedCount is { } unexpected)
        {
            var (denominator, of) = details.MissingCount is { } missing && details.ElementCount is { } all
                ? (all - missing, "non-null values")
                : (details.ElementCount ?? 0, "rows");
            var percent = details.UnexpectedPercent is { } p ? $" ({p.ToString("0.##", CultureInfo.InvariantCulture)}%)" : "";
            text.Append(CultureInfo.InvariantCulture, $"     unexpected: {unexpected.ToString("N0", CultureInfo.InvariantCulture)} of {denominator.ToString("N0", CultureInfo.InvariantCulture)} {of}{percent}\n");
        }
        if (details.PartialUnexpectedList is { Count: > 0 } values)
        {
            var indexes = details.PartialUnexpectedIndexList;
            var samples = values.Take(MaxSamples).Select((v, i) =>
                indexes is not null && i < indexes.Count ? $"row {indexes[i].ToString(CultureInfo.InvariantCulture)}: {Value(v)}" : Value(v));
            var more = details.UnexpectedCount is { } n && n > MaxSamples ? ", …" : "";
            text.Append(CultureInfo.InvariantCulture, $"     sample: {string.Join(", ", samples)}{more}\n");
        }
    }

    /// <summary>The rule of an expectation in plain words, from its type and kwargs.</summary>
    internal static string Rule(ExpectationConfiguration config)
    {
        var k = config.Kwargs;
        var rule = config.Type switch
        {
            "expect_column_to_exist" => k["column_index"] is { } index ? $"must exist at position {Json(index)} (0-based)" : "must exist",
            "expect_column_values_to_not_be_null" => "values must not be null",
            "expect_column_values_to_be_null" => "values must be null",
            "expect_column_values_to_be_unique" => "values must be unique",
            "expect_column_values_to_be_between" => "values must be " + Range(k),
            "expect_column_values_to_be_in_set" => $"values must be one of {Set(k["value_set"])}",
            "expect_column_values_to_not_be_in_set" => $"values must not be any of {Set(k["value_set"])}",
            "expect_column_values_to_match_strftime_format" => $"values must match the strftime format {Json(k["strftime_format"])}",
            "expect_table_row_count_to_be_between" => "row count must be " + Range(k),
            "expect_table_row_count_to_equal" => $"row count must be {Json(k["value"])}",
            _ => $"must satisfy {config.Type} with {Kwargs(k)}",
        };
        if (k["mostly"] is { } mostly && mostly.GetValueKind() == System.Text.Json.JsonValueKind.Number)
        {
            rule += $", for at least {(mostly.GetValue<double>() * 100).ToString("0.##", CultureInfo.InvariantCulture)}% of them";
        }
        return rule;
    }

    private static string Range(JsonObject k)
    {
        var min = k["min_value"];
        var max = k["max_value"];
        var strictMin = k["strict_min"]?.GetValue<bool>() == true;
        var strictMax = k["strict_max"]?.GetValue<bool>() == true;
        return (min, max) switch
        {
            (not null, not null) when !strictMin && !strictMax => $"between {Json(min)} and {Json(max)}",
            (not null, not null) => $"{(strictMin ? "greater than" : "at least")} {Json(min)} and {(strictMax ? "less than" : "at most")} {Json(max)}",
            (not null, null) => $"{(strictMin ? "greater than" : "at least")} {Json(min)}",
            (null, not null) => $"{(strictMax ? "less than" : "at most")} {Json(max)}",
            _ => "anything (no bounds)",
        };
    }

    private static string Set(JsonNode? set) => set is JsonArray members
        ? "[" + string.Join(", ", members.Take(MaxSetMembers).Select(Json)) + (members.Count > MaxSetMembers ? $", … ({members.Count} in all)" : "") + "]"
        : Json(set);

    private static string Kwargs(JsonObject k) =>
        string.Join(", ", k.Where(p => p.Key is not ("column" or "result_format")).Select(p => $"{p.Key}={Json(p.Value)}"));

    private static string Json(JsonNode? node) => node is null ? "null" : Clean(node.ToJsonString(), 200);

    private static string Value(object? value) => value switch
    {
        null => "null",
        string s => $"\"{Clean(s)}\"",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        byte[] bytes => "0x" + Convert.ToHexString(bytes.AsSpan(0, Math.Min(bytes.Length, MaxValueWidth / 2))) + (bytes.Length > MaxValueWidth / 2 ? "…" : ""),
        _ => Clean(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
    };

    private static string Count(long n, string noun) => $"{n.ToString("N0", CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    private static string Clean(string text, int maxWidth = MaxValueWidth) => Dq.Reporting.TerminalText.Clean(text, maxWidth);
}
