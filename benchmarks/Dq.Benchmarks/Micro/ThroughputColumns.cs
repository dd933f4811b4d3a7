using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Dq.Benchmarks.Micro;

/// <summary>Bytes of input each row of a micro benchmark reads: values plus validity and offsets.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BytesPerRowAttribute(double bytes) : Attribute
{
    /// <summary>The bytes per row.</summary>
    public double Bytes { get; } = bytes;
}

/// <summary>rows/s or GB/s of a benchmark with a <c>Rows</c> parameter (as Sep's comparison columns do).</summary>
public sealed class ThroughputColumn(bool bytes) : IColumn
{
    /// <inheritdoc/>
    public string Id => bytes ? "GBps" : "Rowsps";

    /// <inheritdoc/>
    public string ColumnName => bytes ? "GB/s" : "Mrows/s";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Statistics;

    /// <inheritdoc/>
    public int PriorityInCategory => 10;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend => bytes ? "Input bytes read per second (1e9)" : "Rows per second (1e6)";

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } stats || benchmarkCase.Parameters["Rows"] is not int rows)
        {
            return "-";
        }
        var seconds = stats.Mean / 1e9;
        if (!bytes)
        {
            return (rows / seconds / 1e6).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }
        var perRow = benchmarkCase.Descriptor.Type.GetCustomAttributes(typeof(BytesPerRowAttribute), false).OfType<BytesPerRowAttribute>().FirstOrDefault()?.Bytes ?? 8;
        return (rows * perRow / seconds / 1e9).ToString("F2", System.Globalization.CultureInfo.InvariantCulture);
    }
}

/// <summary>The micro benchmarks' config: memory diagnoser, throughput columns, a short job.</summary>
public sealed class MicroConfig : ManualConfig
{
    /// <summary>Creates the config.</summary>
    public MicroConfig()
    {
        // In process: no per-run project build, which takes minutes on this shared 2-core machine.
        AddJob(Job.Default.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(8).WithLaunchCount(1));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumn(new ThroughputColumn(bytes: false), new ThroughputColumn(bytes: true), BaselineRatioColumn.RatioMean);
    }
}
