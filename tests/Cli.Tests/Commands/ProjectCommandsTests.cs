using System.Text.Json.Nodes;

namespace Dq.Cli.Tests.Commands;

/// <summary><c>dq init</c>, <c>dq runs</c> and <c>dq suite</c>.</summary>
public sealed class ProjectCommandsTests : TempFolderTest
{
    [Fact]
    public void Init_IntoAnExistingFolder_AddsWhatIsMissingAndKeepsTheRest()
    {
        var root = Path.Combine(Folder, "existing");
        Directory.CreateDirectory(Path.Combine(root, "suites"));
        File.WriteAllText(Path.Combine(root, "README.md"), "mine");
        File.WriteAllText(Path.Combine(root, ".gitignore"), "bin/\n");

        var (code, output, error) = DqRunner.Run("init", root);

        Assert.True(code == ExitCodes.Success, output + error);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(root, "README.md")));
        Assert.Equal("bin/\n", File.ReadAllText(Path.Combine(root, ".gitignore")));
        Assert.Contains("README.md (kept: it was already there)", output, StringComparison.Ordinal);
        Assert.Contains("  dq.yml", output, StringComparison.Ordinal);
        foreach (var added in new[] { "dq.yml", "suites/orders.suite.json", "checkpoints/orders.yml", "data/orders.csv" })
        {
            Assert.True(File.Exists(Path.Combine(root, added)), added);
        }
        // The project works as created from scratch: the sample checkpoint runs.
        var (run, runOut, runErr) = DqRunner.Run("validate", "--checkpoint", Path.Combine(root, "checkpoints", "orders.yml"));
        Assert.True(run == ExitCodes.Success, runOut + runErr);
    }

    [Fact]
    public void Init_IntoAProjectThatHasEverything_ChangesNothingAndSaysSo()
    {
        var root = InitProject();
        File.WriteAllText(Path.Combine(root, "suites", "orders.suite.json"), """{"name": "orders", "expectations": []}""");

        var (code, output, _) = DqRunner.Run("init", root);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Nothing to add", output, StringComparison.Ordinal);
        Assert.Equal("""{"name": "orders", "expectations": []}""", File.ReadAllText(Path.Combine(root, "suites", "orders.suite.json")));
    }

    [Fact]
    public void Init_InsideAProject_IsRefused()
    {
        var root = InitProject();

        var (code, _, error) = DqRunner.Run("init", Path.Combine(root, "nested"));

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("already inside the dq project", error, StringComparison.Ordinal);
    }

    [Fact]
    public void RunsListAndShow_ReadTheStore()
    {
        var root = InitProject();
        var checkpoint = Path.Combine(root, "checkpoints", "orders.yml");
        DqRunner.Run("validate", "--checkpoint", checkpoint);
        DqRunner.Run("validate", "--checkpoint", checkpoint);
        var store = Path.Combine(root, ".dq", "store.db");

        var (code, output, _) = DqRunner.Run("runs", "list", "--store", store, "--json", "--suite", "orders", "--limit", "1");
        var runs = JsonNode.Parse(output)!.AsArray();
        var id = runs[0]!["run_id"]!.GetValue<string>();
        var table = DqRunner.Run("runs", "list", "--store", store).Out;
        var shown = DqRunner.Run("runs", "show", id[..10], "--store", store).Out;
        var json = JsonNode.Parse(DqRunner.Run("runs", "show", id, "--store", store, "--json").Out)!;

        Assert.Equal(ExitCodes.Success, code);
        Assert.Single(runs);
        Assert.Equal(4, table.Trim().Split('\n').Length);
        Assert.Contains($"Run {id}: PASSED", shown, StringComparison.Ordinal);
        Assert.Contains("customer_id  warn      WARN", shown, StringComparison.Ordinal);
        Assert.Equal(id, json["meta"]!["run_id"]!.GetValue<string>());
    }

    [Fact]
    public void RunsList_WithoutAStore_SaysHowToFindOne()
    {
        var (code, _, error) = DqRunner.Run("runs", "list", "--store", Path.Combine(Folder, "none.db"));

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("does not exist yet", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(Folder, "none.db")));
    }

    [Fact]
    public void SuiteShow_DescribesEachExpectationInPlainLanguage()
    {
        var (code, output, _) = DqRunner.Run("suite", "show", Repository.PathOf("samples", "orders", "orders.suite.json"));

        Assert.Equal(ExitCodes.Success, code);
        // The same sentences as the data docs (one template per GX type).
        Assert.Contains("Values in `order_id` must not be null.", output, StringComparison.Ordinal);
        Assert.Contains("Values in `customer_id` must not be null, at least 99% of the time. (a few guest checkouts have no customer yet)", output, StringComparison.Ordinal);
        Assert.Contains("Values in `amount` must be between 0 and 1000000.", output, StringComparison.Ordinal);
        Assert.Contains("Values in `status` must belong to the set [\"placed\", \"shipped\", \"delivered\", \"cancelled\"].", output, StringComparison.Ordinal);
        Assert.Contains("Values in `order_date` must match `%Y-%m-%d`.", output, StringComparison.Ordinal);
        Assert.Contains("The table must have between 100 and 10000000 rows.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void SuiteShow_ByName_FindsTheSuiteInTheProject_AndSuggestsNearNames()
    {
        var root = InitProject();
        File.WriteAllText(Path.Combine(root, "suites", "broken.json"), "{\"name\": ");
        var timeout = TimeSpan.FromMinutes(2);

        var (code, output, error) = DqRunner.RunProcess(root, timeout, "suite", "show", "orders");
        var (missing, _, missingError) = DqRunner.RunProcess(root, timeout, "suite", "show", "ordres");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("Suite `orders` (suites/orders.suite.json): 8 expectations", output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.UsageOrConfiguration, missing);
        Assert.Contains("no suite named `ordres`", missingError, StringComparison.Ordinal);
        Assert.Contains("Did you mean `orders`?", missingError, StringComparison.Ordinal);
    }

    [Fact]
    public void SuiteList_ListsSuitesAndFlagsInvalidOnes()
    {
        var root = InitProject();
        File.WriteAllText(Path.Combine(root, "suites", "broken.json"), "{\"name\": ");

        var (code, output, _) = DqRunner.Run("suite", "list", "--dir", Path.Combine(root, "suites"));

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("8 (1 warn)", output, StringComparison.Ordinal);
        Assert.Contains("INVALID", output, StringComparison.Ordinal);
        Assert.Contains("not valid JSON", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("init")]
    [InlineData("validate")]
    [InlineData("runs")]
    [InlineData("runs", "list")]
    [InlineData("runs", "show")]
    [InlineData("suite")]
    [InlineData("suite", "list")]
    [InlineData("suite", "show")]
    public void Help_OfEveryCommand_HasExamples(params string[] command)
    {
        var (code, output, _) = DqRunner.Run([.. command, "--help"]);

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("Examples:", output, StringComparison.Ordinal);
    }
}
