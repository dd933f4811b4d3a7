using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Dq.Cli.Store;

namespace Dq.Cli.Tests.Commands;

/// <summary>A checkpoint validation with <c>baseline:</c>: monitored as <c>dq monitor</c> does, stored and reported like a suite.</summary>
public sealed class CheckpointBaselineTests : TempFolderTest
{
    private string Checkpoint(string root, string yaml) => Write(Path.Combine(root, "checkpoints", "monitor.yml"), yaml);

    private static void Profile(string root)
    {
        var (code, _, stderr) = DqRunner.Run("profile", Path.Combine(root, "data", "orders.csv"), "--out", Path.Combine(root, "baseline"), "--quiet");
        Assert.True(code == ExitCodes.Success, stderr);
    }

    /// <summary>The project's orders with a new status in every third row: a categorical_values_check violation.</summary>
    private static void AddNewStatuses(string root)
    {
        var path = Path.Combine(root, "data", "orders.csv");
        var lines = File.ReadAllLines(path);
        var builder = new StringBuilder(lines[0]).Append('\n');
        foreach (var (line, i) in lines.Skip(1).Where(l => l.Length > 0).Select((l, i) => (l, i)))
        {
            var cells = line.Split(',');
            if (i % 3 == 0)
            {
                cells[3] = "lost";
            }
            builder.Append(string.Join(',', cells)).Append('\n');
        }
        File.WriteAllText(path, builder.ToString());
    }

    [Fact]
    public void BaselineOnly_SameData_PassesAndIsStored()
    {
        var root = InitProject();
        Profile(root);
        var checkpoint = Checkpoint(root, """
            validations:
              - data: ../data/orders.csv
                baseline: ../baseline
            """);

        var (code, output, error) = DqRunner.Run("validate", "--checkpoint", checkpoint);

        Assert.True(code == ExitCodes.Success, output + error);
        using var store = ValidationStore.Open(Path.Combine(root, ".dq", "store.db"), create: false);
        Assert.Equal("baseline.baseline", store.List(null, 10).Single().Suite);
    }

    [Fact]
    public void BaselineWithSuite_ViolationFailsTheGate_AndReachesJunitAndJson()
    {
        var root = InitProject();
        Profile(root);
        AddNewStatuses(root);
        var checkpoint = Checkpoint(root, """
            validations:
              - data: ../data/orders.csv
                suite: ../suites/orders.suite.json
                baseline: ../baseline
            actions:
              - write_json: ../reports/monitor.json
              - write_junit: ../reports/monitor.xml
            """);

        var (code, output, error) = DqRunner.Run("validate", "--checkpoint", checkpoint);

        Assert.True(code == ExitCodes.ExpectationFailed, output + error);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "reports", "monitor.json")))!;
        var monitor = json["results"]![0]!["results"]!.AsArray().Single(r => r!["expectation_config"]!["type"]!.GetValue<string>() == "expect_table_to_match_baseline")!;
        Assert.False(monitor["success"]!.GetValue<bool>());
        var violations = monitor["result"]!["details"]!["violations"]!.AsArray();
        var rows = File.ReadAllLines(Path.Combine(root, "data", "orders.csv")).Skip(1).Count(l => l.Length > 0);
        var lost = (rows + 2) / 3;
        Assert.Contains(violations, v => v!["constraint_check_type"]!.GetValue<string>() == "categorical_values_check"
            && v["description"]!.GetValue<string>().Contains($"({lost.ToString(CultureInfo.InvariantCulture)} of {rows.ToString(CultureInfo.InvariantCulture)} values)", StringComparison.Ordinal));
        Assert.Equal(monitor["result"]!["observed_value"]!.GetValue<long>(), violations.Count);
        var junit = XDocument.Load(Path.Combine(root, "reports", "monitor.xml"));
        Assert.NotEqual("0", junit.Root!.Attribute("failures")!.Value);
    }

    [Fact]
    public void MissingBaseline_IsAConfigurationErrorAtItsLine()
    {
        var root = InitProject();
        var checkpoint = Checkpoint(root, """
            validations:
              - data: ../data/orders.csv
                baseline: ../nowhere
            """);

        var (code, _, error) = DqRunner.Run("validate", "--checkpoint", checkpoint);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("monitor.yml:3", error, StringComparison.Ordinal);
        Assert.Contains("dq profile", error, StringComparison.Ordinal);
    }

    [Fact]
    public void NeitherSuiteNorBaseline_SaysWhatToGive()
    {
        var root = InitProject();
        var checkpoint = Checkpoint(root, """
            validations:
              - data: ../data/orders.csv
            """);

        var (code, _, error) = DqRunner.Run("validate", "--checkpoint", checkpoint);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("neither `suite` nor `baseline`", error, StringComparison.Ordinal);
    }
}
