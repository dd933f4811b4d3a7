using System.Text.Json;
using System.Text.Json.Nodes;
using Apache.Arrow;
using Dq.Expectations.Baselines;
using Dq.Expectations.Columns;
using Dq.Expectations.Monitoring;
using Dq.Expectations.Profiling;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;
using static Dq.Expectations.Tests.Monitoring.MonitorFixtures;

namespace Dq.Expectations.Tests.Monitoring;

/// <summary><c>expect_column_distribution_to_match_baseline</c> in an ordinary suite, against baselines written to a folder.</summary>
public sealed class DriftExpectationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dq-drift-exp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static RecordBatch Data(int rows, int seed, double shift = 0, bool newStatus = false)
    {
        var random = new Random(seed);
        var x = Normal(random, rows, 10 + shift, 2).Select(v => (double?)v);
        var group = Enumerable.Range(0, rows).Select(i => (string?)(i % 2 == 0 ? "even" : "odd"));
        var status = Enumerable.Range(0, rows).Select(i => (string?)(newStatus && i % 3 == 0 ? "lost" : i % 4 == 0 ? "b" : "a"));
        return Arrays.Batch(("x", Arrays.Double(x)), ("group", Arrays.String(group)), ("status", Arrays.String(status)));
    }

    private string WriteBaseline(RecordBatch batch)
    {
        var profile = Profiler.Profile(batch);
        File.WriteAllText(Path.Combine(_folder, Baseline.StatisticsFile), StatisticsJson.Write(BaselineStatistics.FromProfile(profile)));
        File.WriteAllText(Path.Combine(_folder, Baseline.ConstraintsFile), ConstraintsJson.Write(BaselineConstraints.FromProfile(profile)));
        return _folder;
    }

    private static ExpectationSuite Suite(string kwargs) =>
        SuiteJson.Parse($$$"""{"name": "drift", "expectations": [{"type": "expect_column_distribution_to_match_baseline", "kwargs": { {{{kwargs}}} } }]}""");

    private static JsonNode Run(RecordBatch batch, string kwargs)
    {
        var result = Validator.Validate(batch, Suite(kwargs), new ValidationOptions { Threads = 1 });
        return ValidationResultJson.ToNode(result)["results"]![0]!;
    }

    private string Kwargs(string column, string more = "") =>
        $"\"column\": \"{column}\", \"baseline\": {JsonSerializer.Serialize(WriteBaselineOnce())}{more}";

    private string? _baseline;

    private string WriteBaselineOnce() => _baseline ??= WriteBaseline(Data(5_000, 1));

    [Fact]
    public void SameDistribution_Passes_ShiftFails_WithTheMonitorsStatistic()
    {
        var kwargs = Kwargs("x");
        var same = Run(Data(4_000, 2), kwargs);
        var shifted = Run(Data(4_000, 2, shift: 1), kwargs);

        Assert.True(same["success"]!.GetValue<bool>(), same.ToJsonString());
        Assert.False(shifted["success"]!.GetValue<bool>());
        var details = shifted["result"]!["details"]!;
        Assert.Equal(DriftMethods.WassersteinNormed, details["method"]!.GetValue<string>());
        // Independent reading: the monitor on the same baseline and batch gives the same deciding statistic.
        using var source = new RecordBatchSource(Data(4_000, 2, shift: 1));
        var report = BaselineMonitor.Monitor(source, Baseline.Load(_folder), cancellationToken: TestContext.Current.CancellationToken);
        var expected = report.Drift.Features.Single(f => f.Name == "x").DecidingTest!.Statistic;
        Assert.Equal(expected, shifted["result"]!["observed_value"]!.GetValue<double>(), 12);
        Assert.Equal(0.5, expected, 1); // a shift of half the baseline's deviation
    }

    [Fact]
    public void CategoricalWithUserMethod_ObservedValueIsThePValue()
    {
        var result = Run(Data(4_000, 2, newStatus: true), Kwargs("status", ", \"method\": \"chi_squared\""));
        Assert.False(result["success"]!.GetValue<bool>());
        Assert.Equal("user", result["result"]!["details"]!["chosen_by"]!.GetValue<string>());
        Assert.Equal(0.0, result["result"]!["observed_value"]!.GetValue<double>(), 12);
    }

    [Fact]
    public void RowCondition_ComparesOnlyThoseRows()
    {
        // Only the odd rows are shifted: all rows drift, the even rows do not.
        var batch = Data(4_000, 2);
        var x = (DoubleArray)batch.Column(0);
        var shifted = Arrays.Double(Enumerable.Range(0, x.Length).Select(i => (double?)(x.GetValue(i)!.Value + (i % 2 == 1 ? 3 : 0))));
        var mixed = Arrays.Batch(("x", shifted), ("group", batch.Column(1)), ("status", batch.Column(2)));

        Assert.False(Run(mixed, Kwargs("x"))["success"]!.GetValue<bool>());
        Assert.True(Run(mixed, Kwargs("x", ", \"row_condition\": \"group == 'even'\""))["success"]!.GetValue<bool>());
    }

    [Fact]
    public void NumbersNowText_IsAnErrorNotAPass()
    {
        var text = Arrays.Batch(("x", Arrays.String(["1", "2", "x"])));
        var result = Run(text, Kwargs("x"));
        Assert.False(result["success"]!.GetValue<bool>());
        Assert.True(result["exception_info"]!["raised_exception"]!.GetValue<bool>());
    }

    [Fact]
    public void BadKwargs_AreConfigurationErrors()
    {
        var missing = Assert.Throws<ConfigurationException>(() => Suite($"\"column\": \"x\", \"baseline\": {JsonSerializer.Serialize(Path.Combine(_folder, "none"))}"));
        Assert.Contains("baseline", missing.Message, StringComparison.Ordinal);
        var unknownColumn = Assert.Throws<ConfigurationException>(() => Suite(Kwargs("y")));
        Assert.Contains("is not in the baseline", unknownColumn.Message, StringComparison.Ordinal);
        var method = Assert.Throws<ConfigurationException>(() => Suite(Kwargs("x", ", \"method\": \"kss\"")));
        Assert.Contains("Did you mean `ks`?", method.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SuiteBuilder_WritesTheSameExpectation()
    {
        var folder = WriteBaselineOnce();
        var suite = new SuiteBuilder("drift").ExpectColumnDistributionToMatchBaseline("x", folder, DriftMethods.Psi, 0.2).Build();
        var result = Validator.Validate(Data(4_000, 2), suite);
        Assert.True(result.Success);
        Assert.Equal(DriftMethods.Psi, ValidationResultJson.ToNode(result)["results"]![0]!["result"]!["details"]!["method"]!.GetValue<string>());
    }
}
