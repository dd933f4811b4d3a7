using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;

namespace Dq.Benchmarks.EndToEnd;

/// <summary>
/// Runs of seconds each: one warm-up and a few measured runs (Monitoring: no pilot, no unrolling), grouped by
/// category so each category's baseline (DuckDB) gives the dq/DuckDB ratio.
/// </summary>
public sealed class EndToEndConfig : ManualConfig
{
    /// <summary>Creates the config; DQ_E2E_ITERATIONS overrides the measured runs.</summary>
    public EndToEndConfig()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("DQ_E2E_ITERATIONS"), out var n) ? n : 3;
        // In process: no per-run project build, which takes minutes on this shared 2-core machine.
        AddJob(Job.Default.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance).WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(iterations));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(BaselineRatioColumn.RatioMean, CategoriesColumn.Default);
        AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams);
    }
}
