using System.Globalization;
using System.Text;
using Dq.Expectations.Catalog;
using Dq.Expectations.Results;
using Dq.Reporting.DataDocs;

namespace Dq.Reporting;

/// <summary>
/// Writes validation results as a Markdown summary for a CI job page, such as GitHub Actions' step summary
/// (<c>$GITHUB_STEP_SUMMARY</c>): a verdict, a table of validations, and per failed validation the expectations not met,
/// in plain language, with counts and sample values.
/// </summary>
/// <remarks>
/// Values from data, suites and checkpoints are escaped for Markdown and for the HTML that GitHub's renderer accepts
/// (<c>&lt; &gt; &amp;</c>, table pipes, emphasis and link punctuation); control and bidirectional-override characters
/// are shown as <c>\uXXXX</c>. Passed expectations are counted, not listed, to keep the summary short.
/// </remarks>
public static class MarkdownSummary
{
    private const int MaxSamples = 5;
    private const int MaxRows = 50;

    /// <summary>Writes the summary of <paramref name="results"/> to <paramref name="writer"/>.</summary>
    /// <param name="results">The validations, in report order.</param>
    /// <param name="writer">The destination.</param>
    /// <param name="title">The heading's subject, such as the checkpoint's name; escaped.</param>
    public static void Write(IEnumerable<ValidationResult> results, TextWriter writer, string title = "dq")
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(title);
        var list = results.ToList();
        var passed = list.All(r => r.Success);
        writer.WriteLine($"## {(passed ? "✅" : "❌")} {Escape(title)}: {(passed ? "PASSED" : "FAILED")}, {list.Count(r => r.Success)} of {list.Count} validation{(list.Count == 1 ? "" : "s")} passed");
        writer.WriteLine();
        writer.WriteLine("| suite | data asset | status | met | failed | warn | rows |");
        writer.WriteLine("|---|---|---|--:|--:|--:|--:|");
        foreach (var r in list)
        {
            var warned = r.Results.Count(e => !e.Success && e.Severity == Severity.Warn);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {Escape(r.SuiteName)} | {Escape(r.Run.DataAsset)} | {(r.Run.ReadError is not null ? "❌ NOT READ" : r.Success ? "✅ PASSED" : "❌ FAILED")} | {r.Statistics.SuccessfulExpectations} of {r.Statistics.EvaluatedExpectations} | {r.Statistics.UnsuccessfulExpectations - warned} | {warned} | {r.Run.RowCount:N0} |"));
        }
        foreach (var r in list.Where(r => r.Run.ReadError is not null || r.Results.Any(e => !e.Success)))
        {
            writer.WriteLine();
            writer.WriteLine($"### {Escape(r.SuiteName)} on {Escape(r.Run.DataAsset)}");
            writer.WriteLine();
            if (r.Run.ReadError is { } readError)
            {
                // Every expectation carries the same reason: say it once.
                writer.WriteLine($"The data could not be read, so none of the {r.Results.Count} expectation{(r.Results.Count == 1 ? "" : "s")} was checked: {Escape(readError)}");
                continue;
            }
            writer.WriteLine("| # | expectation | status | found | sample unexpected values |");
            writer.WriteLine("|--:|---|---|---|---|");
            var failed = r.Results.Select((e, i) => (e, i)).Where(x => !x.e.Success).ToList();
            foreach (var (e, i) in failed.Take(MaxRows))
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {i} | {Sentence(e)} | {SiteLinks.Status(e)} | {Found(e)} | {Samples(e)} |"));
            }
            if (failed.Count > MaxRows)
            {
                writer.WriteLine();
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"… and {failed.Count - MaxRows} more not met; see the result JSON or the data docs."));
            }
        }
    }

    /// <summary>The summary as a string.</summary>
    /// <param name="results">The validations, in report order.</param>
    /// <param name="title">The heading's subject; escaped.</param>
    public static string ToMarkdown(IEnumerable<ValidationResult> results, string title = "dq")
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(results, writer, title);
        return writer.ToString();
    }

    private static string Sentence(ExpectationResult e) =>
        ExpectationCatalog.Describe(e.Configuration).Render(Escape, p => p.Kind == SentenceParameterKind.Percent ? Escape(p.Text) : $"<code>{Escape(p.Text)}</code>");

    private static string Found(ExpectationResult e)
    {
        if (e.ExceptionInfo is { } x)
        {
            return "could not be judged: " + Escape(x.ExceptionMessage);
        }
        var d = e.Result;
        if (d?.UnexpectedCount is { } count)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{count:N0} unexpected ({ValueText.Percent(d.UnexpectedPercent)})");
        }
        return d?.HasObservedValue == true ? "observed " + Escape(ValueText.Format(d.ObservedValue)) : "";
    }

    private static string Samples(ExpectationResult e) => e.Result?.PartialUnexpectedList is { Count: > 0 } values
        ? Escape(string.Join(", ", values.Take(MaxSamples).Select(v => ValueText.Format(v))) + (values.Count > MaxSamples ? ", …" : ""))
        : "";

    /// <summary>
    /// Text that Markdown shows literally, in a table cell too: visible control characters, HTML-escaped <c>&lt; &gt; &amp;</c>,
    /// backslash before Markdown punctuation, and no line breaks.
    /// </summary>
    internal static string Escape(string text)
    {
        var visible = Html.Visible(text);
        var b = new StringBuilder(visible.Length + 8);
        foreach (var c in visible)
        {
            switch (c)
            {
                case '<': b.Append("&lt;"); break;
                case '>': b.Append("&gt;"); break;
                case '&': b.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '#' or '+' or '!' or '|' or '~' or '{' or '}' or '$' or ':' or '@':
                    b.Append('\\').Append(c);
                    break;
                default: b.Append(c); break;
            }
        }
        return b.ToString();
    }
}
