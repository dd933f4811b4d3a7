using System.Globalization;
using System.Text.Json.Nodes;
using Dq.Expectations.Catalog;
using Dq.Expectations.Results;
using Microsoft.Data.Sqlite;

namespace Dq.Cli.Store;

internal sealed partial class ValidationStore
{
    /// <summary>
    /// Milliseconds to pause between the rows of a run inside its transaction, read from
    /// <c>DQ_TEST_STORE_PAUSE_MS</c>: lets the kill test stop a process mid-transaction. Zero in normal use.
    /// </summary>
    private static readonly int s_testPause =
        int.TryParse(Environment.GetEnvironmentVariable("DQ_TEST_STORE_PAUSE_MS"), CultureInfo.InvariantCulture, out var ms) ? ms : 0;

    /// <summary>Stores one run in one transaction: the run row and a row per expectation, or nothing.</summary>
    /// <param name="result">The validation result.</param>
    /// <param name="checkpoint">The checkpoint's name, or null for <c>dq validate --suite</c>.</param>
    /// <param name="checkpointRunId">The id shared by the runs of one checkpoint invocation, or null.</param>
    public void Save(ValidationResult result, string? checkpoint, string? checkpointRunId)
    {
        using var transaction = Stage([result], checkpoint, checkpointRunId);
        transaction.Commit();
    }

    /// <summary>
    /// Inserts the runs of one invocation in one open transaction, committed by the caller: a run writes the store and
    /// its reports first and commits them together, so a signal in between leaves neither (disposing rolls back).
    /// </summary>
    public SqliteTransaction Stage(IEnumerable<ValidationResult> results, string? checkpoint, string? checkpointRunId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(results);
        var transaction = _connection.BeginTransaction(deferred: false);
        try
        {
            foreach (var result in results)
            {
                Insert(transaction, result, checkpoint, checkpointRunId, cancellationToken);
            }
            return transaction;
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Stores many runs (of no checkpoint) in one transaction: all or none. For filling large stores (benchmarks, tests),
    /// where a transaction per run would spend its time waiting for the disk.
    /// </summary>
    internal void SaveAll(IEnumerable<ValidationResult> results)
    {
        using var transaction = Stage(results, null, null);
        transaction.Commit();
    }

    private void Insert(SqliteTransaction transaction, ValidationResult result, string? checkpoint, string? checkpointRunId, CancellationToken cancellationToken)
    {
        var json = ValidationResultJson.ToJson(result);
        var details = (JsonNode.Parse(json)!["results"] as JsonArray)!;
        using (var run = Command(transaction, """
            INSERT INTO runs (run_id, run_time, checkpoint, suite, data_asset, success, evaluated_expectations,
                successful_expectations, unsuccessful_expectations, success_percent, row_count, duration_seconds,
                dq_version, result_json, checkpoint_run_id, warned_expectations)
            VALUES ($id, $time, $checkpoint, $suite, $asset, $success, $evaluated, $successful, $unsuccessful, $percent,
                $rows, $duration, $version, $json, $group, $warned)
            """))
        {
            var s = result.Statistics;
            Bind(run, "$id", result.Run.RunId);
            Bind(run, "$time", Time(result.Run.RunTime));
            Bind(run, "$checkpoint", checkpoint);
            Bind(run, "$suite", result.SuiteName);
            Bind(run, "$asset", result.Run.DataAsset);
            Bind(run, "$success", result.Success ? 1 : 0);
            Bind(run, "$evaluated", s.EvaluatedExpectations);
            Bind(run, "$successful", s.SuccessfulExpectations);
            Bind(run, "$unsuccessful", s.UnsuccessfulExpectations);
            Bind(run, "$percent", s.SuccessPercent);
            Bind(run, "$rows", result.Run.RowCount);
            Bind(run, "$duration", result.Run.Duration.TotalSeconds);
            Bind(run, "$version", result.Run.DqVersion);
            Bind(run, "$json", json);
            Bind(run, "$group", checkpointRunId);
            Bind(run, "$warned", result.Results.Count(r => !r.Success && r.Severity == Severity.Warn));
            run.ExecuteNonQuery();
        }
        using var history = Command(transaction, """
            INSERT OR IGNORE INTO metric_values (run_id, metric_key, suite, data_asset, run_time, run_seq, value)
            VALUES ($id, $metric, $suite, $asset, $time, (SELECT rowid FROM runs WHERE run_id = $id), $value)
            """);
        using var row = Command(transaction, """
            INSERT INTO expectation_results (run_id, expectation_index, type, column_name, severity, success,
                element_count, missing_count, unexpected_count, unexpected_percent, observed_value, exception_message, metric_key)
            VALUES ($id, $index, $type, $column, $severity, $success, $elements, $missing, $unexpected, $percent, $observed, $exception, $metric)
            """);
        for (var i = 0; i < result.Results.Count; i++)
        {
            // A signal stops the insert between rows: the open transaction is rolled back, the store left as it was.
            cancellationToken.ThrowIfCancellationRequested();
            if (s_testPause > 0)
            {
                Thread.Sleep(s_testPause);
            }
            var r = result.Results[i];
            row.Parameters.Clear();
            Bind(row, "$id", result.Run.RunId);
            Bind(row, "$index", i);
            Bind(row, "$type", r.Configuration.Type);
            Bind(row, "$column", r.Configuration.Column);
            Bind(row, "$severity", r.Severity == Severity.Warn ? "warn" : "error");
            Bind(row, "$success", r.Success ? 1 : 0);
            Bind(row, "$elements", r.Result?.ElementCount);
            Bind(row, "$missing", r.Result?.MissingCount);
            Bind(row, "$unexpected", r.Result?.UnexpectedCount);
            Bind(row, "$percent", r.Result?.UnexpectedPercent);
            var observed = r.Result?.HasObservedValue == true ? details[i]?["result"]?["observed_value"]?.ToJsonString() ?? "null" : null;
            var metric = ExpectMetricToNotBeAnomalous.HistoryKey(r.Configuration);
            Bind(row, "$observed", observed);
            Bind(row, "$exception", r.ExceptionInfo?.ExceptionMessage);
            Bind(row, "$metric", metric);
            row.ExecuteNonQuery();
            // Observed values are JSON text: numbers, or strings for NaN and ±∞, which have no place in a history.
            if (metric is not null && double.TryParse(observed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                history.Parameters.Clear();
                Bind(history, "$id", result.Run.RunId);
                Bind(history, "$metric", metric);
                Bind(history, "$suite", result.SuiteName);
                Bind(history, "$asset", result.Run.DataAsset);
                Bind(history, "$time", Time(result.Run.RunTime));
                Bind(history, "$value", value);
                history.ExecuteNonQuery();
            }
        }
    }

    internal static string Time(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private SqliteCommand Command(SqliteTransaction? transaction, string sql)
    {
        var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Bind(SqliteCommand command, string name, object? value) =>
        command.Parameters.AddWithValue(name, value switch
        {
            null => DBNull.Value,
            double d when !double.IsFinite(d) => DBNull.Value,
            _ => value,
        });
}
