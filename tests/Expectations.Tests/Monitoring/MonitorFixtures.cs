using Apache.Arrow;
using Dq.Expectations.Baselines;
using Dq.Expectations.Columns;
using Dq.Expectations.Monitoring;
using Dq.Expectations.Profiling;

namespace Dq.Expectations.Tests.Monitoring;

/// <summary>Baselines learned from batches, through the files (written and read back), as the CLI does.</summary>
internal static class MonitorFixtures
{
    public static Baseline Learn(RecordBatch batch, Func<BaselineConstraints, BaselineConstraints>? edit = null)
    {
        var profile = Profiler.Profile(batch);
        var statistics = StatisticsJson.Read(StatisticsJson.Write(BaselineStatistics.FromProfile(profile)), "statistics.json");
        var constraints = BaselineConstraints.FromProfile(profile);
        constraints = edit?.Invoke(constraints) ?? constraints;
        return new Baseline(statistics, ConstraintsJson.Read(ConstraintsJson.Write(constraints), "constraints.json"));
    }

    public static MonitorReport Monitor(Baseline baseline, RecordBatch batch, MonitorOptions? options = null)
    {
        using var source = new RecordBatchSource(batch);
        return BaselineMonitor.Monitor(source, baseline, options);
    }

    /// <summary>Text of each category repeated by its count, shuffled so row order never matters.</summary>
    public static string?[] Categories(params (string Value, int Count)[] counts)
    {
        var values = counts.SelectMany(c => Enumerable.Repeat<string?>(c.Value, c.Count)).ToArray();
        new Random(3).Shuffle(values);
        return values;
    }

    /// <summary>Standard normal draws (Box–Muller) scaled to the mean and deviation.</summary>
    public static double[] Normal(Random random, int count, double mean, double deviation) =>
        [.. Enumerable.Range(0, count).Select(_ =>
            mean + (deviation * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble())))];
}
