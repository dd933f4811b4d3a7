using Dq.Cli.Store;
using Dq.Expectations;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Microsoft.Data.Sqlite;

namespace Dq.Cli.Tests.Store;

public sealed class ValidationStoreTests : TempFolderTest
{
    private string StorePath => Path.Combine(Folder, "store", "store.db");

    internal static ValidationResult Result(string runId, bool warnFails = true)
    {
        var ok = new ExpectationResult(new ExpectationConfiguration("expect_column_to_exist", new() { ["column"] = "a" }), true, null);
        var warn = new ExpectationResult(
            new ExpectationConfiguration("expect_column_values_to_not_be_null", new() { ["column"] = "b" }, new() { ["severity"] = "warn" }),
            !warnFails, new ResultDetails { ElementCount = 10, UnexpectedCount = 2, UnexpectedPercent = 20 });
        var rows = new ExpectationResult(new ExpectationConfiguration("expect_table_row_count_to_equal", new() { ["value"] = 10 }), true,
            new ResultDetails { HasObservedValue = true, ObservedValue = 10L });
        return new ValidationResult("s", [ok, warn, rows], new ValidationRunInfo(runId, DateTimeOffset.UtcNow, "data/a.csv", 10, TimeSpan.FromSeconds(0.5), "0.1.0"));
    }

    [Fact]
    public void SavedRun_IsListedAndFoundByPrefixWithItsExpectations()
    {
        using (var store = ValidationStore.Open(StorePath))
        {
            store.Save(Result("abc123"), "gate", "group1");
            store.Save(Result("abd456", warnFails: false), null, null);
        }

        using var reopened = ValidationStore.Open(StorePath, create: false);
        Assert.Equal(2, reopened.List(null, 10).Count);
        var run = reopened.Find("abc");
        Assert.Equal(("gate", "group1", 1, true), (run.Checkpoint, run.CheckpointRunId, run.Warned, run.Success));
        var expectations = reopened.Expectations(run.RunId);
        Assert.Equal("warn", expectations[1].Severity);
        Assert.Equal(2, expectations[1].UnexpectedCount);
        Assert.Equal("10", expectations[2].ObservedValueJson);
        Assert.Contains("\"run_id\": \"abc123\"", reopened.ResultJson(run.RunId), StringComparison.Ordinal);
        Assert.Contains("several runs", Assert.Throws<ConfigurationException>(() => reopened.Find("ab")).Message, StringComparison.Ordinal);
        Assert.Contains("no run `zz`", Assert.Throws<ConfigurationException>(() => reopened.Find("zz")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Store_UsesWalAndTheCurrentSchema()
    {
        using var store = ValidationStore.Open(StorePath);
        using var connection = new SqliteConnection($"Data Source={StorePath}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", command.ExecuteScalar());
        Assert.Equal(StoreMigrations.Current, store.SchemaVersion);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void OlderStore_IsMigratedForwardKeepingItsRuns(int version)
    {
        using (var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False"))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
            connection.Open();
            StoreMigrations.Migrate(connection, StorePath, target: version);
            Assert.Equal(version, StoreMigrations.Version(connection));
            if (version == 1)
            {
                // A run as version 1 wrote it: no checkpoint_run_id, no warned_expectations.
                using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO runs VALUES ('old', '2024-01-01T00:00:00.0000000Z', 'gate', 's', 'a.csv', 1, 2, 1, 1, 50, 5, 0.1, '0.0.9', '{}');
                    INSERT INTO expectation_results (run_id, expectation_index, type, severity, success) VALUES ('old', 0, 't', 'error', 1), ('old', 1, 't', 'warn', 0);
                    """;
                insert.ExecuteNonQuery();
            }
            if (version == 3)
            {
                // Runs as version 3 wrote them: watched metrics only in expectation_results.metric_key, one of them NaN.
                using var insert = connection.CreateCommand();
                insert.CommandText = """
                    INSERT INTO runs (run_id, run_time, suite, data_asset, success, evaluated_expectations, successful_expectations,
                        unsuccessful_expectations, success_percent, row_count, duration_seconds, dq_version, result_json)
                    VALUES ('v3a', '2024-01-01T00:00:00.0000000Z', 's', 'a.csv', 1, 2, 2, 0, 100, 5, 0.1, '0.0.9', '{}'),
                           ('v3b', '2024-01-02T00:00:00.0000000Z', 's', 'a.csv', 1, 2, 2, 0, 100, 5, 0.1, '0.0.9', '{}'),
                           ('v3c', '2024-01-03T00:00:00.0000000Z', 's', 'a.csv', 1, 2, 2, 0, 100, 5, 0.1, '0.0.9', '{}');
                    INSERT INTO expectation_results (run_id, expectation_index, type, severity, success, observed_value, metric_key)
                    VALUES ('v3a', 0, 't', 'error', 1, '12.5', 'column_mean(x)'), ('v3a', 1, 't', 'error', 1, '99', 'column_mean(x)'),
                           ('v3b', 0, 't', 'error', 1, '"NaN"', 'column_mean(x)'), ('v3b', 1, 't', 'error', 1, '7', NULL),
                           ('v3c', 0, 't', 'error', 1, '1e3', 'column_mean(x)');
                    """;
                insert.ExecuteNonQuery();
            }
        }

        using var store = ValidationStore.Open(StorePath);

        Assert.Equal(StoreMigrations.Current, store.SchemaVersion);
        if (version == 1)
        {
            var old = store.Find("old");
            Assert.Equal(1, old.Warned);
            Assert.Null(old.CheckpointRunId);
        }
        if (version == 3)
        {
            // The first numeric value of each run, oldest first; the NaN run has none.
            Assert.Equal([12.5, 1000.0], store.MetricValues("s", "a.csv", "column_mean(x)", runRowCounts: false, window: 10));
            Assert.Equal([12.5, 5.0, 1000.0], store.MetricValues("s", "a.csv", "column_mean(x)", runRowCounts: true, window: 10));
        }
        store.Save(Result("new"), null, null);
        Assert.Equal(version switch { 1 => 2, 3 => 4, _ => 1 }, store.Count());
    }

    [Fact]
    public void StoreFromANewerDq_IsAConfigurationError()
    {
        using (var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False"))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(StorePath)!);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {StoreMigrations.Current + 1}";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<ConfigurationException>(() => ValidationStore.Open(StorePath));

        Assert.Contains("newer dq", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FileThatIsNotAStore_IsAConfigurationError()
    {
        Write("store/store.db", "this is not a database, just text that is long enough to have a header.............");

        var error = Assert.Throws<ConfigurationException>(() => ValidationStore.Open(StorePath));

        Assert.Contains("cannot be opened", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingStore_IsNotCreatedByReaders()
    {
        Assert.Throws<ConfigurationException>(() => ValidationStore.Open(StorePath, create: false));
        Assert.False(File.Exists(StorePath));
    }
}
