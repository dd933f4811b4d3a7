using System.Globalization;
using System.Text.Json.Nodes;
using Dq.Expectations;
using Dq.Expectations.Catalog;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Conformance;

public enum Verdict { Passed, Failed, Skipped }

public sealed record CaseOutcome(Verdict Verdict, string Reason = "");

/// <summary>
/// Runs one GX case through dq and compares with <c>out</c> as GX's runner does (the corpus README, "Comparing
/// with out"). Unexpected index entries are compared by their <c>pk_index</c>, which is the row position.
/// </summary>
public static class CaseRunner
{
    /// <param name="gxCase">The case.</param>
    /// <param name="text">How text columns are handed to dq: a dictionary-encoded column must give the plain column's result.</param>
    /// <param name="backend">Where the case runs: null for dq's engine, else a database (the table loaded there first).</param>
    public static CaseOutcome Run(GxCase gxCase, TextEncoding text = TextEncoding.Plain, SqlBackend? backend = null)
    {
        if (!ExpectationCatalog.IsSupported(gxCase.ExpectationType))
        {
            return new CaseOutcome(Verdict.Skipped, "expectation type not implemented yet");
        }
        if (GxCorpus.KnownGaps.TryGetValue(gxCase.Id, out var gap))
        {
            return new CaseOutcome(Verdict.Skipped, gap);
        }
        if (backend is not null && backend.KnownGaps.TryGetValue(gxCase.Id, out var sqlGap))
        {
            return new CaseOutcome(Verdict.Skipped, $"{backend.Name}: {sqlGap}");
        }
        var input = (JsonObject)gxCase.Test["in"]!.DeepClone();
        var expected = gxCase.Test["out"] as JsonObject ?? [];
        var expectsError = gxCase.Test["error"] is not null || expected.ContainsKey("traceback_substring");
        Apache.Arrow.RecordBatch table;
        try
        {
            table = PandasTable.Build(gxCase.Dataset, text, gxCase.Id);
        }
        catch (PandasTable.UnrepresentableException e)
        {
            return new CaseOutcome(Verdict.Failed, $"table cannot be built: {e.Message} (list the case in known-gaps.json with this reason if it is a lasting limit)");
        }

        ExpectationResult result;
        try
        {
            var format = input.ContainsKey("result_format") ? null : "COMPLETE";
            var suite = new ExpectationSuite("conformance", [ExpectationCatalog.Create(new ExpectationConfiguration(gxCase.ExpectationType, input), gxCase.Id)]);
            var options = new ValidationOptions { ResultFormat = format is null ? ResultFormat.Summary : new ResultFormat(ResultFormatLevel.Complete) };
            result = (backend is null ? Validator.Validate(table, suite, options) : backend.Validate(gxCase, table, suite, options)).Results[0];
        }
        catch (ConfigurationException e)
        {
            return expectsError ? new CaseOutcome(Verdict.Passed) : new CaseOutcome(Verdict.Failed, $"configuration error: {e.Message}");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A crash is a failure of this case (never a pass, even where GX expects an error), not of the whole run.
            return new CaseOutcome(Verdict.Failed, $"dq crashed: {e.GetType().Name}: {e.Message}");
        }
        if (expectsError)
        {
            return result.ExceptionInfo is not null
                ? new CaseOutcome(Verdict.Passed)
                : new CaseOutcome(Verdict.Failed, "GX raises an error here; dq judged the expectation instead");
        }
        if (result.ExceptionInfo is { } info && !expected.ContainsKey("exception_info"))
        {
            return new CaseOutcome(Verdict.Failed, $"dq could not judge: {info.ExceptionMessage}");
        }
        var actual = ActualAsJson(result);
        var problems = gxCase.Test["exact_match_out"]?.GetValue<bool>() == true
            ? OutcomeComparer.CompareExact(expected, actual)
            : OutcomeComparer.CompareKeys(expected, actual, gxCase.Test["tolerance"]?.GetValue<double>());
        return problems.Count == 0 ? new CaseOutcome(Verdict.Passed) : new CaseOutcome(Verdict.Failed, string.Join("; ", problems));
    }

    /// <summary>The expectation's result in GX's JSON shape, through dq's own writer.</summary>
    private static JsonObject ActualAsJson(ExpectationResult result)
    {
        var run = new ValidationRunInfo("conformance", DateTimeOffset.UnixEpoch, "conformance", 0, TimeSpan.Zero, "test");
        var document = ValidationResultJson.ToNode(new ValidationResult("conformance", [result], run));
        return document["results"]![0]!.AsObject();
    }

    internal static string Text(JsonNode? node) => node?.ToJsonString() ?? "null";

    internal static bool TryNumber(JsonNode? node, out double value)
    {
        value = 0;
        return node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.Number
            && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
