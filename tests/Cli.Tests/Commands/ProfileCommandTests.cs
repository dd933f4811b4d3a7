using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Dq.Cli.Tests.Commands;

/// <summary><c>dq profile</c> end to end: the three files, their agreement with the data, the suite's verdict, and bad input.</summary>
public sealed class ProfileCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dq-profile-").FullName;
    private static readonly string s_orders = Repository.PathOf("samples", "orders", "orders.csv");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static JsonNode Feature(JsonNode file, string name) =>
        file["features"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == name)!;

    [Fact]
    public void Sample_WritesThreeFiles_AndTheSuitePassesOnTheData()
    {
        var output = Path.Combine(_folder, "baseline");
        var (code, stdout, stderr) = DqRunner.Run("profile", s_orders, "--out", output);

        Assert.True(code == ExitCodes.Success, stderr);
        Assert.Contains("order_id", stdout, StringComparison.Ordinal);
        Assert.Equal(["constraints.json", "statistics.json", "suite.json"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // Independent reference: the sample's lines, counted here.
        var lines = File.ReadAllLines(s_orders).Skip(1).Where(l => l.Length > 0).ToList();
        var statistics = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "statistics.json")))!;
        Assert.Equal(lines.Count, statistics["dataset"]!["item_count"]!.GetValue<long>());
        var amounts = lines.Select(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture)).ToList();
        var amount = Feature(statistics, "amount")["numerical_statistics"]!;
        Assert.Equal(amounts.Average(), amount["mean"]!.GetValue<double>(), 9);
        Assert.Equal(amounts.Min(), amount["min"]!.GetValue<double>());
        Assert.Equal("Integral", Feature(statistics, "order_id")["inferred_type"]!.GetValue<string>());
        var statuses = lines.Select(l => l.Split(',')[3]).GroupBy(s => s).ToDictionary(g => g.Key, g => (long)g.Count());
        var buckets = Feature(statistics, "status")["string_statistics"]!["distribution"]!["categorical"]!["buckets"]!.AsArray();
        Assert.Equal(statuses, buckets.ToDictionary(b => b!["value"]!.GetValue<string>(), b => b!["count"]!.GetValue<long>()));

        var constraints = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "constraints.json")))!;
        Assert.Equal(1.0, Feature(constraints, "status")["completeness"]!.GetValue<double>());
        Assert.Equal(0.1, constraints["monitoring_config"]!["distribution_constraints"]!["comparison_threshold"]!.GetValue<double>());

        var (validated, _, validateErr) = DqRunner.Run("validate", s_orders, "--suite", Path.Combine(output, "suite.json"), "--store", "none");
        Assert.True(validated == ExitCodes.Success, validateErr);
    }

    [Fact]
    public void ExtendedRules_SuitePassesOnTheData()
    {
        var output = Path.Combine(_folder, "extended");
        var (code, _, stderr) = DqRunner.Run("profile", s_orders, "--out", output, "--rules", "extended");
        Assert.True(code == ExitCodes.Success, stderr);
        var suite = File.ReadAllText(Path.Combine(output, "suite.json"));
        Assert.Contains("HasMin/HasMax", suite, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, DqRunner.Run("validate", s_orders, "--suite", Path.Combine(output, "suite.json"), "--store", "none").Code);
    }

    [Fact]
    public void CsvText_TypedByDeequsRules()
    {
        var data = Write("types.csv", "a,b,c,d\n.5,\"1,000\",007,1.5\n1,2,012,2\n");
        var output = Path.Combine(_folder, "types");
        Assert.Equal(ExitCodes.Success, DqRunner.Run("profile", data, "--out", output).Code);
        var statistics = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "statistics.json")))!;
        Assert.Equal("String", Feature(statistics, "a")["inferred_type"]!.GetValue<string>());
        Assert.Equal("String", Feature(statistics, "b")["inferred_type"]!.GetValue<string>());
        Assert.Equal("Integral", Feature(statistics, "c")["inferred_type"]!.GetValue<string>());
        Assert.Equal("Fractional", Feature(statistics, "d")["inferred_type"]!.GetValue<string>());
        // The codes with leading zeros are Integral to Deequ but text to the validating reader: the suite still passes.
        Assert.Equal(ExitCodes.Success, DqRunner.Run("validate", data, "--suite", Path.Combine(output, "suite.json"), "--store", "none").Code);
    }

    [Fact]
    public void HeaderOnly_ItemCountZeroAndUnknownTypes()
    {
        var data = Write("empty.csv", "a,b\n");
        var output = Path.Combine(_folder, "empty");
        var (code, _, stderr) = DqRunner.Run("profile", data, "--out", output);
        Assert.True(code == ExitCodes.Success, stderr);
        var statistics = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "statistics.json")))!;
        Assert.Equal(0, statistics["dataset"]!["item_count"]!.GetValue<long>());
        Assert.All(statistics["features"]!.AsArray(), f => Assert.Equal("Unknown", f!["inferred_type"]!.GetValue<string>()));
    }

    [Fact]
    public void UnreadableData_ExitsThreeAndWritesNothing()
    {
        var data = Write("ragged.csv", "a,b\n1,2\n3\n");
        var output = Path.Combine(_folder, "bad");
        var (code, _, stderr) = DqRunner.Run("profile", data, "--out", output);
        Assert.Equal(ExitCodes.DataUnreadable, code);
        Assert.Contains("line 3", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output) && Directory.EnumerateFileSystemEntries(output).Any());
    }

    [Fact]
    public void ExistingFolder_OnlyTheThreeFilesAreWritten()
    {
        var output = Directory.CreateDirectory(Path.Combine(_folder, "existing")).FullName;
        File.WriteAllText(Path.Combine(output, "keep.txt"), "mine");
        File.WriteAllText(Path.Combine(output, "statistics.json"), "old");
        Assert.Equal(ExitCodes.Success, DqRunner.Run("profile", s_orders, "--out", output).Code);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(output, "keep.txt")));
        Assert.StartsWith("{", File.ReadAllText(Path.Combine(output, "statistics.json")), StringComparison.Ordinal);
        Assert.Equal(4, Directory.GetFiles(output).Length);
    }

    [Fact]
    public void OutIsAFile_ConfigurationError()
    {
        var file = Write("taken", "x");
        var (code, _, stderr) = DqRunner.Run("profile", s_orders, "--out", file);
        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("is a file", stderr, StringComparison.Ordinal);
        Assert.Equal("x", File.ReadAllText(file, Encoding.UTF8));
    }

    [Fact]
    public void Docs_WritesAProfilePage_WithEveryColumnAndAHistogramPerDistribution()
    {
        var site = Path.Combine(_folder, "site");
        var (code, stdout, stderr) = DqRunner.Run("profile", s_orders, "--out", Path.Combine(_folder, "b"), "--docs", site);

        Assert.True(code == ExitCodes.Success, stderr);
        var page = Assert.Single(Directory.GetFiles(Path.Combine(site, "profiles"), "*.html"));
        Assert.Contains(page, stdout, StringComparison.Ordinal);
        var html = File.ReadAllText(page);
        var header = File.ReadLines(s_orders).First().Split(',');
        Assert.All(header, column => Assert.Contains($"<h3>{column} <small>", html, StringComparison.Ordinal));
        // amount (numeric buckets), order_id (numeric), customer_id and status (categories): four histograms;
        // order_date has more distinct values than the profile counts exactly.
        Assert.Equal(4, html.Split("<svg class=\"hist\"").Length - 1);
        Assert.Contains("No distribution: more distinct values", html, StringComparison.Ordinal);
    }
}
