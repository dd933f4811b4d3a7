using System.Globalization;
using Dq.Cli.Store;
using Dq.Expectations.Catalog;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Microsoft.Data.Sqlite;

namespace Dq.Cli.Tests.Store;

/// <summary>
/// <c>dq runs prune</c> against a real store. What should remain is worked out here from the list of saved runs (group,
/// sort, take), and what remains is read back with plain SQL, not through the store's own queries.
/// </summary>
public sealed class PruneTests : TempFolderTest
{
    private static readonly DateTimeOffset s_start = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private string StorePath => Path.Combine(Folder, "store.db");

    private sealed record Saved(string Id, string Suite, string Asset, DateTimeOffset Time, int Expectations);

    /// <summary>A run with <paramref name="expectations"/> results, the first an anomaly expectation (so the run has a metric value).</summary>
    private static ValidationResult Run(Saved s) => new(
        s.Suite,
        [.. Enumerable.Range(0, s.Expectations).Select(i => i == 0
            ? new ExpectationResult(
                new ExpectationConfiguration(ExpectMetricToNotBeAnomalous.TypeName, new() { ["metric"] = "row_count", ["strategy"] = "batch_normal" }), true,
                new ResultDetails { HasObservedValue = true, ObservedValue = 10L })
            : new ExpectationResult(
                new ExpectationConfiguration("expect_column_values_to_not_be_null", new() { ["column"] = $"c{i}" }), true,
                new ResultDetails { ElementCount = 10, UnexpectedCount = 0, UnexpectedPercent = 0 }))],
        new ValidationRunInfo(s.Id, s.Time, s.Asset, 10, TimeSpan.FromSeconds(0.1), "0.1.0"));

    /// <summary>Saves 7 runs of s on a.csv, 2 of s on b.csv and 5 of t on a.csv, a day apart and interleaved, in a shuffled order.</summary>
    private List<Saved> SaveThreeGroups()
    {
        var runs = new List<Saved>();
        var day = 0;
        foreach (var (suite, asset, count) in new[] { ("s", "data/a.csv", 7), ("s", "data/b.csv", 2), ("t", "data/a.csv", 5) })
        {
            for (var i = 0; i < count; i++)
            {
                runs.Add(new Saved($"{suite}-{Path.GetFileNameWithoutExtension(asset)}-{i}", suite, asset, s_start.AddDays(day++ % 9).AddHours(i), 2 + (i % 3)));
            }
        }
        var random = new Random(7);
        Save(runs.OrderBy(_ => random.Next()).ToList());
        return runs;
    }

    private void Save(IEnumerable<Saved> runs)
    {
        using var store = ValidationStore.Open(StorePath);
        foreach (var run in runs)
        {
            store.Save(Run(run), null, null);
        }
    }

    /// <summary>The run ids in the store, read with plain SQL.</summary>
    private HashSet<string> StoredIds() => [.. Query("SELECT run_id FROM runs").Select(r => r[0])];

    private long ExpectationRows() => long.Parse(Query("SELECT count(*) FROM expectation_results")[0][0], CultureInfo.InvariantCulture);

    /// <summary>Rows of the run's child tables whose run is gone.</summary>
    private long OrphanRows() => long.Parse(Query("""
        SELECT (SELECT count(*) FROM expectation_results WHERE run_id NOT IN (SELECT run_id FROM runs))
             + (SELECT count(*) FROM metric_values WHERE run_id NOT IN (SELECT run_id FROM runs))
        """)[0][0], CultureInfo.InvariantCulture);

    /// <summary>The run ids that have a metric value.</summary>
    private HashSet<string> MetricValueIds() => [.. Query("SELECT run_id FROM metric_values").Select(r => r[0])];

