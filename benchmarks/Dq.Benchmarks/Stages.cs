using System.Diagnostics;
using Dq.Benchmarks.Peers;
using Dq.Expectations.Suites;

namespace Dq.Benchmarks;

/// <summary>
/// A Stopwatch breakdown of one workload, in one process so the figures are comparable: reading alone, dq from
/// the file, dq over loaded batches with 1 and 2 threads, each expectation alone, and DuckDB over the file and over
/// an in-memory table. It says which stage dominates where BenchmarkDotNet only gives totals.
/// </summary>
public static class Stages
{
    /// <summary>Usage: stages WORKLOAD [repeats].</summary>
    public static void Run(string[] args)
    {
        var workload = Workloads.Get(args[0]);
        var repeats = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3;
        var suite = DqRunner.Suite(workload);
        Console.WriteLine($"## {workload.Name} ({workload.Path})\n");
        Console.WriteLine("| stage | best of " + repeats + " (s) |\n|---|---|");

        var columns = suite.Expectations.Select(e => e.Configuration.Column).OfType<string>().Distinct().ToList();
        Row("read only (suite's columns)", () => DqRunner.ReadOnly(workload, columns));
        Row("read only (all columns)", () => DqRunner.ReadOnly(workload, null));
        Row("dq validate file, all cores", () => DqRunner.ValidateFile(workload, suite));
        Row("dq validate file, 1 thread", () => DqRunner.ValidateFile(workload, suite, threads: 1));

        var loaded = DqRunner.Load(workload);
        Row("dq in memory, 1 thread", () => DqRunner.ValidateLoaded(loaded, suite, 1));
        Row("dq in memory, 2 threads", () => DqRunner.ValidateLoaded(loaded, suite, 2));
        foreach (var expectation in suite.Expectations)
        {
            var single = new ExpectationSuite("one", [expectation]);
            Row($"  in memory, 1 thread: {expectation.Configuration.Type} {Column(expectation)}", () => DqRunner.ValidateLoaded(loaded, single, 1));
        }

        using var duck = DuckDbRunner.Open();
        Row("DuckDB over the file", () => DuckDbRunner.Query(duck, workload.FileSql));
        DuckDbRunner.Execute(duck, $"CREATE TABLE t AS SELECT * FROM {workload.FileSource}");
        Row("DuckDB in-memory table", () => DuckDbRunner.Query(duck, workload.MemorySql));
        DuckDbRunner.Execute(duck, "SET threads = 1");
        Row("DuckDB in-memory table, 1 thread", () => DuckDbRunner.Query(duck, workload.MemorySql));

        Console.WriteLine("\ndq results (in memory):");
        foreach (var line in DqRunner.Summary(DqRunner.ValidateLoaded(loaded, suite)))
        {
            Console.WriteLine("  " + line);
        }
        Console.WriteLine("DuckDB results:");
        DuckDbRunner.Print(duck, workload.MemorySql);

        void Row(string stage, Action action)
        {
            var best = double.MaxValue;
            for (var i = 0; i < repeats; i++)
            {
                GC.Collect();
                var watch = Stopwatch.StartNew();
                action();
                best = Math.Min(best, watch.Elapsed.TotalSeconds);
            }
            Console.WriteLine($"| {stage} | {best:F3} |");
        }
    }

    private static string Column(Dq.Expectations.Catalog.Expectation e) => e.Configuration.Column ?? "";
}
