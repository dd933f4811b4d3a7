using System.Text;

namespace Dq.Expectations.Results;

/// <summary>
/// An expectation in plain language, kept as a template id (the expectation type), a template with <c>{name}</c>
/// placeholders, and typed parameters: the message is data, and each reporter formats it (HTML, Markdown, text).
/// </summary>
/// <remarks>
/// The template text is dq's own, written beside each expectation type in the catalogue; only parameters come from
/// the suite, so a reporter escapes parameters and nothing else needs trusting. Example: template
/// <c>values in {column} must match {strftime_format}</c> with <c>column = order_date</c> and
/// <c>strftime_format = %Y-%m-%d</c>. Get one with <see cref="Catalog.ExpectationCatalog.Describe"/>.
/// </remarks>
/// <param name="TemplateId">The expectation type, or <c>generic</c> for a type dq does not know.</param>
/// <param name="Template">The sentence with <c>{name}</c> placeholders, starting in lower case.</param>
/// <param name="Parameters">The placeholders' values, in order of first use.</param>
public sealed record ExpectationSentence(string TemplateId, string Template, IReadOnlyList<SentenceParameter> Parameters)
{
    /// <summary>Renders the sentence: template text through <paramref name="text"/>, each parameter through <paramref name="parameter"/>.</summary>
    /// <remarks>The first letter of the sentence is capitalised; a placeholder without a parameter renders as <c>?</c>.</remarks>
    public string Render(Func<string, string> text, Func<SentenceParameter, string> parameter)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(parameter);
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

    /// <summary>The sentence as plain text, with columns and patterns in backticks.</summary>
    public string ToPlainText() =>
        Render(t => t, p => p.Kind is SentenceParameterKind.Column or SentenceParameterKind.Pattern ? $"`{p.Text}`" : p.Text);
}
