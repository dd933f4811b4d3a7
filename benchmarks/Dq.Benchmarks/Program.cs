using BenchmarkDotNet.Running;
using Dq.Benchmarks.Data;
using Dq.Benchmarks.Peers;

namespace Dq.Benchmarks;

/// <summary>
/// Entry point. With a BenchmarkDotNet filter (--filter ...) it runs benchmarks; the other verbs are the harness
/// pieces that BenchmarkDotNet cannot time: whole-process peers and stage breakdowns.
/// </summary>
public static class Program
{
    /// <summary>Runs a verb or BenchmarkDotNet.</summary>
    public static int Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "gen":
                Console.WriteLine($"{DataFiles.OrdersCsv}\n{DataFiles.OrdersParquet}");
                foreach (var name in Workloads.Names)
                {
                    Console.WriteLine(Workloads.Get(name).SuitePath); // writes the suite for `dq validate`
                }
                return 0;
            case "sql":
                // Prints a DuckDB query's rows: schema checks, and the counts dq's results are compared with.
                DuckDbRunner.Print(string.Join(' ', args.Skip(1)));
                return 0;
            case "duck":
                // One DuckDB run of a suite's SQL in a fresh process: the whole-process peer of `dq validate`.
                DuckDbRunner.Print(Workloads.Get(args[1]).FileSql);
                return 0;
            case "inspect":
                // The Arrow types and first values dq's reader gives, to check a reader against DuckDB.
                using (var source = Dq.Readers.BatchSources.Open(args[1]))
                {
                    var batch = source.ReadBatches().First();
                    foreach (var field in batch.Schema.FieldsList)
                    {
                        var column = batch.Column(field.Name);
                        Console.WriteLine($"{field.Name}: {column.GetType().Name} {field.DataType.Name} rows={column.Length} nulls={column.NullCount} first={string.Join(",", Enumerable.Range(0, 5).Select(i => Dq.Expectations.Columns.ArrowValues.Get(column, i)))}");
                    }
                }
                return 0;
            case "stages":
                Stages.Run(args.Skip(1).ToArray());
                return 0;
            case "sqlpushdown":
                // The seed suite inside DuckDB and PostgreSQL: pushdown, one statement per metric, pulled into dq.
                SqlPushdown.Run(args.Skip(1).ToArray());
                return 0;
            case "scaling":
                // 1 vs 2 threads over loaded batches, alternating, min and median: the suite and its uniqueness check.
                Scaling.Run(args.Skip(1).ToArray());
                return 0;
            case "membw":
                MemoryBandwidth.Run();
                return 0;
            case "model-quality":
                // Wall and CPU time of the model gates over 10M predictions, 1 and 2 threads: CPU time sees through a busy machine.
                ModelQuality.ModelQualityTimings.Run(args.Skip(1).ToArray());
                return 0;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
