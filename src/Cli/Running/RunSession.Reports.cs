using System.Globalization;
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
            AtomicFile.Write(path, stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
                MarkdownSummary.Write(results, writer, plan.CheckpointName ?? "dq validate");
            });
            Note(summary, $"wrote {Shown(path)}");
        }
        foreach (var path in plan.DocsPaths)
        {
            // With a store the site shows the whole history, this run included (it was stored above); without one, this run.
            var (index, runs, elapsed) = plan.StorePath is { } store && results.Count > 0
                ? DocsSite.FromStore(store, path)
                : DocsSite.FromResults(results, path);
            Note(summary, string.Create(CultureInfo.InvariantCulture,
                $"wrote data docs of {runs} run{(runs == 1 ? "" : "s")} in {elapsed.TotalSeconds:0.0} s: {Shown(index)}"));
        }
    }
}
