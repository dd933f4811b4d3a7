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
