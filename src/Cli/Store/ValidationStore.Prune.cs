using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Dq.Cli.Store;

/// <summary>
/// Which runs a prune deletes. A run is deleted when it matches every rule given: beyond the <see cref="Keep"/> newest
/// runs of its suite on its data asset, and stored with a run time before <see cref="Before"/>. So with both, the
/// newest runs of each suite and data asset survive however old they are, and recent runs survive however many there are.
/// </summary>
/// <param name="Keep">How many of the newest runs of each (suite, data asset) to keep, or null for no such rule.</param>
/// <param name="Before">Delete only runs whose run time is before this instant, or null for no such rule.</param>
internal sealed record PruneRule(int? Keep, DateTimeOffset? Before);

/// <summary>What a prune deletes (or would delete) of one suite on one data asset.</summary>
internal sealed record PruneGroup(string Suite, string DataAsset, int Runs, int Deleted, DateTimeOffset OldestDeleted, DateTimeOffset NewestDeleted);

/// <summary>One run a prune deletes.</summary>
internal sealed record PrunedRun(string RunId, DateTimeOffset RunTime, string Suite, string DataAsset);

/// <summary>The outcome of a prune.</summary>
/// <param name="StoredRuns">The runs in the store before the prune.</param>
/// <param name="Groups">The (suite, data asset) pairs that lose runs, by suite then data asset.</param>
/// <param name="Runs">The runs deleted, oldest first.</param>
/// <param name="ExpectationResults">The per-expectation rows deleted with them.</param>
internal sealed record PruneOutcome(int StoredRuns, IReadOnlyList<PruneGroup> Groups, IReadOnlyList<PrunedRun> Runs, long ExpectationResults);

internal sealed partial class ValidationStore
{
    /// <summary>
    /// The runs a <see cref="PruneRule"/> selects (parameters <c>$keep $before</c>). "Newest" is the order of the history
    /// query: run time, then storing order (the rowid); the window reads the <c>runs_by_asset</c> index in order.
    /// </summary>
    internal const string PruneSelectionSql = """
        SELECT run_id FROM (
            SELECT run_id, run_time,
                row_number() OVER (PARTITION BY suite, data_asset ORDER BY run_time DESC, rowid DESC) AS newest_rank
            FROM runs)
        WHERE ($keep IS NULL OR newest_rank > $keep) AND ($before IS NULL OR run_time < $before)
        """;

    /// <summary>
    /// Deletes the runs <paramref name="rule"/> selects, with their expectation results and metric values, in one immediate transaction:
    /// another process sees the store before or after, never half pruned. With <paramref name="dryRun"/> the same
    /// selection is made and reported, and the transaction is rolled back.
    /// </summary>
    /// <remarks>The file does not shrink: SQLite reuses the freed pages for later runs. <see cref="Vacuum"/> gives them back.</remarks>
    public PruneOutcome Prune(PruneRule rule, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (rule.Keep is null && rule.Before is null)
        {
            throw new ArgumentException("A prune needs a rule: Keep, Before or both.", nameof(rule));
        }
        using var transaction = _connection.BeginTransaction(deferred: dryRun);
        Run(transaction, "CREATE TEMP TABLE prune_ids (run_id TEXT PRIMARY KEY)");
        using (var select = Command(transaction, "INSERT INTO prune_ids " + PruneSelectionSql))
        {
            Bind(select, "$keep", rule.Keep);
            Bind(select, "$before", rule.Before is { } before ? Time(before) : null);
            select.ExecuteNonQuery();
        }
        var stored = Scalar(transaction, "SELECT count(*) FROM runs");
        var groups = Groups(transaction);
        var runs = Runs(transaction);
        var expectations = Scalar(transaction, "SELECT count(*) FROM expectation_results WHERE run_id IN (SELECT run_id FROM prune_ids)");
        if (!dryRun)
        {
            // Children first: the foreign key would cascade, but one set-based delete per table is plainer and faster.
            Run(transaction, "DELETE FROM expectation_results WHERE run_id IN (SELECT run_id FROM prune_ids)");
            Run(transaction, "DELETE FROM metric_values WHERE run_id IN (SELECT run_id FROM prune_ids)");
            Run(transaction, "DELETE FROM runs WHERE run_id IN (SELECT run_id FROM prune_ids)");
        }
        Run(transaction, "DROP TABLE prune_ids");
        if (dryRun)
        {
            transaction.Rollback();
        }
        else
        {
            transaction.Commit();
        }
        return new PruneOutcome((int)stored, groups, runs, expectations);
    }

    /// <summary>Rewrites the store without its free pages (<c>VACUUM</c>) and folds the write-ahead log back in, so the file shrinks.</summary>
    /// <returns>The file's size before and after, in bytes.</returns>
    public (long Before, long After) Vacuum()
    {
        var before = new FileInfo(Path).Length;
        Run(null, "VACUUM");
        Run(null, "PRAGMA wal_checkpoint(TRUNCATE)");
        return (before, new FileInfo(Path).Length);
    }

    private List<PruneGroup> Groups(SqliteTransaction transaction)
    {
        using var command = Command(transaction, """
            SELECT r.suite, r.data_asset, count(*), count(p.run_id), min(CASE WHEN p.run_id IS NOT NULL THEN r.run_time END),
                max(CASE WHEN p.run_id IS NOT NULL THEN r.run_time END)
            FROM runs r LEFT JOIN prune_ids p ON p.run_id = r.run_id
            GROUP BY r.suite, r.data_asset HAVING count(p.run_id) > 0
            ORDER BY r.suite, r.data_asset
            """);
        using var reader = command.ExecuteReader();
        var groups = new List<PruneGroup>();
        while (reader.Read())
        {
            groups.Add(new PruneGroup(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3),
                ParseTime(reader.GetString(4)), ParseTime(reader.GetString(5))));
        }
        return groups;
    }

    private List<PrunedRun> Runs(SqliteTransaction transaction)
    {
        using var command = Command(transaction, """
            SELECT r.run_id, r.run_time, r.suite, r.data_asset FROM prune_ids p JOIN runs r ON r.run_id = p.run_id
            ORDER BY r.run_time, r.rowid
            """);
        using var reader = command.ExecuteReader();
        var runs = new List<PrunedRun>();
        while (reader.Read())
        {
            runs.Add(new PrunedRun(reader.GetString(0), ParseTime(reader.GetString(1)), reader.GetString(2), reader.GetString(3)));
        }
        return runs;
    }

    private long Scalar(SqliteTransaction transaction, string sql)
    {
        using var command = Command(transaction, sql);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private void Run(SqliteTransaction? transaction, string sql)
    {
        using var command = Command(transaction, sql);
        command.ExecuteNonQuery();
    }

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
