using Dq.Expectations;
using Microsoft.Data.Sqlite;

namespace Dq.Cli.Store;

/// <summary>
/// The store's schema as a list of forward migrations. <c>PRAGMA user_version</c> holds the version reached; opening a
/// store applies the missing steps in one immediate transaction, so concurrent first opens cannot both migrate.
/// </summary>
/// <remarks>Never edit a released step: add a new one. Tests open a store at every older version and migrate it.</remarks>
internal static class StoreMigrations
{
    /// <summary>The steps; step <c>i</c> takes the schema from version <c>i</c> to <c>i + 1</c>.</summary>
    internal static readonly string[] Steps =
    [
        // 1: runs and per-expectation results.
        """
        CREATE TABLE runs (
            run_id TEXT PRIMARY KEY,
            run_time TEXT NOT NULL,
            checkpoint TEXT,
            suite TEXT NOT NULL,
            data_asset TEXT NOT NULL,
            success INTEGER NOT NULL,
            evaluated_expectations INTEGER NOT NULL,
            successful_expectations INTEGER NOT NULL,
            unsuccessful_expectations INTEGER NOT NULL,
            success_percent REAL NOT NULL,
            row_count INTEGER NOT NULL,
            duration_seconds REAL NOT NULL,
            dq_version TEXT NOT NULL,
            result_json TEXT NOT NULL
        );
        CREATE TABLE expectation_results (
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            expectation_index INTEGER NOT NULL,
            type TEXT NOT NULL,
            column_name TEXT,
            severity TEXT NOT NULL,
            success INTEGER NOT NULL,
            element_count INTEGER,
            missing_count INTEGER,
            unexpected_count INTEGER,
            unexpected_percent REAL,
            observed_value TEXT,
            exception_message TEXT,
            PRIMARY KEY (run_id, expectation_index)
        );
        CREATE INDEX runs_by_time ON runs(run_time);
        """,
        // 2: group the runs of one checkpoint invocation, count warn failures, list by suite quickly.
        """
        ALTER TABLE runs ADD COLUMN checkpoint_run_id TEXT;
        ALTER TABLE runs ADD COLUMN warned_expectations INTEGER NOT NULL DEFAULT 0;
        UPDATE runs SET warned_expectations =
            (SELECT count(*) FROM expectation_results e WHERE e.run_id = runs.run_id AND e.success = 0 AND e.severity = 'warn');
        CREATE INDEX runs_by_suite ON runs(suite, run_time);
        """,
        // 3: the metric an anomaly expectation watches, so its history is one indexed query per expectation.
        """
        ALTER TABLE expectation_results ADD COLUMN metric_key TEXT;
        CREATE INDEX runs_by_asset ON runs(suite, data_asset, run_time);
        """,
        // 4: the watched metrics' values, indexed by suite, data asset, metric and time: the history query reads its
        // `window` entries and stops, even when the pair has 100,000 runs and the metric is new (step 3's query probed
        // every run of the pair before it knew there was no history). One value per run and metric (the expectation
        // listed first, as before); run_seq is the run's rowid, the tie-break for runs of the same time. The index
        // covers the query (value included), so it never reads the table.
        """
        CREATE TABLE metric_values (
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
            metric_key TEXT NOT NULL,
            suite TEXT NOT NULL,
            data_asset TEXT NOT NULL,
            run_time TEXT NOT NULL,
            run_seq INTEGER NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (run_id, metric_key)
        );
        CREATE INDEX metric_values_by_asset ON metric_values(suite, data_asset, metric_key, run_time, run_seq, value);
        INSERT OR IGNORE INTO metric_values (run_id, metric_key, suite, data_asset, run_time, run_seq, value)
            SELECT e.run_id, e.metric_key, r.suite, r.data_asset, r.run_time, r.rowid, CAST(e.observed_value AS REAL)
            FROM expectation_results e JOIN runs r ON r.run_id = e.run_id
            WHERE e.metric_key IS NOT NULL AND json_valid(e.observed_value) AND json_type(e.observed_value) IN ('integer', 'real')
            ORDER BY e.run_id, e.expectation_index;
        """,
    ];

    /// <summary>The schema version this dq writes.</summary>
    public static int Current => Steps.Length;

    /// <summary>Brings the store to <paramref name="target"/> (default: <see cref="Current"/>).</summary>
    /// <exception cref="ConfigurationException">The store was written by a newer dq.</exception>
    public static void Migrate(SqliteConnection connection, string path, int? target = null)
    {
        var goal = target ?? Current;
        if (Version(connection) >= goal)
        {
            CheckNotNewer(connection, path);
            return;
        }
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = Version(connection, transaction);
        CheckNotNewer(connection, path, transaction);
        for (var step = version; step < goal; step++)
        {
            Execute(connection, transaction, Steps[step]);
            Execute(connection, transaction, $"PRAGMA user_version = {step + 1}");
        }
        transaction.Commit();
    }

    public static int Version(SqliteConnection connection, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void CheckNotNewer(SqliteConnection connection, string path, SqliteTransaction? transaction = null)
    {
        var version = Version(connection, transaction);
        if (version > Current)
        {
            throw new ConfigurationException(
                $"the validation store `{path}` has schema version {version}, written by a newer dq; this dq reads versions up to {Current}. Upgrade dq, or pass another --store.");
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
