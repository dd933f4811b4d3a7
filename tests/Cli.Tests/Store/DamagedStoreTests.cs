namespace Dq.Cli.Tests.Store;

/// <summary>
/// A damaged store (a SQLite page overwritten) once crashed `validate` after the scan, before any report was written,
/// and `docs build` with a SqliteException: the reports must still be written, and both must exit 2 saying what to do.
/// </summary>
public sealed class DamagedStoreTests : IDisposable
{
    private static readonly string s_orders = Repository.PathOf("samples", "orders", "orders.csv");
    private static readonly string s_suite = Repository.PathOf("samples", "orders", "orders.suite.json");
    private readonly string _folder = Directory.CreateTempSubdirectory("dq-damaged-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Validate_WritesEveryReport_ThenExitsTwoNamingTheDamagedStore()
    {
        string store = DamagedStore();
        string json = Path.Combine(_folder, "result.json");
        string junit = Path.Combine(_folder, "junit.xml");

        var (code, _, error) = DqRunner.Run("validate", s_orders, "--suite", s_suite, "--store", store, "--output", json, "--junit", junit);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("could not be used (SQLite: error 11", error, StringComparison.Ordinal);
        Assert.Contains("The file is damaged: move it aside", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Contains("\"suite_name\": \"orders\"", File.ReadAllText(json), StringComparison.Ordinal);
        Assert.Contains("<testsuite", File.ReadAllText(junit), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("docs", "build")]
    [InlineData("runs", "list")]
    public void StoreReadingCommands_ExitTwoWithAdvice(string command, string subcommand)
    {
        string store = DamagedStore();

        string[] args = command == "docs" ? [command, subcommand, "--store", store, "--out", Path.Combine(_folder, "site")] : [command, subcommand, "--store", store];

        var (code, _, error) = DqRunner.Run(args);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("database disk image is malformed", error, StringComparison.Ordinal);
        Assert.DoesNotContain("internal error", error, StringComparison.Ordinal);
    }

    /// <summary>A store with a few runs whose second page (a b-tree page of the runs) is overwritten with 0xFF.</summary>
    private string DamagedStore()
    {
        string store = Path.Combine(_folder, $"store-{Guid.NewGuid():N}.db");
        for (int i = 0; i < 3; i++)
        {
            var (code, _, error) = DqRunner.Run("validate", s_orders, "--suite", s_suite, "--store", store);
            Assert.True(code == ExitCodes.ExpectationFailed, error);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using (var file = new FileStream(store, FileMode.Open, FileAccess.ReadWrite))
        {
            file.Position = 4096;
            file.Write(Enumerable.Repeat((byte)0xFF, 4096).ToArray());
        }
        return store;
    }
}
