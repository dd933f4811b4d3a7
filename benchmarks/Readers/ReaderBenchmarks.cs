using BenchmarkDotNet.Attributes;

namespace Dq.Benchmarks.Readers;

/// <summary>
/// BenchmarkDotNet view of <see cref="ReaderWorkloads"/> on the files in <c>$DQ_READERS_DATA</c> (default
/// <c>/tmp/dq-orders</c>, written by the <c>generate</c> command). CsvHelper is the baseline: it is the reader being replaced.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ReaderBenchmarks
{
    private static readonly string s_folder = Environment.GetEnvironmentVariable("DQ_READERS_DATA") ?? "/tmp/dq-orders";

    private string Csv => Path.Combine(s_folder, "orders.csv");

    private string Parquet => Path.Combine(s_folder, "orders.parquet");

    [Benchmark(Baseline = true)]
    public long CsvHelper_Csv() => ReaderWorkloads.CsvHelperCsv(Csv);

    [Benchmark]
    public long Dq_Csv() => ReaderWorkloads.DqCsv(Csv);

    [Benchmark]
    public long Sep_Csv() => ReaderWorkloads.SepCsv(Csv);

    [Benchmark]
    public long DuckDb_Csv() => ReaderWorkloads.DuckDb(Csv, parquet: false);

    [Benchmark]
    public long Dq_Parquet() => ReaderWorkloads.DqParquet(Parquet);

    [Benchmark]
    public long DuckDb_Parquet() => ReaderWorkloads.DuckDb(Parquet, parquet: true);
}
