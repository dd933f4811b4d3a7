using System.CommandLine;
using System.Globalization;
using Dq.Cli.Running;
using Dq.Cli.Store;
using Dq.Expectations;

namespace Dq.Cli.Commands;

internal static partial class RunsCommand
{
    private static Command Prune(TextWriter stdout, CommonOptions common)
    {
        // Read as text, so a value that is not a number gets dq's message rather than a .NET type name.
        var keep = new Option<string?>("--keep") { Description = "Keep the N newest runs of each suite on each data asset; delete older ones." };
        var olderThan = new Option<string?>("--older-than")
        {
            Description = "Delete runs older than an age (90m, 12h, 30d, 8w) or an ISO 8601 date or time (2024-06-01, 2024-06-01T12:00:00Z; UTC unless it has an offset).",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print what would be deleted, and delete nothing." };
        var vacuum = new Option<bool>("--vacuum") { Description = "Afterwards, rewrite the store without its free pages so the file shrinks (takes a while on a large store)." };
        var store = StoreOption();
        var command = new Command("prune", """
            Delete old runs from the validation store (history retention), with their expectation results, in one transaction.
            --keep N keeps the N newest runs of each suite on each data asset; --older-than D deletes runs older than D.
            Given both, a run is deleted only when both say so: the N newest of each survive however old they are.
            Anomaly expectations read their history from these runs, so keep at least as many as their `window`.

            Examples:
              dq runs prune --keep 100 --dry-run
              dq runs prune --older-than 90d
              dq runs prune --older-than 2024-06-01 --keep 30 --vacuum
            """)
        {
            keep, olderThan, dryRun, vacuum, store,
        };
        command.SetAction(parse =>
        {
            var rule = Rule(parse.GetValue(keep), parse.GetValue(olderThan), DateTimeOffset.UtcNow);
            var dry = parse.GetValue(dryRun);
            var verbosity = common.Get(parse);
            using var opened = Open(parse.GetValue(store));
            var outcome = opened.Prune(rule, dry);
            WriteOutcome(stdout, opened.Path, outcome, dry, verbosity);
            if (parse.GetValue(vacuum) && !dry)
            {
                var (before, after) = opened.Vacuum();
                if (verbosity != Verbosity.Quiet)
                {
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dq: compacted the store: {before / 1e6:0.0} MB → {after / 1e6:0.0} MB."));
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The prune rule of the options, checked: at least one rule, a positive count, an age or date in the past.</summary>
    internal static PruneRule Rule(string? keepText, string? olderThan, DateTimeOffset now)
    {
        int? keep = null;
        if (keepText is not null)
        {
            keep = int.TryParse(keepText.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) ? n
                : throw new ConfigurationException($"--keep `{keepText}` is not a whole number: give how many of the newest runs of each suite on each data asset to keep, such as --keep 100.");
        }
        if (keep is null && olderThan is null)
        {
            throw new ConfigurationException(
                "`dq runs prune` needs a rule: --keep N (the newest runs to keep of each suite on each data asset), --older-than D (such as 30d or 2024-06-01), or both. Add --dry-run to see what would be deleted.");
        }
        if (keep < 1)
        {
            throw new ConfigurationException(
                $"--keep must be 1 or more (the newest runs to keep of each suite on each data asset), not {keep.Value.ToString(CultureInfo.InvariantCulture)}. To empty the store, delete its file.");
        }
        return new PruneRule(keep, olderThan is null ? null : OlderThan.Parse(olderThan, now));
    }

    private static void WriteOutcome(TextWriter stdout, string path, PruneOutcome outcome, bool dryRun, Verbosity verbosity)
    {
        var deleted = outcome.Runs.Count;
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"{deleted:N0} of {outcome.StoredRuns:N0} run{(outcome.StoredRuns == 1 ? "" : "s")} ({outcome.ExpectationResults:N0} expectation results)");
        stdout.WriteLine(deleted == 0
            ? string.Create(CultureInfo.InvariantCulture, $"dq: nothing to delete: the rules keep all {outcome.StoredRuns:N0} runs of {path}.")
            : dryRun
                ? $"dq: would delete {counts} from {path}; nothing was deleted (--dry-run)."
                : string.Create(CultureInfo.InvariantCulture, $"dq: deleted {counts} from {path}; {outcome.StoredRuns - deleted:N0} kept."));
        if (deleted == 0 || verbosity == Verbosity.Quiet)
        {
            return;
        }
        TextTable.Write(stdout, ["suite", "data asset", "runs", dryRun ? "to delete" : "deleted", "kept", "oldest deleted (UTC)", "newest deleted (UTC)"],
            outcome.Groups.Select(g => new[]
            {
                g.Suite, g.DataAsset, Count(g.Runs), Count(g.Deleted), Count(g.Runs - g.Deleted), Shown(g.OldestDeleted), Shown(g.NewestDeleted),
            }));
        if (verbosity == Verbosity.Verbose)
        {
            stdout.WriteLine();
            TextTable.Write(stdout, ["run id", "time (UTC)", "suite", "data asset"],
                outcome.Runs.Select(r => new[] { r.RunId, Shown(r.RunTime), r.Suite, r.DataAsset }));
        }
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Shown(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
