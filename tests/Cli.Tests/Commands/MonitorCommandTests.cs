using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Dq.Cli.Tests.Commands;

/// <summary><c>dq monitor</c> end to end: exit codes, SageMaker's violations file, drift.json, the drift page and bad input.</summary>
public sealed class MonitorCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dq-monitor-").FullName;
    private static readonly string s_orders = Repository.PathOf("samples", "orders", "orders.csv");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_folder, name);

    private string Baseline()
    {
        var folder = Path("baseline");
        var (code, _, stderr) = DqRunner.Run("profile", s_orders, "--out", folder, "--quiet");
        Assert.True(code == ExitCodes.Success, stderr);
        return folder;
    }

    /// <summary>The sample with every amount multiplied and a fifth of the statuses replaced by a new value.</summary>
    private string Drifted()
    {
        var lines = File.ReadAllLines(s_orders);
        var builder = new StringBuilder(lines[0]).Append('\n');
        foreach (var (line, i) in lines.Skip(1).Where(l => l.Length > 0).Select((l, i) => (l, i)))
        {
            var cells = line.Split(',');
            cells[2] = (double.Parse(cells[2], CultureInfo.InvariantCulture) * 3).ToString(CultureInfo.InvariantCulture);
            if (i % 5 == 0)
            {
                cells[3] = "lost";
            }
            builder.Append(string.Join(',', cells)).Append('\n');
        }
        File.WriteAllText(Path("drifted.csv"), builder.ToString());
        return Path("drifted.csv");
    }

    [Fact]
    public void SameData_ExitsZero_WithEmptyViolations()
    {
        var baseline = Baseline();
        var (code, stdout, stderr) = DqRunner.Run("monitor", s_orders, "--baseline", baseline, "--output", Path("v.json"), "--report", Path("drift.json"));

        Assert.True(code == ExitCodes.Success, stderr + stdout);
        Assert.Empty(JsonNode.Parse(File.ReadAllText(Path("v.json")))!["violations"]!.AsArray());
        var drift = JsonNode.Parse(File.ReadAllText(Path("drift.json")))!;
        Assert.False(drift["dataset_drift"]!.GetValue<bool>());
        Assert.All(drift["features"]!.AsArray(), f => Assert.False(f!["drift_detected"]!.GetValue<bool>()));
        Assert.Contains("no violations", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void DriftedData_ExitsOne_WithSageMakersViolations_AndADriftPage()
    {
        var baseline = Baseline();
        var (code, stdout, stderr) = DqRunner.Run("monitor", Drifted(), "--baseline", baseline, "--output", Path("v.json"), "--report", Path("drift.json"), "--docs", Path("site"));

        Assert.True(code == ExitCodes.ExpectationFailed, stderr + stdout);
        var violations = JsonNode.Parse(File.ReadAllText(Path("v.json")))!["violations"]!.AsArray()
            .Select(v => (Feature: v!["feature_name"]!.GetValue<string>(), Check: v["constraint_check_type"]!.GetValue<string>(), Description: v["description"]!.GetValue<string>()))
            .ToList();
        Assert.Contains(violations, v => v.Feature == "amount" && v.Check == "baseline_drift_check" && v.Description.StartsWith("Numerical distance: ", StringComparison.Ordinal));
        // 40 of 200 statuses are the new value: 20% outside the domain, above the 10% allowed.
        Assert.Contains(violations, v => v.Feature == "status" && v.Check == "categorical_values_check" && v.Description.Contains("20.0% (40 of 200 values)", StringComparison.Ordinal));

        var drift = JsonNode.Parse(File.ReadAllText(Path("drift.json")))!;
        var amount = drift["features"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "amount")!;
        Assert.True(amount["drift_detected"]!.GetValue<bool>());
        Assert.Equal("numeric", amount["kind"]!.GetValue<string>());
        Assert.Equal("auto", amount["chosen_by"]!.GetValue<string>());
        var deciding = amount["tests"]!.AsArray().Single(t => t!["deciding"] is not null)!;
        Assert.Equal(amount["method"]!.GetValue<string>(), deciding["method"]!.GetValue<string>());

        var page = Assert.Single(Directory.GetFiles(System.IO.Path.Combine(Path("site"), "drift"), "*.html"));
        var html = File.ReadAllText(page);
        Assert.Contains("<svg class=\"hist\"", html, StringComparison.Ordinal);
        Assert.True(html.IndexOf("categorical_values_check", StringComparison.Ordinal) < html.IndexOf("<h2>Columns</h2>", StringComparison.Ordinal), "violations come first");
    }

    [Fact]
    public void Overrides_RelaxTheGate()
    {
        var baseline = Baseline();
        var (code, stdout, stderr) = DqRunner.Run("monitor", Drifted(), "--baseline", baseline,
            "--domain-threshold", "0.5", "--feature-override", "amount:comparison_threshold=1", "--quiet");
        Assert.True(code == ExitCodes.Success, stderr + stdout);
    }

    [Fact]
    public void MissingBaselineFile_ExitsTwo_NamingIt()
    {
        var baseline = Baseline();
        File.Delete(System.IO.Path.Combine(baseline, "constraints.json"));
        var (code, _, stderr) = DqRunner.Run("monitor", s_orders, "--baseline", baseline);
        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("has no constraints.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void StatisticsNotInSageMakersShape_ExitsTwo_NamingTheFileAndField()
    {
        var baseline = Baseline();
        var statistics = System.IO.Path.Combine(baseline, "statistics.json");
        var node = JsonNode.Parse(File.ReadAllText(statistics))!;
        node["dataset"]!.AsObject().Remove("item_count");
        File.WriteAllText(statistics, node.ToJsonString());
        var (code, _, stderr) = DqRunner.Run("monitor", s_orders, "--baseline", baseline);
        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("statistics.json", stderr, StringComparison.Ordinal);
        Assert.Contains("item_count", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnreadableData_ExitsThree_AndWritesNothing()
    {
        var baseline = Baseline();
        var (code, _, stderr) = DqRunner.Run("monitor", Path("absent.csv"), "--baseline", baseline, "--output", Path("v.json"));
        Assert.Equal(ExitCodes.DataUnreadable, code);
        Assert.False(File.Exists(Path("v.json")), stderr);
    }

    [Theory]
    [InlineData("--feature-override", "amount:comparison_treshold=0.2", "Did you mean `comparison_threshold`?")]
    [InlineData("--feature-override", "amount=0.2", "column:key=value")]
    [InlineData("--drift-method", "wasserstien_normed", "Did you mean `wasserstein_normed`?")]
    [InlineData("--comparison-threshold", "1.5", "between 0 and 1")]
    [InlineData("--comparison-method", "Median", "Simple or Robust")]
    public void BadOverrides_ExitTwo_WithHelp(string option, string value, string message)
    {
        var baseline = Baseline();
        var (code, _, stderr) = DqRunner.Run("monitor", s_orders, "--baseline", baseline, option, value);
        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MetricsEmf_AppendsOneRunLine_WithTheViolationCount()
    {
        var baseline = Baseline();
        var emf = Path("metrics.jsonl");
        var (code, _, stderr) = DqRunner.Run("monitor", Drifted(), "--baseline", baseline, "--output", Path("v.json"), "--metrics-emf", emf, "--quiet");

        Assert.True(code == ExitCodes.ExpectationFailed, stderr);
        var violations = JsonNode.Parse(File.ReadAllText(Path("v.json")))!["violations"]!.AsArray().Count;
        var line = JsonNode.Parse(Assert.Single(File.ReadAllLines(emf)))!;
        Assert.Equal("baseline.baseline", line["Suite"]!.GetValue<string>());
        Assert.Equal(violations, line["dq.expectations.failed"]!.GetValue<double>());
        Assert.Equal(0, line["dq.validation.success"]!.GetValue<double>());
        Assert.Equal(200, line["dq.rows"]!.GetValue<double>());
    }
}
