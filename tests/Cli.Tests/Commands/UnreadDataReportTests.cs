using System.Text.Json.Nodes;
using System.Xml.Linq;
using Dq.Cli.Store;

namespace Dq.Cli.Tests.Commands;

/// <summary>
/// Data that could not be read is an errored validation in every report (JSON, JUnit, Markdown, store, data docs),
/// never a success with 0 expectations and never left out of a checkpoint's reports.
/// </summary>
public sealed class UnreadDataReportTests : TempFolderTest
{
    private static readonly string s_suite = Repository.PathOf("samples", "orders", "orders.suite.json");

    public static TheoryData<string, string> UnreadableFiles => new()
    {
        { "empty.csv", "" },
        { "ragged.csv", "order_id,amount\n1,2\n3,4,5\n" },
        { "quote.csv", "order_id,amount\n1,\"unterminated\n" },
        { "binary.csv", "order_id,amount\n\u0000\u0001\u0002\u00ff\n" },
    };

    [Theory]
    [MemberData(nameof(UnreadableFiles))]
    public void UnreadableCsv_FailsInJsonJunitAndMarkdown(string name, string content)
    {
        var data = Write(name, content);
        var json = Path.Combine(Folder, "result.json");
        var junit = Path.Combine(Folder, "result.xml");
        var markdown = Path.Combine(Folder, "summary.md");

        var (code, output, error) = DqRunner.Run("validate", data, "--suite", s_suite, "--output", json, "--junit", junit, "--summary-md", markdown, "--store", "none");

        Assert.True(code == ExitCodes.DataUnreadable, output + error);
        Assert.Contains("cannot read the data", error, StringComparison.Ordinal);
        var result = JsonNode.Parse(File.ReadAllText(json))!;
        Assert.False(result["success"]!.GetValue<bool>());
        var expectations = result["results"]!.AsArray();
        Assert.Equal(8, expectations.Count);
        Assert.All(expectations, e =>
        {
            Assert.False(e!["success"]!.GetValue<bool>());
            Assert.True(e["exception_info"]!["raised_exception"]!.GetValue<bool>());
            Assert.StartsWith("The data could not be read", e["exception_info"]!["exception_message"]!.GetValue<string>(), StringComparison.Ordinal);
        });
        Assert.False(string.IsNullOrEmpty(result["meta"]!["read_error"]!.GetValue<string>()));
        var root = XDocument.Load(junit).Root!;
        Assert.Equal("8", root.Attribute("tests")!.Value);
        Assert.Equal("8", root.Attribute("errors")!.Value);
        Assert.Equal(8, root.Descendants("error").Count());
        var md = File.ReadAllText(markdown);
        Assert.Contains("FAILED", md, StringComparison.Ordinal);
        Assert.Contains("NOT READ", md, StringComparison.Ordinal);
        Assert.DoesNotContain("PASSED,", md, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptySuiteOnMissingData_IsNotASuccessWithZeroTests()
    {
        var suite = Write("empty.suite.json", """{"name": "empty", "expectations": []}""");
        var json = Path.Combine(Folder, "result.json");
        var junit = Path.Combine(Folder, "result.xml");

        var (code, _, _) = DqRunner.Run("validate", Path.Combine(Folder, "absent.csv"), "--suite", suite, "--output", json, "--junit", junit, "--store", "none");

        Assert.Equal(ExitCodes.DataUnreadable, code);
        Assert.False(JsonNode.Parse(File.ReadAllText(json))!["success"]!.GetValue<bool>());
        var root = XDocument.Load(junit).Root!;
        Assert.Equal("1", root.Attribute("tests")!.Value);
        Assert.Equal("1", root.Attribute("errors")!.Value);
        Assert.Equal("data_unreadable", root.Descendants("error").Single().Attribute("type")!.Value);
    }

    [Fact]
    public void CheckpointWithOneUnreadableValidation_ReportsBothEverywhere()
    {
        var root = InitProject();
        Write(Path.Combine(root, "data", "broken.csv"), "order_id,amount\n1,2\n3,4,5\n");
        var checkpoint = Write(Path.Combine(root, "checkpoints", "two.yml"), """
            validations:
              - data: ../data/orders.csv
                csv: { null_tokens: [NA] }
                suite: ../suites/orders.suite.json
              - data: ../data/broken.csv
                suite: ../suites/orders.suite.json
              - data: ../data/nothing*.csv
                suite: ../suites/orders.suite.json
            actions:
              - store_result
              - write_json: ../reports/two.json
              - write_junit: ../reports/two.xml
              - update_data_docs: ../site
            """);

        var (code, output, error) = DqRunner.Run("validate", "--checkpoint", checkpoint);

        Assert.True(code == ExitCodes.DataUnreadable, output + error);
        Assert.Contains("1 of 3 validations passed; 2 could not be read", output, StringComparison.Ordinal);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "reports", "two.json")))!;
        Assert.False(json["success"]!.GetValue<bool>());
        var assets = json["results"]!.AsArray().Select(r => (r!["meta"]!["data_asset"]!.GetValue<string>(), r["success"]!.GetValue<bool>())).ToList();
        Assert.Equal([("data/orders.csv", true), ("data/broken.csv", false), ("data/nothing*.csv", false)], assets);
        var suites = XDocument.Load(Path.Combine(root, "reports", "two.xml")).Root!.Elements("testsuite").ToList();
        Assert.Equal(3, suites.Count);
        Assert.Equal("0", suites[0].Attribute("errors")!.Value);
        Assert.Equal(suites[1].Attribute("tests")!.Value, suites[1].Attribute("errors")!.Value);
        Assert.NotEqual("0", suites[1].Attribute("tests")!.Value);
        using (var store = ValidationStore.Open(Path.Combine(root, ".dq", "store.db"), create: false))
        {
            var runs = store.List(null, 10);
            Assert.Equal(3, runs.Count);
            Assert.Equal(2, runs.Count(r => !r.Success));
        }
        var pages = Directory.GetFiles(Path.Combine(root, "site"), "*.html", SearchOption.AllDirectories).Select(File.ReadAllText).ToList();
        Assert.Contains(pages, p => p.Contains("The data could not be read", StringComparison.Ordinal) && p.Contains("broken.csv", StringComparison.Ordinal));
    }
}
