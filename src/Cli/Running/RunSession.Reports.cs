using System.Text;
using Dq.Cli.Commands;
using Dq.Expectations.Results;
using Dq.Reporting;

namespace Dq.Cli.Running;

internal sealed partial class RunSession
{
    /// <summary>The report files of a run, in the order they are written: JSON results, JUnit, the Markdown summary.</summary>
    private static IEnumerable<(string Path, Action<Stream> Write)> Reports(RunPlan plan, IReadOnlyList<ValidationResult> results)
    {
        foreach (var path in plan.JsonPaths)
        {
            yield return (path, stream => ResultFiles.WriteJson(plan, results, stream));
        }
        foreach (var path in plan.JunitPaths)
        {
            yield return (path, stream => JunitReport.Write(results, stream, plan.CheckpointName ?? "dq"));
        }
        foreach (var path in plan.SummaryMdPaths)
        {
            yield return (path, stream =>
            {
                using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
                MarkdownSummary.Write(results, writer, plan.CheckpointName ?? "dq validate");
            }
            );
        }
    }

    /// <summary>The data docs (<c>--docs</c>, <c>update_data_docs</c>), built after the run is stored; a signal stops them between pages.</summary>
    private void BuildDocs(RunPlan plan, IReadOnlyList<ValidationResult> results, TextWriter summary, bool stored, CancellationToken cancellationToken)
    {
        foreach (var path in plan.DocsPaths)
        {
            // With a store the site shows the whole history, this run included (it was stored above); without one, this run.
            var built = plan.StorePath is { } store && stored && results.Count > 0
                ? DocsSite.FromStore(store, path, cancellationToken)
                : DocsSite.FromResults(results, path, cancellationToken);
            Note(summary, $"wrote {built.Describe(Shown(built.Index))}");
        }
    }
}
