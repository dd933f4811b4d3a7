namespace Dq.Conformance;

/// <summary>
/// The GX corpus inside DuckDB and PostgreSQL: each case's table loaded with its types, the suite run by
/// <see cref="Dq.Sql.SqlValidator"/>, the result compared with GX's as for the in-memory engine.
/// </summary>
public sealed class SqlConformanceTests
{
    public static TheoryData<string> CaseIds() => GxConformanceTests.CaseIds();

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_MatchesGreatExpectations_InDuckDb(string id) => AssertPasses(id, SqlBackends.DuckDb);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_MatchesGreatExpectations_InPostgreSql(string id)
    {
        Assert.SkipWhen(SqlBackends.PostgreSql is null, SqlBackend.NotConfigured);
        AssertPasses(id, SqlBackends.PostgreSql!);
    }

    private static void AssertPasses(string id, SqlBackend backend)
    {
        var gxCase = GxCorpus.Applicable.Single(c => c.Id == id);
        var outcome = CaseRunner.Run(gxCase, TextEncoding.Plain, backend);
        if (outcome.Verdict == Verdict.Skipped)
        {
            Assert.Skip($"{gxCase.Title}: {outcome.Reason}");
        }
        Assert.True(outcome.Verdict == Verdict.Passed, $"{gxCase} ({backend.Name}): {outcome.Reason}");
    }
}

/// <summary>The databases of a test run, opened once (a server connection per process).</summary>
public static class SqlBackends
{
    private static readonly Lazy<SqlBackend> s_duckDb = new(SqlBackend.DuckDb);
    private static readonly Lazy<SqlBackend?> s_postgreSql = new(SqlBackend.PostgreSql);

    public static SqlBackend DuckDb => s_duckDb.Value;

    public static SqlBackend? PostgreSql => s_postgreSql.Value;
}
