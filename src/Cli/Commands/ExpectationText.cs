using System.Text.Json.Nodes;
using Dq.Expectations.Catalog;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Reporting;
using Dq.Reporting.DataDocs;

namespace Dq.Cli.Commands;

/// <summary>
/// Describes an expectation in plain language for <c>dq suite show</c>: the data docs' sentence for its type (all 48
/// GX types have one), as plain text, with the expectation's notes.
/// </summary>
internal static class ExpectationText
{
    public static string Describe(ExpectationConfiguration c)
    {
        var text = ExpectationCatalog.Describe(c).ToPlainText() + ".";
        if (c.Meta["notes"] is JsonValue notes && notes.TryGetValue<string>(out var note))
        {
            text += $" ({note})";
        }
        return TerminalText.Clean(text, 1_000);
    }
}
