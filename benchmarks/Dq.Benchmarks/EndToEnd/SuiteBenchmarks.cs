using BenchmarkDotNet.Attributes;
using Dq.Benchmarks.Peers;
using Dq.Expectations.Columns;
using Dq.Expectations.Suites;
using DuckDB.NET.Data;

namespace Dq.Benchmarks.EndToEnd;

/// <summary>
/// dq vs DuckDB on the same checks, side by side in one run: over the file (dq reads and parses it, DuckDB runs
/// read_csv_auto / read_parquet), and in memory (dq's batches already loaded, DuckDB's table already created).
/// DuckDB is each category's baseline, so Ratio is dq/DuckDB. Both use every core.
/// </summary>
[Config(typeof(EndToEndConfig))]
public class SuiteBenchmarks
{
    private Workload _workload = null!;
    private ExpectationSuite _suite = null!;
    private RecordBatchSource? _loaded;
    private DuckDBConnection _duck = null!;

    /// <summary>The workload (see <see cref="Workloads"/>); DQ_WORKLOADS narrows the list (comma-separated).</summary>
    [ParamsSource(nameof(WorkloadNames))]
    public string Workload { get; set; } = "";

    /// <summary>The workload names to run.</summary>
    public static IEnumerable<string> WorkloadNames() =>
        Environment.GetEnvironmentVariable("DQ_WORKLOADS")?.Split(',') ?? Workloads.Names;

    /// <summary>Prepares both engines; loads the in-memory tables only for the in-memory benchmarks.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _workload = Workloads.Get(Workload);
        _suite = DqRunner.Suite(_workload);
        _duck = DuckDbRunner.Open();
    }

    /// <summary>Loads dq's batches and DuckDB's table for the in-memory pair.</summary>
    [GlobalSetup(Targets = [nameof(DqInMemory), nameof(DuckDbInMemory)])]
    public void SetupInMemory()
    {
        Setup();
        _loaded = DqRunner.Load(_workload);
        DuckDbRunner.Execute(_duck, $"CREATE OR REPLACE TABLE t AS SELECT * FROM {_workload.FileSource}");
    }

    /// <summary>Releases DuckDB.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _duck.Dispose();
        _loaded?.Dispose();
    }

    /// <summary>DuckDB over the file.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("file")]
    public long DuckDbFile() => DuckDbRunner.Query(_duck, _workload.FileSql);

    /// <summary>dq over the file: read, parse, check.</summary>
    [Benchmark, BenchmarkCategory("file")]
    public bool DqFile() => DqRunner.ValidateFile(_workload, _suite).Success;

    /// <summary>DuckDB over its in-memory table.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("memory")]
    public long DuckDbInMemory() => DuckDbRunner.Query(_duck, _workload.MemorySql);

    /// <summary>dq over batches already loaded.</summary>
    [Benchmark, BenchmarkCategory("memory")]
    public bool DqInMemory() => DqRunner.ValidateLoaded(_loaded!, _suite).Success;
}

/// <summary>dq's rows/s over loaded batches with 1 and 2 worker threads (scaling target: ≥ 1.7×).</summary>
[Config(typeof(EndToEndConfig))]
public class ScalingBenchmarks
{
    private ExpectationSuite _suite = null!;
    private RecordBatchSource _loaded = null!;

    /// <summary>The workload.</summary>
    [ParamsSource(nameof(WorkloadNames))]
    public string Workload { get; set; } = "";

    /// <summary>Worker threads.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    /// <summary>The workloads scaled (the Parquet ones: loading them is quick).</summary>
    public static IEnumerable<string> WorkloadNames() =>
        Environment.GetEnvironmentVariable("DQ_WORKLOADS")?.Split(',') ?? ["orders-seed-parquet", "orders-wide-parquet", "flights-parquet"];

    /// <summary>Loads the batches.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var workload = Workloads.Get(Workload);
        _suite = DqRunner.Suite(workload);
        _loaded = DqRunner.Load(workload);
    }

    /// <summary>Releases the batches.</summary>
    [GlobalCleanup]
    public void Cleanup() => _loaded.Dispose();

    /// <summary>The suite over loaded batches.</summary>
    [Benchmark]
    public bool DqInMemory() => DqRunner.ValidateLoaded(_loaded, _suite, Threads).Success;
}
