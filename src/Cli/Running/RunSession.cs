using System.Globalization;
using Dq.Cli.Checkpoints;
using Dq.Cli.Store;
using Dq.Expectations;
using Microsoft.Data.Sqlite;
using Dq.Cli.Telemetry;
using Dq.Expectations.Results;
using Dq.Expectations.Telemetry;
using Dq.Reporting;

namespace Dq.Cli.Running;

/// <summary>
/// Runs a <see cref="RunPlan"/>: the validations (with progress), the summaries, then the actions (store, JSON,
/// JUnit), and returns the exit code. Nothing is written until every validation has finished, so Ctrl+C leaves no
/// output and no stored run behind.
/// </summary>
internal sealed partial class RunSession(TextWriter stdout, TextWriter stderr, Verbosity verbosity, TimeSpan progressInterval, int threads)
{
    /// <summary>Reads an environment variable (the OpenTelemetry settings); the process's environment unless a test gives another.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public async Task<int> RunAsync(RunPlan plan, CancellationToken cancellationToken)
    {
        var summary = plan.WritesToStandardOutput ? stderr : stdout;
        if (verbosity == Verbosity.Verbose)
        {
            Describe(plan, summary);
        }
        var tracker = new ProgressTracker();
        var display = new ProgressDisplay(stderr, verbosity, progressInterval);
        var outcomes = await display.RunAsync(tracker, () => ValidationRunner.RunAsync(plan.Jobs, threads, tracker, cancellationToken, plan.StorePath)).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        // Unread data is an errored validation in every report, in the plan's order, never a missing one.
        var results = outcomes.Select(o => o.Reported).Concat(plan.Missing.Select(m => m.Reported)).ToList();
        if (verbosity != Verbosity.Quiet)
        {
            foreach (var result in results.Where(r => r.Run.ReadError is null))
            {
                ConsoleSummary.Write(result, summary);
                if (BadRowSummary.Line(result) is { } skipped)
                {
                    summary.WriteLine(skipped);
                }
                if (results.Count > 1)
                {
                    summary.WriteLine();
                }
            }
        }
        foreach (var result in results.Where(r => r.Run.ReadError is not null))
        {
            stderr.WriteLine($"dq: cannot read the data: {result.Run.ReadError}");
        }

        // From here on the run has finished: the actions are short and run to completion, each output atomically.
        var storeError = RunActions(plan, results, summary);
        var code = ExitCode(plan.Gate, results);
        if (storeError is not null)
        {
            // Every other output is written; the run's history is what was lost, which is a setup problem (exit 2)
            // unless the data itself could not be read.
            stderr.WriteLine($"dq: {storeError}");
            code = code == ExitCodes.DataUnreadable ? code : ExitCodes.UsageOrConfiguration;
        }
        if (plan.CheckpointName is not null || verbosity == Verbosity.Quiet)
        {
            summary.WriteLine(Overall(plan, results, code));
        }
        return code;
    }

    /// <summary>Runs the outputs and actions; a store that cannot be written does not stop the others.</summary>
    /// <returns>Why the store could not be written, or null.</returns>
    private string? RunActions(RunPlan plan, IReadOnlyList<ValidationResult> results, TextWriter summary)
    {
        string? storeError = null;
        if (plan.StorePath is { } storePath && results.Count > 0)
        {
            try
            {
                using var store = ValidationStore.Open(storePath);
                var group = plan.CheckpointName is null ? null : Guid.NewGuid().ToString("N");
                foreach (var result in results)
                {
                    store.Save(result, plan.CheckpointName, group);
                }
                Note(summary, $"stored {Runs(results.Count)} in {Shown(storePath)}: {string.Join(", ", results.Select(r => r.Run.RunId[..12]))}");
            }
            catch (SqliteException e)
            {
                storeError = StoreFailure.Message(Shown(storePath), e);
            }
            catch (ConfigurationException e)
            {
                storeError = e.Message;
            }
        }
        foreach (var path in plan.JsonPaths)
        {
            WriteOutput(path, stream => ResultFiles.WriteJson(plan, results, stream), summary);
        }
        foreach (var path in plan.JunitPaths)
        {
            WriteOutput(path, stream => JunitReport.Write(results, stream, plan.CheckpointName ?? "dq"), summary);
        }
        RunReportActions(plan, results, summary);
        if (results.Count > 0)
        {
            MetricsOutput.Emit([.. results.Select(RunFigures.From)], plan.EmfTargets, stdout, stderr,
                (path, lines) => Note(summary, $"appended {lines} EMF line{(lines == 1 ? "" : "s")} to {Shown(path)}"), Environment);
        }
        return storeError;
    }

