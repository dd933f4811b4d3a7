using System.Text.Json.Nodes;

namespace Dq.Cli.Tests;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dq-cli-").FullName;
    private static readonly string s_orders = Repository.PathOf("samples", "orders", "orders.csv");
    private static readonly string s_suite = Repository.PathOf("samples", "orders", "orders.suite.json");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static (int Code, string Out, string Err) Dq(params string[] args) => DqRunner.Run(args);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Sample_WithDefects_ExitsOneAndNamesTheFailures()
    {
        var (code, output, _) = Dq("validate", s_orders, "--suite", s_suite);

        Assert.Equal(ExitCodes.ExpectationFailed, code);
        Assert.Contains("expect_column_values_to_be_unique", output, StringComparison.Ordinal);
        Assert.Contains("\"refunded\"", output, StringComparison.Ordinal);
        Assert.Contains("2024-02-30", output, StringComparison.Ordinal);
        Assert.Contains("FAILED", output, StringComparison.Ordinal);
    }

    [Fact]
    public void PassingSuite_ExitsZero()
    {
        var suite = Write("pass.json", """{"name": "ok", "expectations": [{"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "order_id"}}]}""");

        var (code, output, _) = Dq("validate", s_orders, "--suite", suite);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("PASSED", output, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputDash_WritesJsonToStdoutAndSummaryToStderr()
    {
        var (code, output, error) = Dq("validate", s_orders, "--suite", s_suite, "--output", "-");

        Assert.Equal(ExitCodes.ExpectationFailed, code);
        var json = JsonNode.Parse(output)!;
        Assert.Equal("orders", json["suite_name"]!.GetValue<string>());
        Assert.Equal(8, json["statistics"]!["evaluated_expectations"]!.GetValue<int>());
        Assert.Contains("FAILED", error, StringComparison.Ordinal);
    }

    [Fact]
    public void JunitDash_WritesXmlToStdout_AndTwoOutputsOnStdoutAreRefused()
    {
        var (code, output, error) = Dq("validate", s_orders, "--suite", s_suite, "--junit", "-", "--store", "none");

        Assert.True(code == ExitCodes.ExpectationFailed, output + error);
        Assert.Equal("testsuites", System.Xml.Linq.XDocument.Parse(output).Root!.Name.LocalName);
        Assert.False(File.Exists("-"), "a file named - was written");

        var (twice, _, refused) = Dq("validate", s_orders, "--suite", s_suite, "--junit", "-", "--summary-md", "-", "--store", "none");

        Assert.Equal(ExitCodes.UsageOrConfiguration, twice);
        Assert.Contains("more than one output", refused, StringComparison.Ordinal);
    }

    [Fact]
    public void OutputFile_IsCompleteJsonAndLeavesNoTemporaryFile()
    {
        var path = Path.Combine(_folder, "out", "result.json");

        var (code, _, _) = Dq("validate", s_orders, "--suite", s_suite, "--output", path, "--result-format", "COMPLETE");

        Assert.Equal(ExitCodes.ExpectationFailed, code);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        var unique = json["results"]![2]!["result"]!;
        Assert.Equal(2, unique["unexpected_index_list"]!.AsArray().Count);
        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void MissingDataFile_ExitsThreeWithThePath()
    {
        var (code, _, error) = Dq("validate", Path.Combine(_folder, "nope.csv"), "--suite", s_suite);

        Assert.Equal(ExitCodes.DataUnreadable, code);
        Assert.Contains("nope.csv", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedCsv_ExitsThreeWithTheLine()
    {
        var data = Write("bad.csv", "a,b\n1,2\n3\n");

        var (code, _, error) = Dq("validate", data, "--suite", s_suite);

        Assert.Equal(ExitCodes.DataUnreadable, code);
        Assert.Contains("3", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSuite_ExitsTwoNamingTheExpectation()
    {
        var suite = Write("bad.json", """{"name": "s", "expectations": [{"type": "expect_column_to_exist", "kwargs": {"column": "a"}}, {"type": "expect_column_values_to_be_between", "kwargs": {"column": "a", "min_value": 1, "mostly": 2}}]}""");

        var (code, _, error) = Dq("validate", s_orders, "--suite", suite);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("expectation 1", error, StringComparison.Ordinal);
        Assert.Contains("mostly", error, StringComparison.Ordinal);
        Assert.Contains("bad.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOption_ExitsTwo()
    {
        var (code, _, error) = Dq("validate", s_orders, "--suite", s_suite, "--bogus");

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("--bogus", error, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingColumn_IsAFailedResultNotACrash()
    {
        var suite = Write("missing.json", """{"name": "s", "expectations": [{"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "price"}}]}""");

        var (code, output, _) = Dq("validate", s_orders, "--suite", suite);

        Assert.Equal(ExitCodes.ExpectationFailed, code);
        Assert.Contains("column `price` is not in the data", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ExitsZeroWithExamples()
    {
        var (code, output, _) = Dq("validate", "--help");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
    }
}