    private List<string[]> Query(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)!)]);
        }
        return rows;
    }

    /// <summary>The reference: the <paramref name="keep"/> newest of each (suite, asset), newest by time.</summary>
    private static HashSet<string> NewestOfEachGroup(IEnumerable<Saved> runs, int keep) =>
        [.. runs.GroupBy(r => (r.Suite, r.Asset)).SelectMany(g => g.OrderByDescending(r => r.Time).Take(keep)).Select(r => r.Id)];

    private (int Code, string Out, string Err) Prune(params string[] args) => DqRunner.Run(["runs", "prune", "--store", StorePath, .. args]);

    [Fact]
    public void Keep_LeavesTheNewestRunsOfEachSuiteAndAsset_WithTheirResults()
    {
        var runs = SaveThreeGroups();
        Assert.Equal(runs.Sum(r => r.Expectations), ExpectationRows());
        var expected = NewestOfEachGroup(runs, 3);

        var (code, output, error) = Prune("--keep", "3");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal(expected, StoredIds());
        Assert.Equal(runs.Where(r => expected.Contains(r.Id)).Sum(r => r.Expectations), ExpectationRows());
        Assert.Equal(0, OrphanRows());
        Assert.Equal(expected, MetricValueIds());
        // s on b.csv had only 2 runs: untouched, and not listed among the groups that lost runs.
        Assert.Contains(runs.Where(r => r.Asset == "data/b.csv").Select(r => r.Id), StoredIds().Contains);
        Assert.Contains($"deleted 6 of 14 runs", output, StringComparison.Ordinal);
        Assert.DoesNotContain("data/b.csv", output, StringComparison.Ordinal);
        // The kept runs are still whole: their result JSON reads back.
        using var store = ValidationStore.Open(StorePath, create: false);
        Assert.All(expected, id => Assert.Equal(id, ValidationResultJson.Read(store.ResultJson(id)).Run.RunId));
    }

    [Fact]
    public void Keep_OnRunsOfTheSameTime_KeepsTheOneStoredLast()
    {
        Save([new Saved("first", "s", "a", s_start, 1), new Saved("second", "s", "a", s_start, 1), new Saved("older", "s", "a", s_start.AddDays(-1), 1)]);

        Assert.Equal(ExitCodes.Success, Prune("--keep", "1").Code);

        Assert.Equal(["second"], StoredIds());
    }

    [Fact]
    public void OlderThan_ADate_DeletesEarlierRunsOfEveryGroup()
    {
        var runs = SaveThreeGroups();
        var cutoff = s_start.AddDays(4);

        var (code, _, error) = Prune("--older-than", "2024-01-05");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Equal(runs.Where(r => r.Time >= cutoff).Select(r => r.Id).ToHashSet(), StoredIds());
        Assert.Equal(runs.Where(r => r.Time >= cutoff).Sum(r => r.Expectations), ExpectationRows());
    }

    [Fact]
    public void OlderThan_AnAge_CountsBackFromNow()
    {
        var now = DateTimeOffset.UtcNow;
        Save([new Saved("old", "s", "a", now.AddDays(-40), 2), new Saved("recent", "s", "a", now.AddDays(-20), 2), new Saved("new", "s", "a", now.AddHours(-1), 2)]);

        Assert.Equal(ExitCodes.Success, Prune("--older-than", "30d").Code);
        Assert.Equal(["new", "recent"], StoredIds().Order());
        Assert.Equal(ExitCodes.Success, Prune("--older-than", "2h").Code);
        Assert.Equal(["new"], StoredIds());
        Assert.Equal(2, ExpectationRows());
    }

    [Fact]
    public void KeepAndOlderThan_DeleteOnlyWhatBothSelect()
    {
        var runs = SaveThreeGroups();
        var cutoff = s_start.AddDays(4);
        var newest = NewestOfEachGroup(runs, 2);

        Assert.Equal(ExitCodes.Success, Prune("--keep", "2", "--older-than", "2024-01-05T00:00:00Z").Code);

        Assert.Equal(runs.Where(r => newest.Contains(r.Id) || r.Time >= cutoff).Select(r => r.Id).ToHashSet(), StoredIds());
    }

    [Fact]
    public void DryRun_ReportsTheSameRunsAndDeletesNothing()
    {
        var runs = SaveThreeGroups();
        var before = File.ReadAllBytes(StorePath);
        var doomed = runs.Select(r => r.Id).Except(NewestOfEachGroup(runs, 3)).ToList();

        var (code, output, error) = Prune("--keep", "3", "--dry-run", "--verbose");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("would delete 6 of 14 runs", output, StringComparison.Ordinal);
        Assert.Contains("nothing was deleted", output, StringComparison.Ordinal);
        Assert.All(doomed, id => Assert.Contains(id, output, StringComparison.Ordinal));
        Assert.Equal(runs.Select(r => r.Id).ToHashSet(), StoredIds());
        Assert.Equal(runs.Sum(r => r.Expectations), ExpectationRows());
        Assert.Equal(before.Length, File.ReadAllBytes(StorePath).Length);
    }

    [Fact]
    public void NothingSelected_SaysSoAndKeepsEveryRun()
    {
        var runs = SaveThreeGroups();

        var (code, output, _) = Prune("--keep", "50");

        Assert.Equal(ExitCodes.Success, code);
        Assert.Contains("nothing to delete", output, StringComparison.Ordinal);
        Assert.Equal(runs.Count, StoredIds().Count);
    }

    [Fact]
    public void Vacuum_ShrinksTheFile()
    {
        Save(Enumerable.Range(0, 300).Select(i => new Saved($"r{i}", "s", "a", s_start.AddMinutes(i), 20)));
        using (var connection = new SqliteConnection($"Data Source={StorePath};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
            checkpoint.ExecuteNonQuery();
        }
        var before = new FileInfo(StorePath).Length;

        var (code, output, error) = Prune("--keep", "5", "--vacuum");

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("compacted the store", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(StorePath).Length < before / 4, $"{new FileInfo(StorePath).Length} bytes after, {before} before");
        Assert.Equal(5, StoredIds().Count);
    }

    [Theory]
    [InlineData("needs a rule")]
    [InlineData("must be 1 or more", "--keep", "0")]
    [InlineData("must be 1 or more", "--keep", "-3")]
    [InlineData("`many` is not a whole number", "--keep", "many")]
    [InlineData("is not an age or a date", "--older-than", "30 days")]
    [InlineData("is not an age or a date", "--older-than", "5y")]
    [InlineData("is not an age or a date", "--older-than", "2024-13-01")]
    [InlineData("above 0", "--older-than", "0d")]
    [InlineData("in the future", "--older-than", "2999-01-01")]
    public void BadArguments_ExitTwoWithAMessage_AndLeaveTheStoreAlone(string message, params string[] args)
    {
        var runs = SaveThreeGroups();

        var (code, output, error) = Prune(args);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains(message, error, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.Equal("", output);
        Assert.Equal(runs.Count, StoredIds().Count);
    }

    [Fact]
    public void MissingStore_IsAUsageError()
    {
        var (code, _, error) = Prune("--keep", "3");

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("does not exist yet", error, StringComparison.Ordinal);
    }
}
