using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog.Descriptions;

/// <summary>
/// What an expectation type says about itself: it reads an expectation's kwargs leniently (a result read back from
/// the store may hold kwargs dq would now reject) and turns the type's template into an <see cref="ExpectationSentence"/>.
/// </summary>
/// <remarks>
/// A template names kwargs as <c>{kwarg}</c>; <c>{range}</c> stands for the bounds phrase (<see cref="Phrases.Range"/>).
/// The phrases every type shares, <c>mostly</c> and <c>row_condition</c>, are appended here, so no template repeats them.
/// A parameter's kind comes from its kwarg's name: columns, patterns, or values.
/// </remarks>
internal sealed partial class Wording(ExpectationConfiguration configuration)
{
    private static readonly HashSet<string> s_columnKwargs = ["column", "column_A", "column_B", "column_list", "column_set", "column_index"];
    private static readonly HashSet<string> s_patternKwargs = ["regex", "regex_list", "strftime_format", "row_condition", "type_", "type_list", "metric", "strategy"];

    /// <summary>The expectation's kwargs, as written.</summary>
    public JsonObject Kwargs => configuration.Kwargs;

    /// <summary>Whether the kwarg is given (and not null).</summary>
    public bool Has(string name) => Kwargs[name] is not null;

    /// <summary>A boolean kwarg, or <paramref name="fallback"/> when it is absent or not a boolean.</summary>
    public bool Flag(string name, bool fallback = false) => Scalar(name) is bool b ? b : fallback;

    /// <summary>A text kwarg, or null when it is absent or not text.</summary>
    public string? Text(string name) => Scalar(name) as string;

    /// <summary>A number kwarg, or null when it is absent or not a number.</summary>
    public double? Number(string name) => Scalar(name) switch
    {
        long l => l,
        ulong u => u,
        double d => d,
        _ => null,
    };

    private object? Scalar(string name) => JsonScalars.TryGetScalar(Kwargs[name], out var value) ? value : null;

    /// <summary>The sentence of <paramref name="template"/> with this expectation's kwargs.</summary>
    public ExpectationSentence Sentence(string template) => Build(configuration.Type, template);

    /// <summary>The sentence of a type dq does not know: its name and kwargs.</summary>
    public static ExpectationSentence Generic(ExpectationConfiguration configuration) =>
        new Wording(configuration).Build("generic", "{type} with {kwargs}");

    private ExpectationSentence Build(string templateId, string template)
    {
        template = template.Replace("{range}", Phrases.Range(this), StringComparison.Ordinal);
        if (Number("mostly") is { } mostly && mostly < 1)
        {
            template += ", at least {mostly} of the time";
        }
        if (Text("row_condition") is { Length: > 0 })
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
                "type" => new SentenceParameter(name, SentenceParameterKind.Pattern, configuration.Type),
                "kwargs" => new SentenceParameter(name, SentenceParameterKind.Value, ValueText.Format(Kwargs)),
                "mostly" => new SentenceParameter(name, SentenceParameterKind.Percent,
                    ((Number("mostly") ?? 1) * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%"),
                _ => Parameter(name),
            });
        }
        return new ExpectationSentence(templateId, template, parameters);
    }

    private SentenceParameter Parameter(string name)
    {
        var node = Kwargs[name];
        if (IsColumn(name))
        {
            var text = node is JsonArray columns
                ? string.Join(", ", columns.Select(c => ValueText.Bare(c)))
                : ValueText.Bare(node);
            return new SentenceParameter(name, SentenceParameterKind.Column, text);
        }
        return s_patternKwargs.Contains(name)
            ? new SentenceParameter(name, SentenceParameterKind.Pattern, ValueText.Bare(node))
            : new SentenceParameter(name, SentenceParameterKind.Value, ValueText.Format(node));
    }

    private static bool IsColumn(string kwarg) =>
        s_columnKwargs.Contains(kwarg) || kwarg.EndsWith("_column", StringComparison.Ordinal) || kwarg.EndsWith("_columns", StringComparison.Ordinal);

    [GeneratedRegex(@"\{([A-Za-z_]+)\}")]
    private static partial Regex Placeholder();
}
