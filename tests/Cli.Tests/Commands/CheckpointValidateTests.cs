using System.Text.Json.Nodes;
using System.Xml.Linq;
using Dq.Cli.Store;

namespace Dq.Cli.Tests.Commands;

public sealed class CheckpointValidateTests : TempFolderTest
{
    private static readonly string s_orders = Repository.PathOf("samples", "orders", "orders.csv");

    private string Checkpoint(string root, string yaml) => Write(Path.Combine(root, "checkpoints", "test.yml"), yaml);

    [Fact]
    public void InitThenCheckpoint_PassesWithTheWarnReportedAndWritesEveryOutput()
    {
        var root = InitProject();

        var (code, output, error) = DqRunner.Run("validate", "--checkpoint", Path.Combine(root, "checkpoints", "orders.yml"));

        Assert.True(code == ExitCodes.Success, output + error);
        Assert.Contains("WARN", output, StringComparison.Ordinal);
        Assert.Contains("Checkpoint `orders` PASSED: 1 of 1 validation passed; 1 warn-severity expectation failed (reported only). Exit code 0.", output, StringComparison.Ordinal);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "reports", "orders.result.json")))!;
        Assert.Equal("orders", json["checkpoint"]!.GetValue<string>());
        Assert.Equal("data/orders.csv", json["results"]![0]!["meta"]!["data_asset"]!.GetValue<string>());
        var junit = XDocument.Load(Path.Combine(root, "reports", "orders.junit.xml"));
        Assert.Equal("1", junit.Root!.Attribute("skipped")!.Value);
        using var store = ValidationStore.Open(Path.Combine(root, ".dq", "store.db"), create: false);
        Assert.Equal(1, store.Count());
    }

    [Fact]
    public void ErrorSeverityFailure_ExitsOneAndStillStoresAndReports()
    {
        var root = InitProject();
        File.AppendAllText(Path.Combine(root, "data", "orders.csv"), "1013,C0001,-5.00,placed,2024-08-01\n");

        var (code, output, _) = DqRunner.Run("validate", "--checkpoint", Path.Combine(root, "checkpoints", "orders.yml"));

        Assert.Equal(ExitCodes.ExpectationFailed, code);
        Assert.Contains("failed: orders on data/orders.csv", output, StringComparison.Ordinal);
        var junit = XDocument.Load(Path.Combine(root, "reports", "orders.junit.xml"));
        Assert.Equal("1", junit.Root!.Attribute("failures")!.Value);
        using var store = ValidationStore.Open(Path.Combine(root, ".dq", "store.db"), create: false);
        Assert.False(store.List(null, 10).Single().Success);
    }

    [Theory]
    [InlineData("warn", ExitCodes.ExpectationFailed)]
    [InlineData("never", ExitCodes.Success)]
    [InlineData("error", ExitCodes.Success)]
    public void GatePolicy_DecidesWhetherAWarnFailureFails(string failOn, int expected)
    {
        var root = InitProject();
        var checkpoint = Checkpoint(root, $$"""
            validations:
              - data: ../data/orders.csv
                csv: { null_tokens: [NA] }
                suite: ../suites/orders.suite.json
            actions: []
            gate:
              fail_on: {{failOn}}
            """);

        var (code, _, _) = DqRunner.Run("validate", "--checkpoint", checkpoint);

        Assert.Equal(expected, code);
    }

    [Fact]
    public void GlobAndJsonCheckpoint_ValidatesEachMatchingFile()
    {
        var root = InitProject();
        File.Copy(Path.Combine(root, "data", "orders.csv"), Path.Combine(root, "data", "orders_2.csv"));
        var checkpoint = Write(Path.Combine(root, "checkpoints", "all.json"), """
            {
              "name": "all",
              "validations": [{ "data": "../data/orders*.csv", "suite": "../suites/orders.suite.json", "csv": { "null_tokens": ["NA"] } }],
              "actions": ["store_result", { "write_junit": "../reports/all.xml" }]
            }
            """);

        var (code, output, error) = DqRunner.Run("validate", "--checkpoint", checkpoint);

        Assert.True(code == ExitCodes.Success, output + error);
        Assert.Contains("2 of 2 validations passed", output, StringComparison.Ordinal);
        var suites = XDocument.Load(Path.Combine(root, "reports", "all.xml")).Root!.Elements("testsuite").Select(s => s.Attribute("name")!.Value);
        Assert.Equal(["orders on data/orders.csv", "orders on data/orders_2.csv"], suites);
    }

    [Fact]
    public void PatternMatchingNothing_ExitsThreeAfterRunningTheOthers()
    {
        var root = InitProject();
        var checkpoint = Checkpoint(root, """
            validations:
              - data: ../data/orders.csv
                csv: { null_tokens: [NA] }
                suite: ../suites/orders.suite.json
              - data: ../data/missing*.csv
                suite: ../suites/orders.suite.json
            """);

        var (code, output, error) = DqRunner.Run("validate", "--checkpoint", checkpoint);

        Assert.Equal(ExitCodes.DataUnreadable, code);
        Assert.Contains("test.yml:5:11", error, StringComparison.Ordinal);
        Assert.Contains("matched no files", error, StringComparison.Ordinal);
        Assert.Contains("1 of 2 validations passed; 1 could not be read", output, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSuite_ExitsTwoBeforeReadingAnyData()
    {
        var root = InitProject();
        Write(Path.Combine(root, "suites", "bad.json"), """{"name": "bad", "expectations": [{"type": "expect_column_values_to_be_between", "kwargs": {"column": "a", "min": 1}}]}""");
        var checkpoint = Checkpoint(root, "validations:\n  - data: ../data/orders.csv\n    suite: ../suites/bad.json\n");

        var (code, _, error) = DqRunner.Run("validate", "--checkpoint", checkpoint);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("bad.json", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(root, ".dq", "store.db")));
    }

    [Fact]
    public void Cancelled_ExitsOneThirtyWithNoOutputAndNoStoredRun()
    {
        var root = InitProject();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var (code, _, error) = DqRunner.Run(cancelled.Token, "validate", "--checkpoint", Path.Combine(root, "checkpoints", "orders.yml"));

        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Contains("cancelled", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "reports")));
        Assert.False(File.Exists(Path.Combine(root, ".dq", "store.db")));
    }

    [Fact]
    public void SuiteForm_AcceptsJunitAndStore()
    {
        var junit = Path.Combine(Folder, "out", "junit.xml");
        var store = Path.Combine(Folder, "runs.db");

        var (code, _, _) = DqRunner.Run("validate", s_orders, "--suite", Repository.PathOf("samples", "orders", "orders.suite.json"), "--junit", junit, "--store", store);

        Assert.Equal(ExitCodes.ExpectationFailed, code);
        Assert.Equal("testsuites", XDocument.Load(junit).Root!.Name.LocalName);
        using var opened = ValidationStore.Open(store, create: false);
        var run = opened.List(null, 5).Single();
        Assert.Null(run.Checkpoint);
        Assert.Equal(8, opened.Expectations(run.RunId).Count);
    }

    [Fact]
    public void CheckpointWithDataArgument_IsAUsageError()
    {
        var (code, _, error) = DqRunner.Run("validate", s_orders, "--checkpoint", "x.yml");

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("--checkpoint", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Quiet_PrintsOnlyTheVerdict()
    {
        var root = InitProject();

        var (code, output, _) = DqRunner.Run("validate", "--checkpoint", Path.Combine(root, "checkpoints", "orders.yml"), "--quiet");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Equal("Checkpoint `orders` PASSED", output.Trim().Split(':')[0]);
        Assert.Single(output.Trim().Split('\n'));
    }

    [Fact]
    public void RedirectedOutput_PrintsPlainProgressLines()
    {
        var data = new System.Text.StringBuilder("id,value\n");
        for (var i = 0; i < 300_000; i++)
        {
            data.Append(i).Append(',').Append(i % 97).Append('\n');
        }
        var csv = Write("big.csv", data.ToString());
        var suite = Write("s.json", """{"name": "s", "expectations": [{"type": "expect_column_values_to_be_unique", "kwargs": {"column": "id"}}]}""");

        var (code, _, error) = DqRunner.Run("validate", csv, "--suite", suite, "--store", "none", "--progress-interval", "0.001", "--threads", "1");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("dq: progress: ", error, StringComparison.Ordinal);
        Assert.Contains("rows/s", error, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", error, StringComparison.Ordinal);
    }
}