    private static int ExitCode(GatePolicy gate, IReadOnlyList<ValidationResult> results)
    {
        if (results.Any(r => r.Run.ReadError is not null))
        {
            return ExitCodes.DataUnreadable;
        }
        var failed = gate switch
        {
            GatePolicy.Error => results.Any(r => !r.Success),
            GatePolicy.Warn => results.Any(r => r.Results.Any(e => !e.Success)),
            _ => false,
        };
        return failed ? ExitCodes.ExpectationFailed : ExitCodes.Success;
    }

    private static string Overall(RunPlan plan, IReadOnlyList<ValidationResult> results, int code)
    {
        var errors = results.Count(r => r.Run.ReadError is not null);
        var passed = results.Count(r => r.Success);
        var warned = results.Sum(r => r.Results.Count(e => !e.Success && e.Severity == Severity.Warn));
        var what = plan.CheckpointName is { } name ? $"Checkpoint `{name}`" : "Validation";
        var verdict = code == ExitCodes.Success ? "PASSED" : "FAILED";
        var text = $"{what} {verdict}: {passed} of {results.Count} validation{(results.Count == 1 ? "" : "s")} passed";
        if (results.Count - passed - errors > 0)
        {
            text += $"; failed: {string.Join(", ", results.Where(r => !r.Success && r.Run.ReadError is null).Select(r => $"{r.SuiteName} on {r.Run.DataAsset}"))}";
        }
        if (errors > 0)
        {
            text += $"; {errors} could not be read";
        }
        if (warned > 0)
        {
            text += $"; {warned} warn-severity expectation{(warned == 1 ? "" : "s")} failed" + (plan.Gate == GatePolicy.Warn ? " (gate fails on warn)" : " (reported only)");
        }
        return text + string.Create(CultureInfo.InvariantCulture, $". Exit code {code}.");
    }

    private void Describe(RunPlan plan, TextWriter writer)
    {
        Note(writer, $"{Runs(plan.Jobs.Count).Replace("run", "validation", StringComparison.Ordinal)} planned" + (plan.CheckpointName is { } n ? $" by checkpoint `{n}`" : ""));
        foreach (var job in plan.Jobs)
        {
            Note(writer, $"  {job.AssetName} ({job.Format.ToString().ToLowerInvariant()}) against suite `{job.Suite.Name}` ({job.Suite.Expectations.Count} expectations, {job.ResultFormat.LevelName})");
        }
        Note(writer, $"store: {(plan.StorePath is { } s ? Shown(s) : "none")}; gate fails on: {plan.Gate.ToString().ToLowerInvariant()}");
    }

    /// <summary>Writes one report to a file (atomically), or to standard output for <c>-</c>.</summary>
    private void WriteOutput(string path, Action<Stream> write, TextWriter summary)
    {
        if (path == "-")
        {
            using var buffer = new MemoryStream();
            write(buffer);
            stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
            return;
        }
        AtomicFile.Write(path, write);
        Note(summary, $"wrote {Shown(path)}");
    }

    private void Note(TextWriter writer, string text)
    {
        if (verbosity != Verbosity.Quiet)
        {
            writer.WriteLine($"dq: {text}");
        }
    }

    private static string Runs(int count) => count == 1 ? "1 run" : $"{count} runs";

    private static string Shown(string path)
    {
        var relative = Path.GetRelativePath(System.Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }
}
