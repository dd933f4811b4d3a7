using System.Diagnostics;
using BenchmarkDotNet.Running;
using Dq.Benchmarks.Readers;

// dotnet run -c Release --project benchmarks/Readers -- generate /tmp/dq-orders [rows]
// dotnet run -c Release --project benchmarks/Readers -- quick /tmp/dq-orders [repeats]
// dotnet run -c Release --project benchmarks/Readers -- --filter '*'          (BenchmarkDotNet; DQ_READERS_DATA=/tmp/dq-orders)
if (args.Length >= 2 && args[0] == "generate")
{
    int rows = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 10_000_000;
    OrdersData.Write(args[1], rows);
    Console.WriteLine($"Wrote {rows:N0} rows to {args[1]}/orders.csv and orders.parquet");
    return;
}
if (args.Length >= 2 && args[0] is "quick" or "quick-csv" or "quick-sep")
{
    int repeats = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 3;
    string csv = Path.Combine(args[1], "orders.csv"), parquet = Path.Combine(args[1], "orders.parquet");
    Quick("dq CsvSource", csv, repeats, ReaderWorkloads.DqCsv);
    Quick("dq tokenizer only", csv, repeats, TokenizerWorkload.Tokenize);
    if (args[0] == "quick-csv")
    {
        foreach (string column in new[] { "order_id", "customer_id", "amount", "status", "order_date" })
        {
            Quick($"dq CsvSource [{column}]", csv, repeats, p => ReaderWorkloads.DqCsv(p, [column]));
        }
        return;
    }
    if (args[0] == "quick-sep")
    {
        // dq's CSV reader beside Sep's tokenize-and-parse speed, the CSV figures issue 22 sets side by side.
        Quick("Sep 0.17.1", csv, repeats, ReaderWorkloads.SepCsv);
        return;
    }
    Quick("CsvHelper 34 span", csv, repeats, ReaderWorkloads.CsvHelperCsv);
    Quick("Sep 0.17.1", csv, repeats, ReaderWorkloads.SepCsv);
    Quick("DuckDB read_csv", csv, repeats, p => ReaderWorkloads.DuckDb(p, parquet: false));
    Quick("dq ParquetSource", parquet, repeats, ReaderWorkloads.DqParquet);
    Quick("DuckDB read_parquet", parquet, repeats, p => ReaderWorkloads.DuckDb(p, parquet: true));
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(ReaderBenchmarks).Assembly).Run(args);

static void Quick(string name, string path, int repeats, Func<string, long> read)
{
    double bytes = new FileInfo(path).Length;
    read(path);
    var times = new List<double>();
    long rows = 0;
    for (int i = 0; i < repeats; i++)
    {
        var watch = Stopwatch.StartNew();
        rows = read(path);
        times.Add(watch.Elapsed.TotalSeconds);
    }
    double best = times.Min(), median = times.Order().ElementAt(times.Count / 2);
    Console.WriteLine($"| {name} | {Math.Abs(rows):N0} | {median:F2} s | {bytes / median / 1e6:F0} MB/s | {Math.Abs(rows) / median / 1e6:F1} M rows/s | best {bytes / best / 1e6:F0} MB/s |");
}
