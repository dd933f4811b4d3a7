using System.IO.Compression;

namespace Dq.Cli.Tests.Commands;

/// <summary>The data argument of <c>dq validate</c> as a glob, a folder (partition folders included) and gzip files.</summary>
public sealed class DataArgumentTests : TempFolderTest
{
    private static readonly string s_orders = Repository.PathOf("samples", "orders", "orders.csv");
    private static readonly string s_suite = Repository.PathOf("samples", "orders", "orders.suite.json");

    [Fact]
    public void Folder_ValidatesEveryDataFileBelowIt_GzipIncluded()
    {
        string root = Directory.CreateDirectory(Path.Combine(Folder, "orders")).FullName;
        File.Copy(s_orders, Path.Combine(Directory.CreateDirectory(Path.Combine(root, "date=2024-01-01")).FullName, "part.csv"));
        Gzip(s_orders, Path.Combine(Directory.CreateDirectory(Path.Combine(root, "date=2024-01-02")).FullName, "part.csv.gz"));
        File.WriteAllText(Path.Combine(root, "README.txt"), "not data");

        var (code, output, error) = DqRunner.Run("validate", root, "--suite", s_suite, "--store", "none");

        Assert.True(code == ExitCodes.ExpectationFailed, output + error);
        Assert.Contains("date=2024-01-01/part.csv: 200 rows", output, StringComparison.Ordinal);
        Assert.Contains("date=2024-01-02/part.csv.gz: 200 rows", output, StringComparison.Ordinal);
        Assert.Contains("0 of 2 validations passed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("README", output + error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void HivePartitionFolders_BecomeTextColumnsOfTheirFiles(bool glob)
    {
        string root = Directory.CreateDirectory(Path.Combine(Folder, "events")).FullName;
        foreach (var (date, region, rows) in new[] { ("2024-01-01", "eu", 2), ("2024-01-02", "us%2Feast", 1) })
        {
            var folder = Directory.CreateDirectory(Path.Combine(root, $"date={date}", $"region={region}")).FullName;
            File.WriteAllText(Path.Combine(folder, "part.csv"), "id\n" + string.Join("\n", Enumerable.Range(0, rows)) + "\n");
        }
        string suite = Write("suites/partitions.json", """
            {"name": "partitions", "expectations": [
              {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "date", "value_set": ["2024-01-01"]}},
              {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": "region", "value_set": ["eu"]}},
              {"type": "expect_table_column_count_to_equal", "kwargs": {"value": 3}}
            ]}
            """);
        string output = Path.Combine(Folder, "result.json");

        var data = glob ? Path.Combine(root, "*", "*", "part.csv") : root;
        var (code, stdout, error) = DqRunner.Run("validate", data, "--suite", suite, "--store", "none", "-o", output);

        Assert.True(code == ExitCodes.ExpectationFailed, stdout + error);
        var runs = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(output))!["results"]!.AsArray(); // one per file
        var results = runs.Select(r => r!["results"]!.AsArray()).ToList();
        Assert.Equal(2, results.Count);
        var first = results.Single(r => r[0]!["success"]!.GetValue<bool>());
        Assert.True(first[1]!["success"]!.GetValue<bool>());
        Assert.True(first[2]!["success"]!.GetValue<bool>()); // id, date, region
        var second = results.Single(r => !r[0]!["success"]!.GetValue<bool>());
        Assert.Equal("2024-01-02", second[0]!["result"]!["partial_unexpected_list"]![0]!.GetValue<string>());
        Assert.Equal("us/east", second[1]!["result"]!["partial_unexpected_list"]![0]!.GetValue<string>()); // unescaped, as Hive writes it
    }

    [Fact]
    public void SingleFile_InAPartitionFolder_GetsNoPartitionColumns()
    {
        var folder = Directory.CreateDirectory(Path.Combine(Folder, "date=2024-01-01")).FullName;
        File.WriteAllText(Path.Combine(folder, "part.csv"), "id\n1\n");
        string suite = Write("suites/one.json", """{"name": "one", "expectations": [{"type": "expect_table_column_count_to_equal", "kwargs": {"value": 1}}]}""");

        var (code, stdout, error) = DqRunner.Run("validate", Path.Combine(folder, "part.csv"), "--suite", suite, "--store", "none");

        Assert.True(code == ExitCodes.Success, stdout + error);
    }

    [Fact]
    public void GzipCsv_GivesTheSameResultAsThePlainFile()
    {
        string gz = Path.Combine(Folder, "orders.csv.gz");
        Gzip(s_orders, gz);
        string plainJson = Path.Combine(Folder, "plain.json"), gzJson = Path.Combine(Folder, "gz.json");

        DqRunner.Run("validate", s_orders, "--suite", s_suite, "--store", "none", "--output", plainJson);
        DqRunner.Run("validate", gz, "--suite", s_suite, "--store", "none", "--output", gzJson);

        Assert.Equal(Results(plainJson), Results(gzJson));
    }

    [Fact]
    public void GlobMatchingNothing_IsAnUnreadValidation()
    {
        var (code, _, error) = DqRunner.Run("validate", Path.Combine(Folder, "orders-*.csv"), "--suite", s_suite, "--store", "none");

        Assert.Equal(ExitCodes.DataUnreadable, code);
        Assert.Contains("matched no files", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptGzip_IsUnreadableData()
    {
        string gz = Path.Combine(Folder, "broken.csv.gz");
        File.WriteAllBytes(gz, [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF]);

        var (code, _, error) = DqRunner.Run("validate", gz, "--suite", s_suite, "--store", "none");

        Assert.Equal(ExitCodes.DataUnreadable, code);
        Assert.Contains("is not valid gzip data", error, StringComparison.Ordinal);
    }

    private static void Gzip(string from, string to)
    {
        using var input = File.OpenRead(from);
        using var output = new GZipStream(File.Create(to), CompressionLevel.Optimal);
        input.CopyTo(output);
    }

    /// <summary>The results without what differs between two runs (ids, times, the asset's name).</summary>
    private static string Results(string path) =>
        System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!["results"]!.ToJsonString();
}
