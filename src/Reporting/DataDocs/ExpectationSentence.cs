using System.Text;
using Dq.Expectations.Suites;

namespace Dq.Reporting.DataDocs;

/// <summary>What a sentence parameter is, which decides how a reporter shows it.</summary>
internal enum SentenceParameterKind
{
    /// <summary>A column name, or a list of them.</summary>
    Column,

    /// <summary>A pattern: a regular expression, a strftime format, a row condition.</summary>
    Pattern,

    /// <summary>A value or a list of values from the kwargs.</summary>
    Value,

    /// <summary>A percentage computed from a kwarg (<c>mostly</c>).</summary>
    Percent,
}

/// <summary>One typed parameter of a sentence: its kwarg name, kind and display text (unescaped).</summary>
internal sealed record SentenceParameter(string Name, SentenceParameterKind Kind, string Text);

/// <summary>
/// An expectation in plain language, kept as a template id (the expectation type), a template with <c>{name}</c>
/// placeholders, and typed parameters: the message is data, and each reporter formats it (HTML, Markdown, text).
/// </summary>
/// <remarks>
/// The template text is dq's own; only parameters come from the suite, so a reporter escapes parameters and nothing
/// else needs trusting. Example: template <c>values in {column} must match {strftime_format}</c> with
/// <c>column = order_date</c> and <c>strftime_format = %Y-%m-%d</c>.
/// </remarks>
internal sealed record ExpectationSentence(string TemplateId, string Template, IReadOnlyList<SentenceParameter> Parameters)
{
    /// <summary>The sentence for <paramref name="configuration"/> (a generic one for types without a template).</summary>
    public static ExpectationSentence For(ExpectationConfiguration configuration) => SentenceTemplates.Build(configuration);

    /// <summary>Renders the sentence: template text through <paramref name="text"/>, each parameter through <paramref name="parameter"/>.</summary>
    public string Render(Func<string, string> text, Func<SentenceParameter, string> parameter)
    {
        var builder = new StringBuilder(Template.Length + 32);
        var start = 0;
        var first = true;
        while (start < Template.Length)
        {
            var open = Template.IndexOf('{', start);
            var literal = open < 0 ? Template[start..] : Template[start..open];
            if (literal.Length > 0)
            {
                builder.Append(text(first ? char.ToUpperInvariant(literal[0]) + literal[1..] : literal));
                first = false;
            }
            if (open < 0)
            {
                break;
            }
            var close = Template.IndexOf('}', open);
            var name = Template[(open + 1)..close];
            first = false;
            builder.Append(Parameters.FirstOrDefault(p => p.Name == name) is { } p ? parameter(p) : text("?"));
            start = close + 1;
        }
        return builder.ToString();
    }

    /// <summary>The sentence as HTML: parameters in <c>&lt;code&gt;</c> elements with a class per kind, everything escaped.</summary>
    public string ToHtml() => Render(Html.Text, p => p.Kind == SentenceParameterKind.Percent
        ? Html.Text(p.Text)
        : $"<code class=\"p {KindClass(p.Kind)}\">{Html.Text(p.Text)}</code>");

    /// <summary>The sentence as plain text, with columns and patterns in backticks.</summary>
    public string ToPlainText() => Render(t => t, p => p.Kind is SentenceParameterKind.Column or SentenceParameterKind.Pattern ? $"`{p.Text}`" : p.Text);

    private static string KindClass(SentenceParameterKind kind) => kind switch
    {
        SentenceParameterKind.Column => "col",
        SentenceParameterKind.Pattern => "pat",
        _ => "val",
    };
}
