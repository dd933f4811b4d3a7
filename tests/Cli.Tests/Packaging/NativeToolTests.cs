using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Dq.Cli.Tests.Packaging;

/// <summary>
/// The installed Native AOT tool against the framework-dependent build of the same code (<c>dotnet dq.dll</c>) as
/// the reference: each scenario runs in two identical folders, and the exit code, the console output and every file
/// written must match once run ids, clock times and durations are masked. Native AOT compiles without the runtime's
/// reflection fallbacks, so a path that needs one fails here, not on a user's machine. Both builds must also stop
/// cleanly when interrupted (exit 130, nothing written), since Native AOT handles signals without the runtime host.
/// </summary>
[Collection("tool package")]
public sealed partial class NativeToolTests(InstalledTool tool) : TempFolderTest
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(2);

    private static string Corpus(string file) => Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "conformance", "parquet-testing", file));

    public static TheoryData<string> Scenarios => [.. s_scenarioSetups.Keys];

    /// <summary>Each scenario: the files it starts with, the command lines it runs, the files whose contents are compared.</summary>
    private static readonly Dictionary<string, (Action<string> Setup, string[][] Commands, string[] Outputs)> s_scenarioSetups = new()
    {
        ["CSV with failures: COMPLETE result, JUnit, Markdown summary"] = (
            folder => CopySample(folder),
            [["validate", "orders.csv", "--suite", "orders.suite.json", "--result-format", "COMPLETE", "-o", "result.json",
              "--junit", "junit.xml", "--summary-md", "summary.md", "--store", "none"]],
            ["result.json", "junit.xml", "summary.md"]),
        ["Parquet of every flat type, INT96 timestamps"] = (
            folder => File.WriteAllText(Path.Combine(folder, "suite.json"), AllTypesSuite),
            [["validate", Corpus("data/alltypes_plain.parquet"), "--suite", "suite.json", "--result-format", "COMPLETE", "-o", "result.json", "--store", "none"]],
            ["result.json"]),
        ["JSON lines: patterns, lengths, dates"] = (
            folder =>
            {
                File.WriteAllText(Path.Combine(folder, "events.jsonl"), EventsJsonLines);
                File.WriteAllText(Path.Combine(folder, "suite.json"), EventsSuite);
            },
            [["validate", "events.jsonl", "--suite", "suite.json", "--result-format", "COMPLETE", "-o", "result.json", "--store", "none"]],
            ["result.json"]),
        ["Project: init, YAML checkpoint, store, data docs, runs and suites"] = (
            _ => { },
            [["init", "proj"],
             ["validate", "--checkpoint", "proj/checkpoints/orders.yml", "--docs", "site"],
             ["runs", "list", "--json", "--store", "proj/.dq/store.db"],
             ["suite", "show", "proj/suites/orders.suite.json"],
             ["docs", "build", "--store", "proj/.dq/store.db", "--out", "rebuilt"]],
            ["proj/reports/orders.result.json", "proj/reports/orders.junit.xml", "site/index.html", "rebuilt/index.html"]),
        ["CSV with a schema: a malformed row skipped and reported"] = (
            folder =>
            {
                File.WriteAllText(Path.Combine(folder, "amounts.csv"), "id,amount,note\n1,10.5,ok\n2,3,one,too many\n3,7,\"quoted, text\"\n4,,empty\n");
                File.WriteAllText(Path.Combine(folder, "suite.json"), AmountsSuite);
            },
            [["validate", "amounts.csv", "--suite", "suite.json", "--schema", "amount:double,id:int64", "--on-bad-rows", "skip",
              "--result-format", "COMPLETE", "-o", "result.json", "--store", "none"]],
            ["result.json"]),
        ["CSV value the schema cannot hold (exit 3)"] = (
            folder =>
            {
                File.WriteAllText(Path.Combine(folder, "amounts.csv"), "id,amount\n1,10.5\n2,abc\n");
                File.WriteAllText(Path.Combine(folder, "suite.json"), AmountsSuite);
            },
            [["validate", "amounts.csv", "--suite", "suite.json", "--schema", "amount:double", "--store", "none"]],
            []),
        ["Suite that is not JSON (exit 2)"] = (
            folder =>
            {
                CopySample(folder);
                File.WriteAllText(Path.Combine(folder, "broken.json"), "{ \"name\": \"orders\", \"expectations\": [ { \"type\": ");
            },
            [["validate", "orders.csv", "--suite", "broken.json", "--store", "none"]],
            []),
        ["Checkpoint that is not YAML (exit 2)"] = (
            folder => File.WriteAllText(Path.Combine(folder, "bad.yml"), "name: orders\nvalidations:\n  - data: [unclosed\n"),
            [["validate", "--checkpoint", "bad.yml"]],
            []),
        ["DuckDB database: the suite runs inside it (DuckDB.NET under Native AOT)"] = (
            folder => CreateDuckDbOrders(Path.Combine(folder, "orders.duckdb")),
            [["validate", "duckdb:orders.duckdb", "--table", "orders", "--suite", Repository.PathOf("samples", "orders", "orders.suite.json"),
              "--result-format", "COMPLETE", "-o", "result.json", "--store", "none"],
             ["validate", "duckdb:orders.duckdb", "--table", "no_such_table", "--suite", Repository.PathOf("samples", "orders", "orders.suite.json"), "--store", "none"]],
            ["result.json"]),
        ["Malformed Parquet (exit 3)"] = (
            _ => { },
            [["validate", Corpus("bad_data/PARQUET-1481.parquet"), "--suite", Repository.PathOf("samples", "orders", "orders.suite.json"), "--store", "none"]],
            []),
    };

    /// <summary>The seed orders as a DuckDB table (order dates as text: some are not dates).</summary>
    private static void CreateDuckDbOrders(string path)
    {
        using var connection = new DuckDB.NET.Data.DuckDBConnection($"Data Source={path}");
        connection.Open();
        using var command = connection.CreateCommand();
        var csv = Repository.PathOf("samples", "orders", "orders.csv").Replace("'", "''", StringComparison.Ordinal);
        command.CommandText = $"CREATE TABLE orders AS SELECT * FROM read_csv('{csv}', header = true, types = {{'order_date': 'VARCHAR'}})";
        command.ExecuteNonQuery();
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void NativeTool_MatchesTheFrameworkDependentBuild(string scenario)
    {
        Assert.SkipWhen(tool.NativePlatform is null, "dq ships no Native AOT package for this host's platform, so the installed tool is the framework-dependent build itself.");
        var (setup, commands, outputs) = s_scenarioSetups[scenario];
        var native = Directory.CreateDirectory(Path.Combine(Folder, "native-run")).FullName;
        var reference = Directory.CreateDirectory(Path.Combine(Folder, "reference-run")).FullName;
        setup(native);
        setup(reference);

        foreach (var command in commands)
        {
            var expected = DqRunner.RunProcess(reference, s_timeout, command);
            var actual = tool.Run(native, command);
            var line = $"dq {string.Join(' ', command)}";
            Assert.True(expected.Code == actual.Code, $"{line}: exit code {actual.Code}, the framework-dependent build's {expected.Code}\n{actual.Out}{actual.Err}");
            Assert.Equal(Mask(expected.Out, reference), Mask(actual.Out, native));
            Assert.Equal(Mask(expected.Err, reference), Mask(actual.Err, native));
        }
        foreach (var output in outputs)
        {
            Assert.True(File.Exists(Path.Combine(reference, output)), $"the framework-dependent build wrote no {output}");
            Assert.Equal(Mask(File.ReadAllText(Path.Combine(reference, output)), reference), Mask(File.ReadAllText(Path.Combine(native, output)), native));
        }
    }

    [Theory]
    [InlineData(true, "INT")]
    [InlineData(true, "TERM")]
    [InlineData(false, "INT")]
    [InlineData(false, "TERM")]
    public async Task Interrupt_MidCheckpoint_Exits130_AndWritesNothing(bool native, string signal)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The test watches /proc for the moment dq reads its data, and signals it with kill.");
        Assert.SkipWhen(native && tool.NativePlatform is null, "dq ships no Native AOT package for this host's platform.");
        string project = InitProject();
        // 40 files of 50,000 rows behind the checkpoint's glob: seconds of work, so the interrupt lands mid-run.
        string first = Path.Combine(project, "data", "orders-000.csv");
        File.WriteAllLines(first, ["order_id,customer_id,amount,status,order_date",
            .. Enumerable.Range(0, 50_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i},{i % 977},{i % 1000}.25,placed,2024-0{1 + i % 9}-1{i % 9}"))]);
        for (int part = 1; part < 40; part++)
        {
            File.Copy(first, Path.Combine(project, "data", string.Create(CultureInfo.InvariantCulture, $"orders-{part:000}.csv")));
        }
        string[] args = ["validate", "--checkpoint", Path.Combine(project, "checkpoints", "orders.yml"), "--docs", Path.Combine(Folder, "site")];
        // A SIGINT that the test's own parent ignores (CI scripts run in the background) would stay ignored in dq,
        // as the convention wants: GNU env starts dq with the signal's default disposition, as a terminal would.
        string[] command = native ? [tool.Command, .. args] : ["dotnet", DqRunner.DqDll, .. args];
        using Process process = Process.Start(new ProcessStartInfo("env", [$"--default-signal={signal}", .. command])
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

        WaitUntilReading(process, Path.Combine(project, "data"));
        using (var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        Assert.True(process.WaitForExit(s_timeout), $"dq did not stop after SIG{signal}");
        string stdout = await output, stderr = await error;
        Assert.True(process.ExitCode == 130, $"exit code {process.ExitCode}\n{stdout}{stderr}");
        Assert.Contains("dq: cancelled; no output was written.", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(project, "reports")), "a report was written");
        Assert.False(Directory.Exists(Path.Combine(Folder, "site")), "data docs were written");
        Assert.False(File.Exists(Path.Combine(project, ".dq", "store.db")), "the store was written");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Outputs_ThroughASymlinkAndIntoAFifo_KeepBothNodes(bool native)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The test makes a FIFO with mkfifo and reads the node types Linux reports.");
        Assert.SkipWhen(native && tool.NativePlatform is null, "dq ships no Native AOT package for this host's platform.");
        CopySample(Folder);
        var target = Path.Combine(Folder, "kept", "result.json");
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllText(target, "old");
        File.CreateSymbolicLink(Path.Combine(Folder, "link.json"), target);
        var fifo = Path.Combine(Folder, "junit.pipe");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        var piped = Task.Run(() => File.ReadAllText(fifo), TestContext.Current.CancellationToken);
        string[] args = ["validate", "orders.csv", "--suite", "orders.suite.json", "-o", "link.json", "--junit", "junit.pipe", "--store", "none"];

        var (code, output, error) = native ? tool.Run(Folder, args) : DqRunner.RunProcess(Folder, s_timeout, args);

        Assert.True(code == ExitCodes.ExpectationFailed, output + error);
        Assert.Contains("<testsuites", await piped.WaitAsync(s_timeout, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.True(FileKind.IsSpecial(fifo), "the FIFO was replaced by a file");
        Assert.Equal(target, new FileInfo(Path.Combine(Folder, "link.json")).LinkTarget);
        Assert.Contains("\"suite_name\"", File.ReadAllText(target), StringComparison.Ordinal);
    }

    /// <summary>Waits until the process has one of the files under <paramref name="folder"/> open: the validations have begun.</summary>
    private static void WaitUntilReading(Process process, string folder)
    {
        var deadline = DateTime.UtcNow + s_timeout;
        string fds = $"/proc/{process.Id}/fd";
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(fds).Any(fd => new FileInfo(fd).LinkTarget?.StartsWith(folder, StringComparison.Ordinal) == true))
                {
                    return;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A descriptor closed while it was read: look again.
            }
            Thread.Sleep(2);
        }
        Assert.Fail(process.HasExited ? $"dq exited ({process.ExitCode}) before it was interrupted" : "dq never opened its data");
    }

    /// <summary>Masks what differs between any two runs: the folder they ran in, run ids, clock times, durations.</summary>
    private static string Mask(string text, string folder)
    {
        text = text.Replace(folder, "<folder>", StringComparison.Ordinal).Replace(Path.GetFileName(folder), "<folder>", StringComparison.Ordinal);
        text = Timestamp().Replace(text, "<time>");
        text = RunId().Replace(text, "<id>");
        text = Duration().Replace(text, "<duration>");
        return text;
    }

    [GeneratedRegex(@"\d{4}-\d\d-\d\d[T ]\d\d:\d\d(:\d\d(\.\d+)?)?( ?UTC|Z|[+-]\d\d:\d\d)?")]
    private static partial Regex Timestamp();

    [GeneratedRegex(@"\b[0-9a-f]{12}([0-9a-f]{20})?\b")]
    private static partial Regex RunId();

    [GeneratedRegex(@"\d+(\.\d+)?(E-?\d+)? ?(s|ms)\b|""(duration_seconds|time)"": ?[0-9.E-]+|time=""[0-9.]+""", RegexOptions.IgnoreCase)]
    private static partial Regex Duration();

    private static void CopySample(string folder)
    {
        foreach (var file in new[] { "orders.csv", "orders.suite.json" })
        {
            File.Copy(Repository.PathOf("samples", "orders", file), Path.Combine(folder, file));
        }
    }

    private const string AllTypesSuite = """
        {
          "name": "alltypes",
          "expectations": [
            { "type": "expect_column_values_to_not_be_null", "kwargs": { "column": "id" } },
            { "type": "expect_column_values_to_be_between", "kwargs": { "column": "id", "min_value": 0, "max_value": 5 } },
            { "type": "expect_column_values_to_be_unique", "kwargs": { "column": "int_col" } },
            { "type": "expect_column_values_to_be_in_set", "kwargs": { "column": "bool_col", "value_set": [true] } },
            { "type": "expect_column_mean_to_be_between", "kwargs": { "column": "double_col", "min_value": 0, "max_value": 5 } },
            { "type": "expect_column_values_to_be_between",
              "kwargs": { "column": "timestamp_col", "min_value": "2009-01-01T00:00:00", "max_value": "2009-03-01T00:00:00" } },
            { "type": "expect_column_values_to_be_of_type", "kwargs": { "column": "float_col", "type_": "float" } },
            { "type": "expect_column_median_to_be_between", "kwargs": { "column": "bigint_col", "min_value": 0, "max_value": 100 } },
            { "type": "expect_table_row_count_to_equal", "kwargs": { "value": 8 } }
          ]
        }
        """;

    private const string AmountsSuite = """
        {
          "name": "amounts",
          "expectations": [
            { "type": "expect_column_values_to_not_be_null", "kwargs": { "column": "amount" } },
            { "type": "expect_column_values_to_be_between", "kwargs": { "column": "amount", "min_value": 0, "max_value": 10 } },
            { "type": "expect_column_values_to_be_of_type", "kwargs": { "column": "id", "type_": "int64" } }
          ]
        }
        """;

    private const string EventsJsonLines = """
        {"id": 1, "user": "ana@example.com", "kind": "click", "at": "2024-03-01", "score": 0.5, "tags": "a"}
        {"id": 2, "user": "bob@example", "kind": "view", "at": "2024-02-30", "score": 1.5, "tags": "bb"}
        {"id": 3, "user": null, "kind": "click", "at": "03/01/2024", "score": null, "tags": "ccc"}
        {"id": 3, "user": "çé@exämple.com", "kind": "purchase", "at": "2024-03-02", "score": -2, "tags": "dddd"}
        """;

    private const string EventsSuite = """
        {
          "name": "events",
          "expectations": [
            { "type": "expect_column_values_to_be_unique", "kwargs": { "column": "id" } },
            { "type": "expect_column_values_to_match_regex", "kwargs": { "column": "user", "regex": "^[^@]+@[^@]+\\.[a-z]+$" } },
            { "type": "expect_column_values_to_not_match_regex_list", "kwargs": { "column": "user", "regex_list": ["^bob", "ä"] } },
            { "type": "expect_column_values_to_match_strftime_format", "kwargs": { "column": "at", "strftime_format": "%Y-%m-%d" } },
            { "type": "expect_column_value_lengths_to_be_between", "kwargs": { "column": "tags", "min_value": 1, "max_value": 3 } },
            { "type": "expect_column_distinct_values_to_be_in_set", "kwargs": { "column": "kind", "value_set": ["click", "view"] } },
            { "type": "expect_column_values_to_be_between", "kwargs": { "column": "score", "min_value": 0, "max_value": 1, "mostly": 0.5 } },
            { "type": "expect_column_quantile_values_to_be_between",
              "kwargs": { "column": "score", "quantile_ranges": { "quantiles": [0.25, 0.5], "value_ranges": [[-3, 0], [0, 1]] } } }
          ]
        }
        """;
}
