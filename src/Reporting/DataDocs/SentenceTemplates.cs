using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dq.Expectations.Suites;

namespace Dq.Reporting.DataDocs;

/// <summary>
/// The sentence template of each of the 48 expectation types (GX's names), with a generic fallback for any other type.
/// A template names kwargs as <c>{kwarg}</c>; <c>{range}</c> stands for the bounds phrase of <c>min_value</c>/<c>max_value</c>.
/// </summary>
internal static partial class SentenceTemplates
{
    /// <summary>The types with a template of their own (the generic one covers the rest).</summary>
    public static IReadOnlyCollection<string> KnownTypes => s_known;

    private static readonly HashSet<string> s_columnKwargs = ["column", "column_A", "column_B", "column_list", "column_set", "column_index"];
    private static readonly HashSet<string> s_patternKwargs = ["regex", "regex_list", "strftime_format", "row_condition", "type_", "type_list"];

    public static ExpectationSentence Build(ExpectationConfiguration c)
    {
        var k = c.Kwargs;
        var template = Template(c.Type, k) ?? "{type} with {kwargs}";
        template = template.Replace("{range}", Range(k), StringComparison.Ordinal);
        if (ValueText.Number(k["mostly"]) is { } mostly && mostly < 1)
        {
            template += ", at least {mostly} of the time";
        }
        if (k["row_condition"] is JsonValue)
        {
            template += ", where {row_condition}";
        }
        var parameters = new List<SentenceParameter>();
        foreach (Match m in Placeholder().Matches(template))
        {
            var name = m.Groups[1].Value;
            if (parameters.Any(p => p.Name == name))
            {
                continue;
            }
            parameters.Add(name switch
            {
                "type" => new SentenceParameter(name, SentenceParameterKind.Pattern, c.Type),
                "kwargs" => new SentenceParameter(name, SentenceParameterKind.Value, ValueText.Of(k)),
                "mostly" => new SentenceParameter(name, SentenceParameterKind.Percent, ((ValueText.Number(k["mostly"]) ?? 1) * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%"),
                _ => new SentenceParameter(name, KindOf(name), ValueText.Of(k[name])),
            });
        }
        return new ExpectationSentence(s_known.Contains(c.Type) ? c.Type : "generic", template, parameters);
    }

    private static SentenceParameterKind KindOf(string kwarg) =>
        s_columnKwargs.Contains(kwarg) ? SentenceParameterKind.Column
        : s_patternKwargs.Contains(kwarg) ? SentenceParameterKind.Pattern
        : SentenceParameterKind.Value;

    /// <summary>The bounds phrase: <c>between {min_value} and {max_value}</c>, <c>at least {min_value}</c>, <c>less than {max_value}</c>…</summary>
    private static string Range(JsonObject k)
    {
        var hasMin = k["min_value"] is not null;
        var hasMax = k["max_value"] is not null;
        var strictMin = ValueText.Flag(k["strict_min"]);
        var strictMax = ValueText.Flag(k["strict_max"]);
        var low = strictMin ? "more than {min_value}" : "at least {min_value}";
        var high = strictMax ? "less than {max_value}" : "at most {max_value}";
        return (hasMin, hasMax) switch
        {
            (true, true) when !strictMin && !strictMax => "between {min_value} and {max_value}",
            (true, true) => $"{low} and {high}",
            (true, false) => low,
            (false, true) => high,
            _ => "of any size",
        };
    }

    [GeneratedRegex(@"\{([A-Za-z_]+)\}")]
    private static partial Regex Placeholder();
}
