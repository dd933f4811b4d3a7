using System.Globalization;
using System.Text.Json.Nodes;
using Dq.Expectations.Suites;

namespace Dq.Cli.Commands;

/// <summary>Describes an expectation in plain language, for <c>dq suite show</c>.</summary>
internal static class ExpectationText
{
    public static string Describe(ExpectationConfiguration c)
    {
        var k = c.Kwargs;
        var column = $"`{c.Column}`";
        var text = c.Type switch
        {
            "expect_column_to_exist" => $"column {column} exists",
            "expect_column_values_to_not_be_null" => $"{column} is never null",
            "expect_column_values_to_be_null" => $"{column} is always null",
            "expect_column_values_to_be_unique" => $"values of {column} are unique",
            "expect_column_values_to_be_between" => $"values of {column} are {Range(k)}",
            "expect_column_values_to_be_in_set" => $"values of {column} are one of {List(k["value_set"])}",
            "expect_column_values_to_not_be_in_set" => $"values of {column} are none of {List(k["value_set"])}",
            "expect_column_values_to_match_strftime_format" => $"values of {column} are dates formatted as {Value(k["strftime_format"])}",
            "expect_table_row_count_to_be_between" => $"the table has {Range(k)} rows",
            "expect_table_row_count_to_equal" => $"the table has exactly {Value(k["value"])} rows",
            _ => $"{c.Type} {k.ToJsonString()}",
        };
        if (k["mostly"] is JsonValue mostly && mostly.TryGetValue<double>(out var m) && m < 1)
        {
            var of = c.Type == "expect_column_values_to_not_be_null" ? "rows" : "non-null rows";
            text += $", in at least {(m * 100).ToString("0.##", CultureInfo.InvariantCulture)}% of {of}";
        }
        if (k["row_condition"] is JsonValue condition)
        {
            text += $", where {Value(condition)}";
        }
        text = char.ToUpperInvariant(text[0]) + text[1..] + ".";
        if (c.Meta["notes"] is JsonValue notes)
        {
            text += $" ({Value(notes)})";
        }
        return text;
    }

    private static string Range(JsonObject k)
    {
        var min = k["min_value"] is { } a ? Value(a) : null;
        var max = k["max_value"] is { } b ? Value(b) : null;
        var strictMin = k["strict_min"] is JsonValue sm && sm.TryGetValue<bool>(out var x) && x;
        var strictMax = k["strict_max"] is JsonValue sx && sx.TryGetValue<bool>(out var y) && y;
        return (min, max) switch
        {
            (not null, not null) when !strictMin && !strictMax => $"between {min} and {max}",
            (not null, not null) => $"{(strictMin ? "more than" : "at least")} {min} and {(strictMax ? "less than" : "at most")} {max}",
            (not null, null) => $"{(strictMin ? "more than" : "at least")} {min}",
            (null, not null) => $"{(strictMax ? "less than" : "at most")} {max}",
            _ => "of any value",
        };
    }

    private static string List(JsonNode? node) => node is JsonArray array
        ? string.Join(", ", array.Take(12).Select(Value)) + (array.Count > 12 ? $", … ({array.Count} values)" : "")
        : Value(node);

    private static string Value(JsonNode? node) => node switch
    {
        null => "null",
        JsonValue v when v.TryGetValue<string>(out var s) => $"\"{TextTable.Clean(s, 200)}\"",
        _ => node.ToJsonString(),
    };
}
