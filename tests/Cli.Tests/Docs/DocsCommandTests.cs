namespace Dq.Cli.Tests.Docs;

/// <summary><c>dq docs build</c>, <c>--docs</c>, <c>--summary-md</c> and the checkpoint action <c>update_data_docs</c>.</summary>
public sealed class DocsCommandTests : TempFolderTest
{
    private static readonly string s_orders = Repository.PathOf("samples", "orders", "orders.csv");
    private static readonly string s_suite = Repository.PathOf("samples", "orders", "orders.suite.json");

    [Fact]
    public void DocsBuild_FromTheStore_ListsEveryRunAndWritesRunAndSuitePages()
    {
        var store = Path.Combine(Folder, "store.db");
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(ExitCodes.ExpectationFailed, DqRunner.Run("validate", s_orders, "--suite", s_suite, "--store", store, "--quiet").Code);
        }
        var site = Path.Combine(Folder, "site");

        var (code, output, error) = DqRunner.Run("docs", "build", "--store", store, "--out", site);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("wrote data docs of 3 runs", output, StringComparison.Ordinal);
        Assert.Equal(3, Directory.GetFiles(Path.Combine(site, "runs"), "*.html").Length);
        Assert.Single(Directory.GetFiles(Path.Combine(site, "suites"), "*.html"));
        var index = File.ReadAllText(Path.Combine(site, "index.html"));
        Assert.Contains("3 runs", index, StringComparison.Ordinal);
        var run = File.ReadAllText(Directory.GetFiles(Path.Combine(site, "runs"))[0]);
        Assert.Contains("must belong to the set", run, StringComparison.Ordinal);
        Assert.Contains("&quot;refunded&quot;", run, StringComparison.Ordinal);
    }

    [Fact]
    public void DocsBuild_AfterANewRunOrAPrune_WritesOnlyWhatChangedAndDropsPrunedRuns()
    {
        var store = Path.Combine(Folder, "store.db");
        var site = Path.Combine(Folder, "site");
        void Validate() => Assert.Equal(ExitCodes.ExpectationFailed, DqRunner.Run("validate", s_orders, "--suite", s_suite, "--store", store, "--quiet").Code);
        string Build()
        {
            var (code, output, error) = DqRunner.Run("docs", "build", "--store", store, "--out", site);
            Assert.True(code == ExitCodes.Success, error);
            return output;
        }
        Validate();
        Validate();
        var built = Build();
        Assert.Contains("wrote data docs of 2 runs in", built, StringComparison.Ordinal);
        // Two run pages, the suite page, the index and the manifest.
        Assert.Contains("(5 files written, full build)", built, StringComparison.Ordinal);
        var first = Directory.GetFiles(Path.Combine(site, "runs")).ToDictionary(f => f, File.GetLastWriteTimeUtc);

        Validate();
        var rebuilt = Build();
        Assert.Contains("wrote data docs of 3 runs in", rebuilt, StringComparison.Ordinal);
        // The new run's page, the suite page, the index and the manifest; the older run pages are untouched.
        Assert.Contains("(4 files written)", rebuilt, StringComparison.Ordinal);
        Assert.All(first, p => Assert.Equal(p.Value, File.GetLastWriteTimeUtc(p.Key)));
        Assert.Equal(3, Directory.GetFiles(Path.Combine(site, "runs")).Length);
        Assert.Contains("(0 files written)", Build(), StringComparison.Ordinal);

        Assert.Equal(ExitCodes.Success, DqRunner.Run("runs", "prune", "--store", store, "--keep", "1", "--quiet").Code);
        var output = Build();

        Assert.Contains("wrote data docs of 1 run in", output, StringComparison.Ordinal);
        Assert.Contains("2 removed", output, StringComparison.Ordinal);
        var remaining = Assert.Single(Directory.GetFiles(Path.Combine(site, "runs")));
        Assert.Contains(">1 run</span>", File.ReadAllText(Path.Combine(site, "index.html")), StringComparison.Ordinal);
        var (_, list, _) = DqRunner.Run("runs", "list", "--store", store, "--json");
        Assert.Contains(Path.GetFileNameWithoutExtension(remaining), list, StringComparison.Ordinal);
    }

    [Fact]
    public void DocsBuild_WithoutAStore_IsAUsageErrorThatSaysWhatToPass()
    {
        var (code, _, error) = DqRunner.Run("docs", "build", "--store", Path.Combine(Folder, "missing.db"));

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("does not exist yet", error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrConfiguration, DqRunner.Run("docs", "build", "--store", "none").Code);
    }

    [Fact]
    public void ValidateWithDocsAndNoStore_DocumentsTheOneRun()
    {
        var site = Path.Combine(Folder, "site");

        var (code, output, _) = DqRunner.Run("validate", s_orders, "--suite", s_suite, "--store", "none", "--docs", site);

        Assert.Equal(ExitCodes.ExpectationFailed, code);
        Assert.Contains("wrote data docs of 1 run", output, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(site, "runs"), "*.html"));
    }

    [Fact]
    public void ValidateWithSummaryMd_WritesTheMarkdownSummary()
    {
        var summary = Path.Combine(Folder, "reports", "summary.md");

        var (code, _, _) = DqRunner.Run("validate", s_orders, "--suite", s_suite, "--store", "none", "--summary-md", summary);

        Assert.Equal(ExitCodes.ExpectationFailed, code);
        var text = File.ReadAllText(summary);
        Assert.StartsWith("## ❌ dq validate: FAILED", text, StringComparison.Ordinal);
        Assert.Contains("Values in <code>amount</code> must be between", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckpointUpdateDataDocs_WritesToTheProjectsDocsLocationFromTheStore()
    {
        var root = InitProject();
        var checkpoint = Write(Path.Combine(root, "checkpoints", "docs.yml"), """
            validations:
              - data: ../data/orders.csv
                csv: { null_tokens: [NA] }
                suite: ../suites/orders.suite.json
            actions:
              - store_result
              - update_data_docs
              - update_data_docs: ../site
            """);

        DqRunner.Run("validate", "--checkpoint", checkpoint, "--quiet");
        var (code, output, error) = DqRunner.Run("validate", "--checkpoint", checkpoint, "--summary-md", Path.Combine(root, "summary.md"));

        Assert.True(code == ExitCodes.Success, output + error);
        Assert.Contains("wrote data docs of 2 runs", output, StringComparison.Ordinal);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(root, ".dq", "docs", "runs"), "*.html").Length);
        Assert.True(File.Exists(Path.Combine(root, "site", "index.html")));
        Assert.Contains("## ✅ docs: PASSED", File.ReadAllText(Path.Combine(root, "summary.md")), StringComparison.Ordinal);
    }

    [Fact]
    public void DocsBuild_InAProject_UsesItsStoreAndDocsLocation()
    {
        var root = InitProject();
        DqRunner.Run("validate", "--checkpoint", Path.Combine(root, "checkpoints", "orders.yml"), "--quiet");
        // A child process, so the working directory is the project without changing this process's (tests run in parallel).
        var (code, _, error) = DqRunner.RunProcess(root, TimeSpan.FromMinutes(2), "docs", "build");

        Assert.True(code == ExitCodes.Success, error);
        Assert.True(File.Exists(Path.Combine(root, ".dq", "docs", "index.html")));
    }
}
