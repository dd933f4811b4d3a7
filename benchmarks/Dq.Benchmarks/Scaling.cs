using System.Diagnostics;
using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;
using Dq.Expectations.Suites;

namespace Dq.Benchmarks;

/// <summary>
/// 1 vs 2 thread timings of a workload's suite, and of its uniqueness check alone, over batches already in memory:
/// the runs alternate (1, 2, 2, 1, ...) so that a neighbour's load falls on both, and each figure is given as min
/// and median of the repetitions, with the 1 → 2 thread ratio of the medians.
/// </summary>
/// <remarks>
/// Stages gives best-of-N for every stage; this isolates the two figures the shared integer table decides, with
/// enough repetitions to see through a noisy two-core machine.
/// </remarks>
public static class Scaling
{
    /// <summary>
    /// Usage: scaling WORKLOAD [repeats] [suite|unique|both]; WORKLOAD "ids" is 10M int64 order ids (0.1% repeated)
    /// made in memory, in batches of 128K rows, checked for uniqueness: the table alone, without the file's load.
    /// </summary>
    public static void Run(string[] args)
    {
        var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 7;
        var which = args.Length > 2 ? args[2] : "both";
        var (name, suite, loaded) = args[0] == "ids" ? Ids() : Load(Workloads.Get(args[0]));
        var unique = new ExpectationSuite("unique", [.. suite.Expectations.Where(e => e.Configuration.Type == "expect_column_values_to_be_unique")]);

        var cases = new List<(string Name, ExpectationSuite Suite)>();
        if (which is "suite" or "both")
        {
            cases.Add(("suite", suite));
        }
        if (which is "unique" or "both")
        {
            cases.Add(("unique", unique));
        }
        foreach (var (label, s) in cases)
        {
            // One untimed run per thread count: JIT and the first growth of the process heap are not the table's cost.
            DqRunner.ValidateLoaded(loaded, s, 1);
            DqRunner.ValidateLoaded(loaded, s, 2);
            var one = new List<double>();
            var two = new List<double>();
            var faults = new List<long>[] { [], [] };
            var cpu = new List<double>[] { [], [] };
            for (var i = 0; i < repeats; i++)
            {
                // Alternate which thread count goes first, so a drift in load does not favour either.
                foreach (var threads in i % 2 == 0 ? new[] { 1, 2 } : [2, 1])
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var before = MinorFaults();
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var watch = Stopwatch.StartNew();
                    DqRunner.ValidateLoaded(loaded, s, threads);
                    (threads == 1 ? one : two).Add(watch.Elapsed.TotalSeconds);
                    faults[threads - 1].Add(MinorFaults() - before);
                    cpu[threads - 1].Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
                }
            }
            var (min1, med1) = Figures(one);
            var (min2, med2) = Figures(two);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name} {label}: 1 thread min {min1:F3} median {med1:F3} | 2 threads min {min2:F3} median {med2:F3} | ratio of medians {med1 / med2:F2}, of mins {min1 / min2:F2}"));
            Console.WriteLine("  1 thread:  " + string.Join(" ", one.Select(t => t.ToString("F3", CultureInfo.InvariantCulture))));
            Console.WriteLine("  2 threads: " + string.Join(" ", two.Select(t => t.ToString("F3", CultureInfo.InvariantCulture))));
            Console.WriteLine($"  minor page faults, median: 1 thread {faults[0].Order().ElementAt(repeats / 2)}, 2 threads {faults[1].Order().ElementAt(repeats / 2)}");
            // CPU time is the work done whatever the neighbours' load: a 2-thread run that costs more CPU than a 1-thread one contends.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  process CPU seconds, median: 1 thread {Figures(cpu[0]).Median:F3}, 2 threads {Figures(cpu[1]).Median:F3}"));
        }
    }

    private static (string Name, ExpectationSuite Suite, RecordBatchSource Loaded) Load(Workload workload) =>
        (workload.Name, DqRunner.Suite(workload), DqRunner.Load(workload));

    /// <summary>The ids of <see cref="Micro.DuplicateInt64Benchmarks"/>, as batches in memory.</summary>
    private static (string Name, ExpectationSuite Suite, RecordBatchSource Loaded) Ids()
    {
        const int Rows = 10_000_000, BatchRows = 1 << 17;
        var schema = new Schema([new Field("id", Int64Type.Default, false)], null);
        var batches = Micro.ColumnData.OrderIds(Rows, BatchRows).Select(ids => new RecordBatch(schema, [ids], ids.Length)).ToList();
        var suite = ExpectationSuite.Create("ids").ExpectColumnValuesToBeUnique("id").Build();
        return ("ids", suite, new RecordBatchSource(schema, batches, "ids"));
    }

    /// <summary>The process's minor page faults so far (Linux; 0 elsewhere): first touches of fresh memory.</summary>
    private static long MinorFaults()
    {
        if (!OperatingSystem.IsLinux())
        {
            return 0;
        }
        // Field 10 of /proc/self/stat, counted after the command name, which is in parentheses and may hold spaces.
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[7], CultureInfo.InvariantCulture);
    }

    private static (double Min, double Median) Figures(List<double> times)
    {
        var sorted = times.Order().ToList();
        var middle = sorted.Count / 2;
        return (sorted[0], sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2);
    }
}
