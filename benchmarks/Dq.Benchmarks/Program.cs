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
            case "check-range":
                // Per batch: a plain loop's count of delay outside [-120, 1440] vs the range kernel's.
                using (var source = Dq.Readers.BatchSources.Open(args[1]))
                {
                    foreach (var variant in new Dq.Expectations.Kernels.KernelVariant?[] { Dq.Expectations.Kernels.KernelVariant.Scalar, Dq.Expectations.Kernels.KernelVariant.Vector256 })
                    {
                        var suite = Dq.Expectations.Suites.SuiteJson.Parse(File.ReadAllText("/tmp/rt3.json"));
                        var (result, _) = Dq.Expectations.Validator.Validate(source, suite, new Dq.Expectations.ValidationOptions { Threads = 1 }, variant, CancellationToken.None);
                        Console.WriteLine($"{variant}: {string.Join(" ", DqRunner.Summary(result))}");
                    }
                    foreach (var batch in source.ReadBatches([args[2]]).Take(3))
                    {
                        var column = (Apache.Arrow.Int64Array)batch.Column(args[2]);
                        var plain = Enumerable.Range(0, column.Length).Count(i => column.GetValue(i) is { } v && (v < -120 || v > 1440));
                        var kernel = Dq.Expectations.Kernels.Range.RangeKernels.Create(new Apache.Arrow.Field("x", Apache.Arrow.Types.Int64Type.Default, true),
                            new Dq.Expectations.Metrics.RangeBounds(-120L, 1440L, false, false), Dq.Expectations.Kernels.KernelVariant.Scalar, 20);
                        var state = kernel.CreateState();
                        var count = Dq.Benchmarks.Micro.Blocks.Scan(kernel, column, state);
                        var kernel256 = Dq.Expectations.Kernels.Range.RangeKernels.Create(new Apache.Arrow.Field("x", Apache.Arrow.Types.Int64Type.Default, true),
                            new Dq.Expectations.Metrics.RangeBounds(-120L, 1440L, false, false), Dq.Expectations.Kernels.KernelVariant.Vector256, 20);
                        Console.Write($"v256={Dq.Benchmarks.Micro.Blocks.Scan(kernel256, column, kernel256.CreateState())} ");
                        Console.WriteLine($"rows={column.Length} offset={column.Offset} nulls={column.NullCount} bufs={column.Data.Buffers.Length} valbuf={column.Data.Buffers[1].Length} plain={plain} kernel={count}");
                    }
                }
                return 0;
            case "stages":
                Stages.Run(args.Skip(1).ToArray());
                return 0;
            default:
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
                return 0;
        }
    }
}
