using Dq.Expectations.Catalog;

namespace Dq.Conformance;

/// <summary>The GX corpus, one test per applicable case, and the one-line summary.</summary>
public sealed class GxConformanceTests
{
    public static TheoryData<string> CaseIds() => [.. GxCorpus.Applicable.Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(CaseIds))]
    public void Case_MatchesGreatExpectations(string id)
    {
        var gxCase = GxCorpus.Applicable.Single(c => c.Id == id);
        var outcome = CaseRunner.Run(gxCase);
        if (outcome.Verdict == Verdict.Skipped)
        {
            Assert.Skip($"{gxCase.Title}: {outcome.Reason}");
        }
        Assert.True(outcome.Verdict == Verdict.Passed, $"{gxCase}: {outcome.Reason}");
    }

    /// <summary>
    /// Prints <c>GX conformance: P passed, F failed, S skipped of N applicable</c>, N counting all 48 types, and
    /// writes it to conformance-summary.txt beside the test binaries for CI to show.
    /// </summary>
    [Fact]
    public void Summary_EveryImplementedTypePasses()
    {
        var outcomes = GxCorpus.Applicable.Select(c => (Case: c, Outcome: CaseRunner.Run(c))).ToList();
        var passed = outcomes.Count(o => o.Outcome.Verdict == Verdict.Passed);
        var failed = outcomes.Where(o => o.Outcome.Verdict == Verdict.Failed).ToList();
        var skipped = outcomes.Count(o => o.Outcome.Verdict == Verdict.Skipped);
        var line = $"GX conformance: {passed} passed, {failed.Count} failed, {skipped} skipped of {outcomes.Count} applicable";
        var implemented = outcomes.Where(o => ExpectationCatalog.IsSupported(o.Case.ExpectationType)).ToList();
        var report = string.Join(Environment.NewLine,
            [line, $"implemented types: {ExpectationCatalog.Types.Count} of 48, {implemented.Count} applicable cases",
             .. failed.Select(f => $"FAILED {f.Case}: {f.Outcome.Reason}"),
             .. outcomes.Where(o => o.Outcome.Verdict == Verdict.Skipped).Select(o => $"SKIPPED {o.Case}: {o.Outcome.Reason}")]);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "conformance-summary.txt"), report + Environment.NewLine);
        TestContext.Current.SendDiagnosticMessage(line);
        Assert.True(failed.Count == 0, report);
    }
}
