using System.Diagnostics;
using System.Globalization;

namespace Dq.Benchmarks.ModelQuality;

/// <summary>
/// The cases of <see cref="ModelQualityBenchmarks"/> timed with a Stopwatch and the process's CPU time, best of N,
/// with 1 and 2 threads. On a shared two-core machine wall time swings with the neighbours' load; the CPU time of a
/// one-thread run is the work itself.
/// </summary>
public static class ModelQualityTimings
{
    /// <summary>Usage: model-quality [repeats]; DQ_MODEL_ROWS sets the rows (default 10M), DQ_MODEL_CASES the cases (comma-separated).</summary>
    public static void Run(string[] args)
    {
        var repeats = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var benchmarks = new ModelQualityBenchmarks();
        var setup = Stopwatch.StartNew();
        benchmarks.Setup();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ModelQualityBenchmarks.Rows:N0} predictions generated in {setup.Elapsed.TotalSeconds:F1} s"));
        string[] cases = ["ScanFloor", "Accuracy", "Auc", "Rmse", "StatisticsBinary", "StatisticsRegression"];
        var only = Environment.GetEnvironmentVariable("DQ_MODEL_CASES")?.Split(',');
        foreach (var name in cases.Where(c => only is null || only.Contains(c)))
        {
            bool run(int threads) => benchmarks.Case(name, threads);
            foreach (var threads in new[] { 1, 2 })
            {
                run(threads); // warm-up: JIT and the heap's first growth
                double bestWall = double.MaxValue, bestCpu = double.MaxValue;
                for (var i = 0; i < repeats; i++)
                {
                    GC.Collect();
                    GC.WaitForPendingFinalizers();
                    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
                    var wall = Stopwatch.StartNew();
                    run(threads);
                    bestWall = Math.Min(bestWall, wall.Elapsed.TotalSeconds);
                    bestCpu = Math.Min(bestCpu, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
                }
                var rate = ModelQualityBenchmarks.Rows / bestWall / 1e6;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-22} {threads} thread{(threads == 1 ? " " : "s")}: wall {bestWall,7:F3} s ({rate,6:F1} M rows/s), CPU {bestCpu,7:F3} s (best of {repeats})"));
            }
        }
        benchmarks.Cleanup();
    }
}
