using System.Text.Json.Nodes;
using Dq.Cli.Store;
using Dq.Expectations;
using Dq.Expectations.Catalog;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Cli.Tests.Store;

/// <summary>The store's metric history: the same suite and data asset, newest runs first, returned oldest first.</summary>
public sealed class MetricHistoryStoreTests : TempFolderTest
{
    private string StorePath => Path.Combine(Folder, "store.db");

    private static readonly DateTimeOffset s_start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A run of <paramref name="suite"/> on <paramref name="asset"/> at day <paramref name="day"/>, whose anomaly expectation observed <paramref name="observed"/>.</summary>
    private static ValidationResult Run(string id, int day, object? observed, string suite = "s", string asset = "data/a.csv", long rows = 10, string column = "amount")
    {
        var anomaly = new ExpectationResult(
            new ExpectationConfiguration(ExpectMetricToNotBeAnomalous.TypeName, new JsonObject { ["metric"] = "column_mean", ["column"] = column, ["strategy"] = "batch_normal" }),
            true, new ResultDetails { HasObservedValue = true, ObservedValue = observed });
        var other = new ExpectationResult(new ExpectationConfiguration("expect_column_mean_to_be_between", new JsonObject { ["column"] = column }), true,
            new ResultDetails { HasObservedValue = true, ObservedValue = 999.0 });
        return new ValidationResult(suite, [other, anomaly], new ValidationRunInfo(id, s_start.AddDays(day), asset, rows, TimeSpan.FromSeconds(1), "0.1.0"));
    }

    private void Save(params ValidationResult[] runs)
    {
        using var store = ValidationStore.Open(StorePath);
        foreach (var run in runs)
        {
            store.Save(run, null, null);
        }
    }

    private IReadOnlyList<double> Values(string metric = "column_mean", string? column = "amount", int window = 100, string suite = "s", string asset = "data/a.csv") =>
        new StoreMetricHistory(StorePath).Values(new MetricHistoryQuery(suite, asset, metric, column, null, window));

    [Fact]
    public void Values_AreTheObservedValuesOfTheSameMetric_OldestFirst()
    {
        // Saved out of time order: the store orders by run time.
        Save(Run("c", 3, 30.0), Run("a", 1, 10.0), Run("b", 2, 20.5));
        Assert.Equal([10.0, 20.5, 30.0], Values());
    }

    [Fact]
    public void Window_KeepsTheNewestRuns()
    {
        Save(Run("a", 1, 1.0), Run("b", 2, 2.0), Run("c", 3, 3.0), Run("d", 4, 4.0));
        Assert.Equal([3.0, 4.0], Values(window: 2));
    }

    [Fact]
    public void OtherSuitesAssetsAndColumns_AreNotHistory()
    {
        Save(Run("a", 1, 1.0), Run("b", 2, 2.0, suite: "other"), Run("c", 3, 3.0, asset: "data/b.csv"), Run("d", 4, 4.0, column: "price"));
        Assert.Equal([1.0], Values());
        Assert.Equal([4.0], Values(column: "price"));
    }

    [Fact]
    public void RunsThatObservedNothing_AreSkippedAndDoNotUseTheWindow()
    {
        Save(Run("a", 1, 1.0), Run("b", 2, null), Run("c", 3, double.NaN), Run("d", 4, 4.0));
        Assert.Equal([1.0, 4.0], Values(window: 2));
    }

    [Fact]
    public void RowCount_FallsBackToTheRunsOwnRowCount()
    {
        // No run watched row_count, yet each stored its row count.
        Save(Run("a", 1, 1.0, rows: 100), Run("b", 2, 1.0, rows: 104));
        Assert.Equal([100.0, 104.0], Values(metric: "row_count", column: null));
    }

    [Fact]
    public void MissingStore_HasNoHistoryAndIsNotCreated()
    {
        Assert.Empty(Values());
        Assert.False(File.Exists(StorePath));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Queries_ReadAnIndexRangeNewestFirst_WithoutScanOrSort(bool analyzed)
    {
        // Many runs over several assets; ANALYZE (which a user or a tool may run) gives the planner real statistics.
        using (var store = ValidationStore.Open(StorePath))
        {
            store.SaveAll(Enumerable.Range(0, 2000).Select(i => Run($"r{i}", i, (double)i, asset: $"data/{i % 20}.csv")));
        }
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={StorePath};Pooling=False");
        connection.Open();
        if (analyzed)
        {
            using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE";
            analyze.ExecuteNonQuery();
        }

        var history = Plan(connection, ValidationStore.MetricValuesSql);
        var rowCounts = Plan(connection, ValidationStore.RowCountValuesSql);

        // The watched metric: one covering index range, newest first; the table is never read.
        Assert.Equal(["SEARCH metric_values USING COVERING INDEX metric_values_by_asset (suite=? AND data_asset=? AND metric_key=?)"], history);
        // Row counts: the runs through the asset index, each run's watched value by its primary key.
        Assert.Contains(rowCounts, p => p.StartsWith("SEARCH r USING INDEX runs_by_asset (suite=? AND data_asset=?)", StringComparison.Ordinal));
        Assert.Contains(rowCounts, p => p.Contains("SEARCH m USING INDEX sqlite_autoindex_metric_values_1 (run_id=? AND metric_key=?)", StringComparison.Ordinal));
        Assert.DoesNotContain(history.Concat(rowCounts), p => p.StartsWith("SCAN", StringComparison.Ordinal) || p.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    private static List<string> Plan(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var (name, value) in new (string, object)[] { ("$suite", "s"), ("$asset", "data/3.csv"), ("$key", "column_mean(amount)"), ("$window", 100) })
        {
            command.Parameters.AddWithValue(name, value);
        }
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }
        return plan;
    }

    [Fact]
    public void Values_AreTheSameThroughSaveAll()
    {
        using (var store = ValidationStore.Open(StorePath))
        {
            store.SaveAll([Run("c", 3, 30.0), Run("a", 1, 10.0), Run("b", 2, 20.5)]);
        }
        Assert.Equal([10.0, 20.5, 30.0], Values());
    }

    [Fact]
    public void TwoExpectationsOnOneMetric_GiveOneValuePerRun_TheFirstNumericOne()
    {
        ExpectationResult Anomaly(object? observed, string strategy) => new(
            new ExpectationConfiguration(ExpectMetricToNotBeAnomalous.TypeName, new JsonObject { ["metric"] = "column_mean", ["column"] = "amount", ["strategy"] = strategy }),
            true, new ResultDetails { HasObservedValue = true, ObservedValue = observed });
        var info = new ValidationRunInfo("a", s_start, "data/a.csv", 10, TimeSpan.FromSeconds(1), "0.1.0");
        Save(
            new ValidationResult("s", [Anomaly(double.NaN, "batch_normal"), Anomaly(5.0, "online_normal"), Anomaly(6.0, "absolute_change")], info),
            new ValidationResult("s", [Anomaly(7.0, "batch_normal"), Anomaly(8.0, "online_normal")], info with { RunId = "b", RunTime = s_start.AddDays(1) }));

        Assert.Equal([5.0, 7.0], Values());
    }
}
