using System.Text;
using Dq.Cli.Commands;
using Dq.Expectations.Results;
using Dq.Reporting;

namespace Dq.Cli.Running;

internal sealed partial class RunSession
{
    /// <summary>The report actions that read every result: data docs (<c>--docs</c>, <c>update_data_docs</c>) and the Markdown summary.</summary>
    private void RunReportActions(RunPlan plan, IReadOnlyList<ValidationResult> results, TextWriter summary)
    {
        foreach (var path in plan.SummaryMdPaths)
        {
            WriteOutput(path, stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
                MarkdownSummary.Write(results, writer, plan.CheckpointName ?? "dq validate");
            }, summary);
        }
        foreach (var path in plan.DocsPaths)
        {
            // With a store the site shows the whole history, this run included (it was stored above); without one, this run.
            var built = plan.StorePath is { } store && results.Count > 0
                ? DocsSite.FromStore(store, path)
                : DocsSite.FromResults(results, path);
            Note(summary, $"wrote {built.Describe(Shown(built.Index))}");
        }
    }
}
