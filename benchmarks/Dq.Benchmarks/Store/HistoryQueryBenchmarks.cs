using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using Dq.Benchmarks.Data;
using Dq.Cli.Store;
using Dq.Expectations;
using Dq.Expectations.Catalog;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Benchmarks.Store;

/// <summary>
/// The anomaly expectation's history query (<see cref="StoreMetricHistory"/>, as a validation calls it: open the store,
/// query, close) over stores of 1,000 and 100,000 runs, all on one data asset or spread over 100. Each run has six
/// expectations, one of them watching <c>column_mean(amount)</c>. The query reads the newest runs of the suite and data
/// asset through the <c>runs_by_asset</c> index and stops after <c>window</c> values, so its cost should not grow with
/// the store. <c>NeverStoredMetric</c> is the worst case: an expectation added today has no history, so every run of
/// the pair is probed before the query knows.
/// </summary>
/// <remarks>
/// The stores are built once into benchmarks/data/history-stores/ (git-ignored; about 250 MB for 100,000 runs) in one
/// transaction each, and reused by later runs.
/// </remarks>
[Config(typeof(StoreBenchmarkConfig))]
public class HistoryQueryBenchmarks
{
    private const string Suite = "orders";

    private StoreMetricHistory _history = null!;
    private ValidationStore _open = null!;

    /// <summary>Runs in the store.</summary>
    [Params(1_000, 100_000)]
    public int Runs { get; set; }

    /// <summary>Data assets the runs are spread over (round robin); the query asks for one of them.</summary>
    [Params(1, 100)]
    public int Assets { get; set; }

    /// <summary>Values asked for: the anomaly expectation's default <c>window</c>.</summary>
    public int Window { get; set; } = ExpectMetricToNotBeAnomalous.DefaultWindow;

    /// <summary>Builds (or reuses) the store and opens it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var path = HistoryStores.Ensure(Runs, Assets);
        _history = new StoreMetricHistory(path);
        _open = ValidationStore.Open(path, create: false);
        var found = _history.Values(Query("column_mean", "amount")).Count;
        if (found != Math.Min(Window, Runs / Assets))
        {
            throw new InvalidOperationException($"the history query found {found} values in {path}");
        }
    }

    /// <summary>Closes the store.</summary>
    [GlobalCleanup]
    public void Cleanup() => _open.Dispose();

    /// <summary>A watched metric, through <see cref="StoreMetricHistory"/>: open, query, close.</summary>
    [Benchmark(Baseline = true)]
    public int WatchedMetric() => _history.Values(Query("column_mean", "amount")).Count;

    /// <summary>The same query on a store already open: the query alone.</summary>
    [Benchmark]
    public int WatchedMetricOpenStore() => _open.MetricValues(Suite, "data/orders_0.csv", MetricHistoryQuery.KeyOf("column_mean", "amount", null), false, Window).Count;

    /// <summary>An unfiltered row count, which every run supplies (its own row count when no expectation watched it).</summary>
    [Benchmark]
    public int RowCountFallback() => _history.Values(Query("row_count", null)).Count;

    /// <summary>A metric no run has stored: every run of the suite on the asset is probed.</summary>
    [Benchmark]
    public int NeverStoredMetric() => _history.Values(Query("column_max", "amount")).Count;

    private MetricHistoryQuery Query(string metric, string? column) => new(Suite, "data/orders_0.csv", metric, column, null, Window);
}

/// <summary>Stores of generated runs for the history benchmark, built once and kept in benchmarks/data.</summary>
internal static class HistoryStores
{
    public static string Ensure(int runs, int assets)
    {
        var folder = Directory.CreateDirectory(Path.Combine(DataFiles.Folder, "history-stores")).FullName;
        var path = Path.Combine(folder, $"runs-{runs}-assets-{assets}.db");
        if (File.Exists(path))
        {
            return path;
        }
        var temporary = path + ".tmp";
        File.Delete(temporary);
        using (var store = ValidationStore.Open(temporary))
        {
            store.SaveAll(Enumerable.Range(0, runs).Select(i => Run(i, assets)));
        }
        File.Move(temporary, path);
        return path;
    }

    /// <summary>Run <paramref name="i"/>: six expectations with realistic result blocks, one watching <c>column_mean(amount)</c>.</summary>
    private static ValidationResult Run(int i, int assets)
    {
        var random = new Random(i);
        var rows = 10_000L + random.Next(-500, 500);
        var mean = 250 + (random.NextDouble() * 20);
        var nulls = random.Next(3);
        ExpectationResult[] results =
        [
            Result("expect_column_values_to_not_be_null", new() { ["column"] = "order_id" }, nulls == 0,
                new ResultDetails { ElementCount = rows, UnexpectedCount = nulls, UnexpectedPercent = 100.0 * nulls / rows, PartialUnexpectedList = [.. Enumerable.Repeat<object?>(null, nulls)] }),
            Result("expect_column_values_to_be_between", new() { ["column"] = "amount", ["min_value"] = 0, ["max_value"] = 1000 }, true,
                new ResultDetails { ElementCount = rows, MissingCount = 0, UnexpectedCount = 0, UnexpectedPercent = 0, PartialUnexpectedList = [] }),
            Result("expect_column_values_to_be_in_set", new() { ["column"] = "status", ["value_set"] = new JsonArray("placed", "shipped", "delivered") }, true,
                new ResultDetails { ElementCount = rows, MissingCount = 0, UnexpectedCount = 0, UnexpectedPercent = 0, PartialUnexpectedList = [] }),
            Result("expect_table_row_count_to_be_between", new() { ["min_value"] = 1000 }, true, new ResultDetails { HasObservedValue = true, ObservedValue = rows }),
            Result("expect_column_mean_to_be_between", new() { ["column"] = "amount", ["min_value"] = 100, ["max_value"] = 400 }, true,
                new ResultDetails { HasObservedValue = true, ObservedValue = mean }),
            Result(ExpectMetricToNotBeAnomalous.TypeName, new() { ["metric"] = "column_mean", ["column"] = "amount", ["strategy"] = "online_normal" }, true,
                new ResultDetails { HasObservedValue = true, ObservedValue = mean }),
        ];
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return new ValidationResult("orders", results, new ValidationRunInfo(
            $"{i:D8}{Guid.NewGuid():N}"[..32], start.AddMinutes(i), $"data/orders_{i % assets}.csv", rows, TimeSpan.FromSeconds(0.4), "0.1.0"));
    }

    private static ExpectationResult Result(string type, JsonObject kwargs, bool success, ResultDetails details) =>
        new(new ExpectationConfiguration(type, kwargs), success, details);
}

/// <summary>Millisecond-scale queries: the default job in process, with the memory diagnoser.</summary>
public sealed class StoreBenchmarkConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public StoreBenchmarkConfig()
    {
        // In process: no per-run project build, which takes minutes on this shared 2-core machine.
        AddJob(Job.Default.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(10).WithLaunchCount(1));
        AddDiagnoser(MemoryDiagnoser.Default);
    }
}
