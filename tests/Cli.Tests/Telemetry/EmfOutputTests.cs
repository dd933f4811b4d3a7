using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dq.Cli.Tests.Telemetry;

/// <summary><c>--metrics-emf</c>, <c>--metrics-namespace</c> and the checkpoint action <c>emit_metrics</c>, end to end.</summary>
public sealed class EmfOutputTests : TempFolderTest
{
    private static readonly string s_orders = Repository.PathOf("samples", "orders", "orders.csv");
    private static readonly string s_ordersSuite = Repository.PathOf("samples", "orders", "orders.suite.json");

    [Fact]
    public void Validate_AppendsLinesWhoseValuesAreTheResultJsons()
    {
        var metrics = Path.Combine(Folder, "metrics", "dq.jsonl");
        var resultPath = Path.Combine(Folder, "result.json");

        var (code, output, error) = DqRunner.Run("validate", s_orders, "--suite", s_ordersSuite, "--store", "none", "--output", resultPath, "--metrics-emf", metrics);

        Assert.True(code == ExitCodes.ExpectationFailed, output + error);
        Assert.Contains("dq: appended 7 EMF lines to", output, StringComparison.Ordinal);
        // The result JSON, read on its own: GX's statistics, meta and per-expectation results.
        var result = JsonNode.Parse(File.ReadAllText(resultPath))!;
        var meta = result["meta"]!;
        var lines = File.ReadAllLines(metrics).Select(Parse).ToList();
        var run = lines[0];
        Assert.Equal("dq", Namespace(run));
        Assert.Equal(["Suite", "DataAsset"], Dimensions(run));
        Assert.Equal(result["suite_name"]!.GetValue<string>(), run.GetProperty("Suite").GetString());
        Assert.Equal(meta["data_asset"]!.GetValue<string>(), run.GetProperty("DataAsset").GetString());
        Assert.Equal(DateTimeOffset.Parse(meta["run_time"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeMilliseconds(),
            run.GetProperty("_aws").GetProperty("Timestamp").GetInt64());
        Assert.Equal(result["success"]!.GetValue<bool>() ? 1 : 0, run.GetProperty("dq.validation.success").GetDouble());
        Assert.Equal(result["statistics"]!["evaluated_expectations"]!.GetValue<int>(), run.GetProperty("dq.expectations.evaluated").GetDouble());
        Assert.Equal(result["statistics"]!["unsuccessful_expectations"]!.GetValue<int>(), run.GetProperty("dq.expectations.failed").GetDouble());
        Assert.Equal(meta["row_count"]!.GetValue<long>(), run.GetProperty("dq.rows").GetDouble());
        Assert.Equal(meta["duration_seconds"]!.GetValue<double>(), run.GetProperty("dq.validation.duration").GetDouble(), 5);

        // One line per expectation type and column with an unexpected percent, in suite order, values as in the result.
        var expected = result["results"]!.AsArray()
            .Where(r => r!["result"]!["unexpected_percent"] is not null)
            .GroupBy(r => (Type: r!["expectation_config"]!["type"]!.GetValue<string>(), Column: r!["expectation_config"]!["kwargs"]!["column"]?.GetValue<string>()))
            .Select(g => (g.Key.Type, g.Key.Column, Values: g.Select(r => r!["result"]!["unexpected_percent"]!.GetValue<double>()).ToList()))
            .ToList();
        Assert.Equal(expected.Count, lines.Count - 1);
        foreach (var ((type, column, values), line) in expected.Zip(lines.Skip(1)))
        {
            Assert.Equal(["Suite", "DataAsset", "Expectation", "Column"], Dimensions(line));
            Assert.Equal(type, line.GetProperty("Expectation").GetString());
            Assert.Equal(column, line.GetProperty("Column").GetString());
            Assert.Equal("Percent", line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics")[0].GetProperty("Unit").GetString());
            Assert.Equal(values, Values(line.GetProperty("dq.expectation.unexpected_percent")));
        }
    }

    [Fact]
    public void SecondRun_AppendsAfterTheFirst_WithTheGivenNamespace()
    {
        var metrics = Path.Combine(Folder, "dq.jsonl");
        DqRunner.Run("validate", s_orders, "--suite", s_ordersSuite, "--store", "none", "--metrics-emf", metrics);

        DqRunner.Run("validate", s_orders, "--suite", s_ordersSuite, "--store", "none", "--metrics-emf", metrics, "--metrics-namespace", "data-quality/orders");

        var lines = File.ReadAllLines(metrics).Select(Parse).ToList();
        Assert.Equal(14, lines.Count);
        Assert.Equal(Enumerable.Repeat("dq", 7).Concat(Enumerable.Repeat("data-quality/orders", 7)), lines.Select(Namespace));
    }

    [Fact]
    public void Dash_WritesTheLinesToStdout_AndTheSummaryToStderr()
    {
        var (code, output, error) = DqRunner.Run("validate", s_orders, "--suite", s_ordersSuite, "--store", "none", "--metrics-emf", "-");

        Assert.Equal(ExitCodes.ExpectationFailed, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length);
        Assert.All(lines, l => Assert.Equal("dq", Namespace(Parse(l))));
        Assert.Contains("FAILED: 4 of 8 expectations met.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckpointAction_AppendsOneRunPerValidation()
    {
        var root = InitProject();
        File.Copy(Path.Combine(root, "data", "orders.csv"), Path.Combine(root, "data", "orders_2.csv"));
        var checkpoint = Write(Path.Combine(root, "checkpoints", "metrics.yml"), """
            validations:
              - data: ../data/orders*.csv
                csv: { null_tokens: [NA] }
                suite: ../suites/orders.suite.json
            actions:
              - emit_metrics:
                  emf: ../reports/metrics.jsonl
                  namespace: dq/checkpoints
            """);

        var (code, output, error) = DqRunner.Run("validate", "--checkpoint", checkpoint);

        Assert.True(code == ExitCodes.Success, output + error);
        var runs = File.ReadAllLines(Path.Combine(root, "reports", "metrics.jsonl")).Select(Parse)
            .Where(l => l.TryGetProperty("dq.validation.success", out _)).ToList();
        Assert.Equal(["data/orders.csv", "data/orders_2.csv"], runs.Select(r => r.GetProperty("DataAsset").GetString()));
        Assert.All(runs, r => Assert.Equal("dq/checkpoints", Namespace(r)));
    }

    [Theory]
    [InlineData("- emit_metrics: ../reports/metrics.jsonl", "the action `emit_metrics` takes a mapping with the EMF file")]
    [InlineData("- emit_metrics: { emf: m.jsonl, namspace: dq }", "unknown key `namspace` in `emit_metrics`. Did you mean `namespace`?")]
    [InlineData("- emit_metrics: { namespace: dq }", "`emit_metrics` has no `emf`; add it.")]
    [InlineData("- emit_metrics: { emf: m.jsonl, namespace: data quality }", "`namespace` of `emit_metrics` is `data quality`, not a CloudWatch namespace")]
    public void BadCheckpointAction_IsAConfigurationError(string action, string message)
    {
        var checkpoint = Write("bad.yml", $"""
            validations:
              - data: {s_orders}
                suite: {s_ordersSuite}
            actions:
              {action}
            """);

        var (code, _, error) = DqRunner.Run("validate", "--checkpoint", checkpoint);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.Contains("bad.yml:5:", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--metrics-namespace", "dq" }, "--metrics-namespace sets the namespace of --metrics-emf")]
    [InlineData(new[] { "--metrics-emf", "m.jsonl", "--metrics-namespace", "bad namespace" }, "--metrics-namespace `bad namespace` is not a CloudWatch namespace")]
    [InlineData(new[] { "--metrics-emf", "-", "--output", "-" }, "--output - and --metrics-emf - would both write to stdout")]
    public void BadOptions_ExitTwoWithTheReason(string[] options, string message)
    {
        var (code, _, error) = DqRunner.Run(["validate", s_orders, "--suite", s_ordersSuite, "--store", "none", .. options]);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnwritableFile_WarnsAndKeepsTheExitCode()
    {
        var blocker = Write("not-a-folder", "a file where the metrics folder should be");

        var (code, _, error) = DqRunner.Run("validate", s_orders, "--suite", s_ordersSuite, "--store", "none", "--metrics-emf", Path.Combine(blocker, "dq.jsonl"));

        Assert.Equal(ExitCodes.ExpectationFailed, code);
        Assert.Contains("dq: warning: could not append metrics to", error, StringComparison.Ordinal);
        Assert.Contains("the exit code is not affected.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static JsonElement Parse(string line) => JsonDocument.Parse(line).RootElement.Clone();

    private static string Namespace(JsonElement line) =>
        line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Namespace").GetString()!;

    private static List<string> Dimensions(JsonElement line) =>
        [.. line.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Dimensions")[0].EnumerateArray().Select(d => d.GetString()!)];

    private static List<double> Values(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetDouble())] : [value.GetDouble()];
}
