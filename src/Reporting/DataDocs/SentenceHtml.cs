using Dq.Expectations.Results;

namespace Dq.Reporting.DataDocs;

/// <summary>An expectation's sentence as HTML for the data docs.</summary>
internal static class SentenceHtml
{
    /// <summary>The sentence with its parameters in <c>&lt;code&gt;</c> elements with a class per kind, everything escaped.</summary>
    public static string ToHtml(this ExpectationSentence sentence) => sentence.Render(Html.Text, p => p.Kind == SentenceParameterKind.Percent
        ? Html.Text(p.Text)
        : $"<code class=\"p {KindClass(p.Kind)}\">{Html.Text(p.Text)}</code>");

    private static string KindClass(SentenceParameterKind kind) => kind switch
    {
        SentenceParameterKind.Column => "col",
        SentenceParameterKind.Pattern => "pat",
        _ => "val",
    };
}
