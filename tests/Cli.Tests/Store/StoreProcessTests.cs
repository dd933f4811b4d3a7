using System.Diagnostics;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Dq.Cli.Tests.Store;

/// <summary>Tests that run <c>dq</c> as child processes; they run alone (not beside other tests) to keep their timing bounded.</summary>
[CollectionDefinition("processes", DisableParallelization = true)]
public sealed class ProcessCollection;

[Collection("processes")]
public sealed class StoreProcessTests : TempFolderTest
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMinutes(3);

    /// <summary>A project whose checkpoint validates the sample <paramref name="runs"/> times and only stores the results.</summary>
    private (string Root, string Checkpoint) Project(int runs)
    {
        var root = InitProject();
        var yaml = new StringBuilder("name: many\nvalidations:\n");
        for (var i = 0; i < runs; i++)
        {
            yaml.Append("  - data: ../data/orders.csv\n    csv: { null_tokens: [NA] }\n    suite: ../suites/orders.suite.json\n");
        }
        yaml.Append("actions:\n  - store_result\n");
        return (root, Write(Path.Combine(root, "checkpoints", "many.yml"), yaml.ToString()));
    }

    [Fact]
    public async Task EightProcessesStoringTwentyRunsEach_LoseNothing()
    {
        var (root, checkpoint) = Project(runs: 20);

        var processes = Enumerable.Range(0, 8).Select(_ => DqRunner.Start(root, null, "validate", "--checkpoint", checkpoint, "--quiet")).ToList();
        var token = TestContext.Current.CancellationToken;
        var outputs = processes.Select(p => (Out: p.StandardOutput.ReadToEndAsync(token), Err: p.StandardError.ReadToEndAsync(token))).ToList();
        foreach (var (process, i) in processes.Select((p, i) => (p, i)))
        {
            Assert.True(process.WaitForExit(s_timeout), "a dq process did not finish in time");
            Assert.True(process.ExitCode == 0, $"process {i} exited {process.ExitCode}: {await outputs[i].Out} {await outputs[i].Err}");
            process.Dispose();
        }

        using var connection = Open(Path.Combine(root, ".dq", "store.db"));
        Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
        Assert.Equal(160L, Scalar(connection, "SELECT count(*) FROM runs"));
        Assert.Equal(8L, Scalar(connection, "SELECT count(DISTINCT checkpoint_run_id) FROM runs"));
        Assert.Equal(160L * 8, Scalar(connection, "SELECT count(*) FROM expectation_results"));
        AssertNoPartialRun(connection);
    }

    [Fact]
    public void ProcessesKilledAtRandomPoints_LeaveNoPartialRun()
    {
        var (root, checkpoint) = Project(runs: 20);
        var random = new Random(20_240_611);
        var environment = new Dictionary<string, string> { ["DQ_TEST_STORE_PAUSE_MS"] = "5" };
        var killedWhileRunning = 0;

        for (var attempt = 0; attempt < 6; attempt++)
        {
            using var process = DqRunner.Start(root, environment, "validate", "--checkpoint", checkpoint, "--quiet");
            _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            var delay = random.Next(400, 3_000);
            if (!process.WaitForExit(delay))
            {
                process.Kill(entireProcessTree: true);
                killedWhileRunning++;
            }
            Assert.True(process.WaitForExit(s_timeout));
        }

        Assert.True(killedWhileRunning > 0, "no process was still running when killed; the test proves nothing");
        var store = Path.Combine(root, ".dq", "store.db");
        // A clean run after the kills: the store opens, recovers, and takes new runs.
        var (code, _, error) = DqRunner.RunProcess(root, s_timeout, "validate", "--checkpoint", Path.Combine(root, "checkpoints", "orders.yml"), "--quiet");
        Assert.True(code == 0, error);
        using var connection = Open(store);
        Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
        AssertNoPartialRun(connection);
    }

    [Fact]
    public async Task SignalWhileStoring_Exits130_WithTheStoreAsItWasAndNoReport()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "The test signals dq with kill.");
        var (root, _) = Project(runs: 1);
        var (first, _, firstError) = DqRunner.RunProcess(root, s_timeout, "validate", "--checkpoint", Path.Combine(root, "checkpoints", "many.yml"), "--quiet");
        Assert.True(first == 0, firstError);
        var checkpoint = Write(Path.Combine(root, "checkpoints", "reported.yml"), """
            validations:
              - data: ../data/orders.csv
                csv: { null_tokens: [NA] }
                suite: ../suites/orders.suite.json
            actions:
              - store_result
              - write_json: ../reports/result.json
              - write_junit: ../reports/junit.xml
            """);
        // 400 ms per stored expectation row: the store write takes seconds, and the signal lands inside it.
        var environment = new Dictionary<string, string> { ["DQ_TEST_STORE_PAUSE_MS"] = "400" };
        using var process = DqRunner.Start(root, environment, "validate", "--checkpoint", checkpoint);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        // The console summary is printed when the scan is over, just before the outputs are staged.
        string? line;
        while ((line = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken)) is not null && !line.Contains("expectations met", StringComparison.Ordinal))
        {
        }
        Assert.NotNull(line);
        await Task.Delay(600, TestContext.Current.CancellationToken);
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.True(process.WaitForExit(s_timeout), "dq did not stop after SIGTERM");
        var stderr = await error;
        Assert.True(process.ExitCode == 130, $"exit code {process.ExitCode}: {stderr}");
        Assert.Contains("dq: cancelled; no output was written.", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(root, "reports")) && Directory.EnumerateFileSystemEntries(Path.Combine(root, "reports")).Any(), "a report or temporary file was left");
        using var connection = Open(Path.Combine(root, ".dq", "store.db"));
        Assert.Equal(1L, Scalar(connection, "SELECT count(*) FROM runs"));
        AssertNoPartialRun(connection);
    }

    [Fact]
    public async Task SignalWhileBlockedOnAFifoSuite_StillEndsTheRun()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "The test makes a FIFO with mkfifo and signals dq with kill.");
        var fifo = Path.Combine(Folder, "suite.fifo");
        using (var mkfifo = Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        // Nobody writes the FIFO: opening it blocks in the kernel, where no cancellation token is looked at.
        using var process = DqRunner.Start(Folder, null, "validate", Repository.PathOf("samples", "orders", "orders.csv"), "--suite", fifo, "--store", "none");
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await Task.Delay(1_500, TestContext.Current.CancellationToken);
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.True(process.WaitForExit(s_timeout), "dq ignored SIGTERM while blocked on the FIFO");
        Assert.Equal(130, process.ExitCode);
        Assert.Contains("still busy 10 s after the signal", await error, StringComparison.Ordinal);
    }

    private static void AssertNoPartialRun(SqliteConnection connection)
    {
        // Every run has exactly one row per evaluated expectation, and no expectation row lacks its run.
        Assert.Equal(0L, Scalar(connection, """
            SELECT count(*) FROM runs r
            WHERE r.evaluated_expectations <> (SELECT count(*) FROM expectation_results e WHERE e.run_id = r.run_id)
            """));
        Assert.Equal(0L, Scalar(connection, "SELECT count(*) FROM expectation_results e WHERE NOT EXISTS (SELECT 1 FROM runs r WHERE r.run_id = e.run_id)"));
    }

    private static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
