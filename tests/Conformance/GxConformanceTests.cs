using Dq.Expectations.Catalog;

namespace Dq.Conformance;

/// <summary>
/// The GX corpus, one test per applicable case, run twice: with text as GX's pandas frame holds it, and with every
/// text column dictionary-encoded (as a Parquet reader hands it over), which must not change any result.
/// </summary>
public sealed class GxConformanceTests
{
    public static TheoryData<string> CaseIds() => [.. GxCorpus.Applicable.Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_MatchesGreatExpectations(string id) => AssertPasses(id, TextEncoding.Plain);

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_MatchesGreatExpectations_WithDictionaryEncodedText(string id) => AssertPasses(id, TextEncoding.Dictionary);

    private static void AssertPasses(string id, TextEncoding text)
    {
        var gxCase = GxCorpus.Applicable.Single(c => c.Id == id);
        var outcome = CaseRunner.Run(gxCase, text);
        if (outcome.Verdict == Verdict.Skipped)
        {
            Assert.Skip($"{gxCase.Title}: {outcome.Reason}");
        }
        Assert.True(outcome.Verdict == Verdict.Passed, $"{gxCase}: {outcome.Reason}");
    }

    /// <summary>dq's own types, which GX does not have (not counted among the 48 GX types).</summary>
    private static readonly HashSet<string> s_dqOwnTypes =
    [
        ExpectMetricToNotBeAnomalous.TypeName, ExpectColumnDistributionToMatchBaseline.TypeName, ExpectTableToMatchBaseline.TypeName,
        ExpectClassificationMetricToBeBetween.TypeName, ExpectRegressionMetricToBeBetween.TypeName, ExpectBiasMetricToBeBetween.TypeName,
    ];

    /// <summary>
    /// Prints <c>GX conformance: P passed, F failed, S skipped of N applicable</c>, N counting all 48 types, then the
    /// same line for dictionary-encoded text, inside PostgreSQL (when DQ_TEST_POSTGRES names a server) and inside
    /// DuckDB, and writes both (with every failure and skip) to conformance-summary.txt
    /// beside the test binaries for CI to show.
    /// </summary>
    [Fact]
    public void Summary_EveryImplementedTypePasses()
    {
        var plain = Tally(TextEncoding.Plain, "GX conformance");
        var dictionary = Tally(TextEncoding.Dictionary, "GX conformance (dictionary-encoded text)");
        var postgres = SqlBackends.PostgreSql is { } server
            ? Tally(TextEncoding.Plain, "GX conformance (postgresql)", server)
            : (Line: $"GX conformance (postgresql): not run: {SqlBackend.NotConfigured}", Failed: 0, Details: new List<string>());
        var duckDb = Tally(TextEncoding.Plain, "GX conformance (duckdb)", SqlBackends.DuckDb);
        var implemented = GxCorpus.Applicable.Count(c => ExpectationCatalog.IsSupported(c.ExpectationType));
        var report = string.Join(Environment.NewLine,
            [plain.Line, dictionary.Line, postgres.Line, duckDb.Line, $"implemented GX types: {ExpectationCatalog.Types.Count(t => !s_dqOwnTypes.Contains(t))} of 48, {implemented} applicable cases",
             .. plain.Details, .. dictionary.Details.Select(d => $"{d} [dictionary-encoded text]"),
             .. postgres.Details.Select(d => $"{d} [postgresql]"), .. duckDb.Details.Select(d => $"{d} [duckdb]")]);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "conformance-summary.txt"), report + Environment.NewLine);
        TestContext.Current.SendDiagnosticMessage(plain.Line);
        TestContext.Current.SendDiagnosticMessage(dictionary.Line);
        TestContext.Current.SendDiagnosticMessage(postgres.Line);
        TestContext.Current.SendDiagnosticMessage(duckDb.Line);
        Assert.True(plain.Failed == 0 && dictionary.Failed == 0 && postgres.Failed == 0 && duckDb.Failed == 0, report);
    }

    private static (string Line, int Failed, List<string> Details) Tally(TextEncoding text, string title, SqlBackend? backend = null)
    {
        var outcomes = GxCorpus.Applicable.Select(c => (Case: c, Outcome: CaseRunner.Run(c, text, backend))).ToList();
        var passed = outcomes.Count(o => o.Outcome.Verdict == Verdict.Passed);
        var failed = outcomes.Where(o => o.Outcome.Verdict == Verdict.Failed).ToList();
        var skipped = outcomes.Where(o => o.Outcome.Verdict == Verdict.Skipped).ToList();
        var line = $"{title}: {passed} passed, {failed.Count} failed, {skipped.Count} skipped of {outcomes.Count} applicable";
        List<string> details =
        [
            .. failed.Select(f => $"FAILED {f.Case}: {f.Outcome.Reason}"),
            .. skipped.Select(s => $"SKIPPED {s.Case}: {s.Outcome.Reason}"),
        ];
        return (line, failed.Count, details);
    }
}
