using System.Globalization;
using Dq.Cli.Checkpoints;
using Dq.Cli.Store;
using Dq.Cli.Telemetry;
using Dq.Expectations;
using Dq.Expectations.Results;
using Dq.Expectations.Telemetry;
using Dq.Reporting;
using Microsoft.Data.Sqlite;

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
        foreach (var note in outcomes.SelectMany(o => o.Notes))
        {
            stderr.WriteLine(note);
        }

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

        // The outputs are staged (store rows in an open transaction, reports in temporary files) while a signal may still
        // stop the run, then committed together; the data docs, built last, stop between pages.
        string? storeError;
        try
        {
            storeError = RunActions(plan, results, summary, cancellationToken);
        }
        catch (RunCommittedException)
        {
            stderr.WriteLine("dq: cancelled while building the data docs: the run was stored and its reports written; the site's index still shows the previous build (`dq docs build` completes it).");
            return ExitCodes.Cancelled;
        }
        var code = ExitCode(plan.Gate, results);
        if (storeError is not null)
        {
            // Every other output is written; the run's history is what was lost, which is a setup problem (exit 2)
            // unless the data itself could not be read.
            stderr.WriteLine($"dq: {storeError}");
            code = code == ExitCodes.DataUnreadable ? code : ExitCodes.UsageOrConfiguration;
        }
        if (plan.CheckpointName is not null || verbosity == Verbosity.Quiet || results.Count > 1)
        {
            summary.WriteLine(Overall(plan, results, code));
        }
        return code;
    }

    /// <summary>Runs the outputs and actions; a store that cannot be written does not stop the others.</summary>
    /// <returns>Why the store could not be written, or null.</returns>
    /// <exception cref="OperationCanceledException">A signal arrived before the outputs were committed: none was.</exception>
    private string? RunActions(RunPlan plan, IReadOnlyList<ValidationResult> results, TextWriter summary, CancellationToken cancellationToken)
    {
        string? storeError = null;
        ValidationStore? store = null;
        Microsoft.Data.Sqlite.SqliteTransaction? stored = null;
        var staged = new List<(string Path, AtomicFile.StagedFile? File, Action<Stream>? Stdout)>();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (plan.StorePath is { } storePath && results.Count > 0)
            {
                try
                {
                    store = ValidationStore.Open(storePath);
                    stored = store.Stage(results, plan.CheckpointName, plan.CheckpointName is null ? null : Guid.NewGuid().ToString("N"), cancellationToken);
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
            foreach (var (path, write) in Reports(plan, results))
            {
                cancellationToken.ThrowIfCancellationRequested();
                staged.Add(path == "-" ? (path, null, write) : (path, AtomicFile.Stage(path, write), null));
            }
            cancellationToken.ThrowIfCancellationRequested();

            // Commit: renames and one SQLite commit, quick and not interrupted.
            if (stored is not null)
            {
                try
                {
                    stored.Commit();
                    Note(summary, $"stored {Runs(results.Count)} in {Shown(plan.StorePath!)}: {string.Join(", ", results.Select(r => r.Run.RunId[..12]))}");
                }
                catch (SqliteException e)
                {
                    storeError = StoreFailure.Message(Shown(plan.StorePath!), e);
                }
            }
            foreach (var (path, file, write) in staged)
            {
                if (file is not null)
                {
                    file.Commit();
                    Note(summary, $"wrote {Shown(path)}");
                }
                else
                {
                    using var buffer = new MemoryStream();
                    write!(buffer);
                    stdout.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }
            }
        }
        finally
        {
            foreach (var (_, file, _) in staged)
            {
                file?.Dispose();
            }
            stored?.Dispose();
            store?.Dispose();
        }
        if (results.Count > 0)
        {
            MetricsOutput.Emit([.. results.Select(RunFigures.From)], plan.EmfTargets, stdout, stderr,
                (path, lines) => Note(summary, $"appended {lines} EMF line{(lines == 1 ? "" : "s")} to {Shown(path)}"), Environment);
        }
        try
        {
            BuildDocs(plan, results, summary, storeError is null, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new RunCommittedException();
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

/// <summary>A signal arrived after the outputs were committed (while the data docs were built).</summary>
internal sealed class RunCommittedException : Exception
{
}
