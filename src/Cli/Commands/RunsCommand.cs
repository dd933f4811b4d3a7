using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Dq.Cli.Checkpoints;
using Dq.Cli.Projects;
using Dq.Cli.Store;
using Dq.Expectations;

namespace Dq.Cli.Commands;

/// <summary><c>dq runs list</c>, <c>dq runs show &lt;run-id&gt;</c> and <c>dq runs prune</c>: read and trim the validation store.</summary>
internal static partial class RunsCommand
{
    public static Command Create(TextWriter stdout, CommonOptions common)
    {
        var command = new Command("runs", """
            Read the validation store: the history of runs kept by `dq validate`.

            Examples:
              dq runs list
              dq runs list --suite orders --limit 5 --json
              dq runs show 3f2a9c1b
              dq runs prune --keep 100 --dry-run
            """)
        {
            List(stdout),
            Show(stdout),
            Prune(stdout, common),
        };
        return command;
    }

    private static Option<string?> StoreOption() =>
        new("--store") { Description = "The validation store (SQLite file). Default: the store of the dq project around the current folder." };

    private static Command List(TextWriter stdout)
    {
        var suite = new Option<string?>("--suite") { Description = "Only runs of this suite (its name)." };
        var limit = new Option<int>("--limit", "-n") { Description = "At most this many runs, newest first.", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table." };
        var store = StoreOption();
        var command = new Command("list", """
            List stored runs, newest first.

            Examples:
              dq runs list
              dq runs list --suite orders --limit 5
              dq runs list --json | jq '.[] | select(.success == false) | .run_id'
            """)
        {
            suite, limit, json, store,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(limit) < 1)
            {
                throw new ConfigurationException($"--limit must be 1 or more, not {parse.GetValue(limit).ToString(CultureInfo.InvariantCulture)}.");
            }
            using var opened = Open(parse.GetValue(store));
            var runs = opened.List(parse.GetValue(suite), parse.GetValue(limit));
            if (parse.GetValue(json))
            {
                WriteJson(stdout, runs);
                return ExitCodes.Success;
            }
            if (runs.Count == 0)
            {
                stdout.WriteLine($"No runs{(parse.GetValue(suite) is { } s ? $" of suite `{s}`" : "")} in {opened.Path}.");
                return ExitCodes.Success;
            }
            TextTable.Write(stdout, ["run id", "time (UTC)", "checkpoint", "suite", "data asset", "result", "expectations", "rows"],
                runs.Select(r => new[]
                {
                    r.RunId[..Math.Min(12, r.RunId.Length)], r.RunTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    r.Checkpoint ?? "", r.Suite, r.DataAsset, r.Success ? "passed" : "FAILED",
                    $"{r.Successful}/{r.Evaluated}" + (r.Warned > 0 ? $" ({r.Warned} warn)" : ""),
                    r.RowCount.ToString("N0", CultureInfo.InvariantCulture),
                }));
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(TextWriter stdout)
    {
        var id = new Argument<string>("run-id") { Description = "The run id, or enough of its start to be unique." };
        var json = new Option<bool>("--json") { Description = "Print the run's full result JSON (GX validation-result shape)." };
        var store = StoreOption();
        var command = new Command("show", """
            Show one stored run: its statistics and every expectation's result.

            Examples:
              dq runs show 3f2a9c1b
              dq runs show 3f2a9c1b --json > result.json
            """)
        {
            id, json, store,
        };
        command.SetAction(parse =>
        {
            using var opened = Open(parse.GetValue(store));
            var run = opened.Find(parse.GetValue(id)!);
            if (parse.GetValue(json))
            {
                stdout.WriteLine(opened.ResultJson(run.RunId));
                return ExitCodes.Success;
            }
            stdout.WriteLine($"Run {run.RunId}: {(run.Success ? "PASSED" : "FAILED")}");
            stdout.WriteLine($"  time        {run.RunTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC ({run.DurationSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s, dq {run.DqVersion})");
            stdout.WriteLine($"  suite       {run.Suite}");
            stdout.WriteLine($"  data asset  {TextTable.Clean(run.DataAsset)} ({run.RowCount.ToString("N0", CultureInfo.InvariantCulture)} rows)");
            if (run.Checkpoint is not null)
            {
                stdout.WriteLine($"  checkpoint  {run.Checkpoint} (invocation {run.CheckpointRunId})");
            }
            stdout.WriteLine($"  met         {run.Successful} of {run.Evaluated} expectations ({run.SuccessPercent.ToString("0.##", CultureInfo.InvariantCulture)}%)" +
                (run.Warned > 0 ? $"; {run.Warned} failed with severity warn" : ""));
            stdout.WriteLine();
            var expectations = opened.Expectations(run.RunId);
            TextTable.Write(stdout, ["#", "expectation", "column", "severity", "status", "unexpected", "%", "observed"],
                expectations.Select(e => new[]
                {
                    e.Index.ToString(CultureInfo.InvariantCulture), e.Type, e.Column ?? "", e.Severity,
                    e.ExceptionMessage is not null ? "ERROR" : e.Success ? "passed" : e.Severity == "warn" ? "WARN" : "FAILED",
                    e.UnexpectedCount?.ToString("N0", CultureInfo.InvariantCulture) ?? "",
                    e.UnexpectedPercent?.ToString("0.##", CultureInfo.InvariantCulture) ?? "",
                    e.ObservedValueJson ?? "",
                }));
            foreach (var e in expectations.Where(e => e.ExceptionMessage is not null))
            {
                stdout.WriteLine($"  {e.Index}: {TextTable.Clean(e.ExceptionMessage!)}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static ValidationStore Open(string? option)
    {
        if (option is not null)
        {
            return ValidationStore.Open(StoreOptionPath(option), create: false);
        }
        var project = DqProject.Find(Environment.CurrentDirectory)
            ?? throw new ConfigurationException($"no dq project here: there is no {DqProject.FileName} in `{Environment.CurrentDirectory}` or above. Pass --store <file>, or run inside a project (`dq init` makes one).");
        var path = project.StorePath
            ?? throw new ConfigurationException($"the project `{project.FilePath}` keeps no store (`store: none`). Pass --store <file>.");
        return ValidationStore.Open(path, create: false);
    }

    private static string StoreOptionPath(string option) =>
        Checkpoints.StoreOption.Resolve(option, null)
        ?? throw new ConfigurationException("--store none names no store; give the path of a store file.");

    private static void WriteJson(TextWriter stdout, IReadOnlyList<StoredRun> runs)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartArray();
            foreach (var r in runs)
            {
                w.WriteStartObject();
                w.WriteString("run_id", r.RunId);
                w.WriteString("run_time", ValidationStore.Time(r.RunTime));
                w.WriteString("checkpoint", r.Checkpoint);
                w.WriteString("checkpoint_run_id", r.CheckpointRunId);
                w.WriteString("suite", r.Suite);
                w.WriteString("data_asset", r.DataAsset);
                w.WriteBoolean("success", r.Success);
                w.WriteNumber("evaluated_expectations", r.Evaluated);
                w.WriteNumber("successful_expectations", r.Successful);
                w.WriteNumber("unsuccessful_expectations", r.Unsuccessful);
                w.WriteNumber("warned_expectations", r.Warned);
                w.WriteNumber("success_percent", r.SuccessPercent);
                w.WriteNumber("row_count", r.RowCount);
                w.WriteNumber("duration_seconds", r.DurationSeconds);
                w.WriteString("dq_version", r.DqVersion);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }
}
