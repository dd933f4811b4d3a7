using System.Text.Json.Nodes;

namespace Dq.Cli.Tests.Commands;

/// <summary>
/// <c>dq validate</c> with a store gives anomaly expectations the history of the earlier runs of the same suite on the
/// same data: stable row counts pass, a spike fails the gate, and too little history passes with a note.
/// </summary>
public sealed class AnomalyValidateTests : TempFolderTest
{
    private string Data => Path.Combine(Folder, "orders.csv");

    private string Store => Path.Combine(Folder, "store.db");

    private string Output => Path.Combine(Folder, "result.json");

    private void WriteRows(int rows, double amount = 10) =>
        File.WriteAllText(Data, "id,amount\n" + string.Concat(Enumerable.Range(0, rows).Select(i => $"{i},{amount + (i % 3)}\n")));

    private string Suite(string kwargs) => Write("suite.json", $$$"""
        {"name": "orders", "expectations": [{"type": "expect_metric_to_not_be_anomalous", "kwargs": { {{{kwargs}}} } }]}
        """);

    private (int Code, JsonNode Result, string Text) Validate(string suite)
    {
        var (code, output, error) = DqRunner.Run("validate", Data, "--suite", suite, "--store", Store, "--output", Output);
        return (code, JsonNode.Parse(File.ReadAllText(Output))!["results"]![0]!, output + error);
    }

    [Fact]
    public void StableRowCounts_ThenASpike_FailsWithTheExpectedRange()
    {
        var suite = Suite(""" "metric": "row_count", "strategy": {"name": "batch_normal", "lower_deviation_factor": 3, "upper_deviation_factor": 3} """);
        var rows = new[] { 100, 102, 98, 101, 99 };
        foreach (var count in rows)
        {
            WriteRows(count);
            var (code, _, text) = Validate(suite);
            Assert.True(code == ExitCodes.Success, text);
        }

        WriteRows(300);
        var (spikeCode, result, spikeText) = Validate(suite);

        Assert.Equal(ExitCodes.ExpectationFailed, spikeCode);
        Assert.Contains("expect_metric_to_not_be_anomalous", spikeText, StringComparison.Ordinal);
        Assert.False(result["success"]!.GetValue<bool>());
        Assert.Equal(300, result["result"]!["observed_value"]!.GetValue<long>());
        var details = result["result"]!["details"]!;
        Assert.Equal("[100,102,98,101,99]", details["history"]!.ToJsonString());
        // mean 100, sample deviation √(10/4) = 1.5811: the range is 100 ± 3·1.5811.
        var range = details["expected_range"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.Equal(100 - (3 * Math.Sqrt(2.5)), range[0], 1e-9);
        Assert.Equal(100 + (3 * Math.Sqrt(2.5)), range[1], 1e-9);
    }

    [Fact]
    public void FirstRun_TooLittleHistory_PassesWithTheNote()
    {
        WriteRows(100);
        var (code, result, text) = Validate(Suite(""" "metric": "row_count", "strategy": "batch_normal" """));

        Assert.True(code == ExitCodes.Success, text);
        Assert.Equal("too little history: 0 earlier values, and `batch_normal` needs 2", result["result"]!["details"]!["note"]!.GetValue<string>());
    }

    [Fact]
    public void ColumnMetric_HistoryIsTheStoredObservedValues()
    {
        var suite = Suite(""" "metric": "column_mean", "column": "amount", "strategy": {"name": "absolute_change", "max_rate_increase": 5, "max_rate_decrease": -5} """);
        WriteRows(30, amount: 10);
        Assert.Equal(ExitCodes.Success, Validate(suite).Code);
        WriteRows(30, amount: 13);
        var (passing, second, _) = Validate(suite);
        Assert.Equal(ExitCodes.Success, passing);
        Assert.Equal("[11]", second["result"]!["details"]!["history"]!.ToJsonString());

        WriteRows(30, amount: 30);
        var (code, third, _) = Validate(suite);

        Assert.Equal(ExitCodes.ExpectationFailed, code);
        Assert.Equal("[11,14]", third["result"]!["details"]!["history"]!.ToJsonString());
        Assert.Equal("[9,19]", third["result"]!["details"]!["expected_range"]!.ToJsonString());
    }

    [Fact]
    public void WithoutAStore_PassesWithTheNote()
    {
        WriteRows(100);
        var suite = Suite(""" "metric": "row_count", "strategy": "batch_normal" """);
        var (code, output, error) = DqRunner.Run("validate", Data, "--suite", suite, "--store", "none", "--output", Output);

        Assert.True(code == ExitCodes.Success, output + error);
        var note = JsonNode.Parse(File.ReadAllText(Output))!["results"]![0]!["result"]!["details"]!["note"]!.GetValue<string>();
        Assert.Contains("no metric history", note, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownStrategy_ExitsTwoWithTheValidOnesAndASuggestion()
    {
        WriteRows(10);
        var suite = Suite(""" "metric": "row_count", "strategy": {"name": "holt_winter"} """);
        var (code, output, error) = DqRunner.Run("validate", Data, "--suite", suite, "--store", Store);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("Did you mean `holt_winters`?", output + error, StringComparison.Ordinal);
        Assert.Contains("`online_normal`", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public void Checkpoint_HistoryIsTheStoredRunsOfTheSameAsset()
    {
        var root = InitProject();
        var suitePath = Path.Combine(root, "suites", "orders.suite.json");
        var suite = JsonNode.Parse(File.ReadAllText(suitePath))!;
        suite["expectations"]!.AsArray().Add(JsonNode.Parse(
            """{"type": "expect_metric_to_not_be_anomalous", "kwargs": {"metric": "row_count", "strategy": {"name": "absolute_change", "max_rate_increase": 0}}}"""));
        File.WriteAllText(suitePath, suite.ToJsonString());
        var checkpoint = Path.Combine(root, "checkpoints", "orders.yml");
        var data = Path.Combine(root, "data", "orders.csv");

        Assert.Equal(ExitCodes.Success, DqRunner.Run("validate", "--checkpoint", checkpoint).Code);
        Assert.Equal(ExitCodes.Success, DqRunner.Run("validate", "--checkpoint", checkpoint).Code);
        // One more row than before: an increase, which max_rate_increase 0 forbids.
        File.AppendAllText(data, "1013,C0001,5.00,placed,2024-08-01\n");
        var (code, output, _) = DqRunner.Run("validate", "--checkpoint", checkpoint);

        Assert.Equal(ExitCodes.ExpectationFailed, code);
        var result = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "reports", "orders.result.json")))!["results"]![0]!["results"]!.AsArray()
            .Single(r => r!["expectation_config"]!["type"]!.GetValue<string>() == "expect_metric_to_not_be_anomalous")!;
        var history = result["result"]!["details"]!["history"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        Assert.Equal(2, history.Length);
        Assert.Equal(history[0], history[1]);
        Assert.Equal(history[1] + 1, result["result"]!["observed_value"]!.GetValue<long>());
        Assert.Contains("failed: orders on data/orders.csv", output, StringComparison.Ordinal);
    }
}
