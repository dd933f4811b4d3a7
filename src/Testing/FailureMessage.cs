using System.Globalization;
using System.Text;
using Dq.Expectations.Catalog;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Testing;

/// <summary>
/// Writes the message of a failed validation for a test runner: one numbered entry per failed expectation with
/// the rule in plain words (the catalogue's sentence, which names the column) with its GX type, what was observed, and sample bad values
/// with their 0-based row indexes. A model-metric expectation gives its outcome in one line instead of the observed value.
/// </summary>
internal static class FailureMessage
{
    private const int MaxSamples = 5;
    private const int MaxValueWidth = 40;

    public static string Format(ValidationResult result)
    {
        var failed = result.Results.Where(r => !r.Success).ToList();
        var errors = failed.Count(r => r.Severity == Severity.Error);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"Expected {result.Run.DataAsset} ({Count(result.Run.RowCount, "row")}) to satisfy suite `{result.SuiteName}`, but ");
        text.Append(CultureInfo.InvariantCulture, $"{errors} of {result.Results.Count} expectations failed");
        var warned = failed.Count - errors;
        text.Append(warned > 0 ? $" (and {warned} with severity warn):" : ":").Append('\n');
        for (var i = 0; i < failed.Count; i++)
        {
            Entry(text, i + 1, failed[i]);
        }
        return text.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// Why a failed expectation's column is missing when the source left it out (a record property of a type dq
    /// cannot put in a column), with the fix; empty when no failure reads such a column.
    /// </summary>
    public static string SkippedColumns(ValidationResult result, Dq.Readers.ISkippedColumns? source)
    {
        if (source is null || source.SkippedColumns.Count == 0)
        {
            return "";
        }
        var text = new StringBuilder();
        foreach (var column in result.Results.Where(r => !r.Success)
            .SelectMany(r => new[] { "column", "column_A", "column_B" }.Select(k => r.Configuration.Kwargs[k] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var name) ? name : null))
            .OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (source.SkippedColumns.TryGetValue(column, out var why))
            {
                text.Append(CultureInfo.InvariantCulture, $"\n\n  `{column}` was left out of the columns: {why}");
            }
        }
        return text.ToString();
    }

    private static void Entry(StringBuilder text, int number, ExpectationResult r)
    {
        var config = r.Configuration;
        var warn = r.Severity == Severity.Warn ? " [warn]" : "";
        text.Append(CultureInfo.InvariantCulture, $"\n  {number}. {Rule(config)}{warn}\n");
        text.Append(CultureInfo.InvariantCulture, $"     ({config.Type})\n");
        if (r.ExceptionInfo is { } error)
        {
            text.Append(CultureInfo.InvariantCulture, $"     could not be checked: {Clean(error.ExceptionMessage, int.MaxValue)}\n");
            return;
        }
        if (r.Result is not { } details)
        {
            text.Append("     failed (no details: the result format is BOOLEAN_ONLY)\n");
            return;
        }
        if (ExpectationCatalog.DescribeOutcome(r) is { } outcome)
        {
            // A model gate says what it measured against which bound: "accuracy 0.74 is below 0.8 (on 20,000 rows)".
            text.Append(CultureInfo.InvariantCulture, $"     {Clean(outcome, int.MaxValue)}\n");
        }
        else if (details.HasObservedValue)
        {
            text.Append(CultureInfo.InvariantCulture, $"     observed value: {Value(details.ObservedValue)}\n");
        }
        if (details.UnexpectedCount is { } unexpected)
        {
            var (denominator, of) = details.MissingCount is { } missing && details.ElementCount is { } all
                ? (all - missing, "non-null values")
                : (details.ElementCount ?? 0, "rows");
            var percent = details.UnexpectedPercent is { } p ? $" ({ValueText.Percent(p)})" : "";
            text.Append(CultureInfo.InvariantCulture, $"     unexpected: {ValueText.Count(unexpected)} of {ValueText.Count(denominator)} {of}{percent}\n");
        }
        if (details.PartialUnexpectedList is { Count: > 0 } values)
        {
            var indexes = details.PartialUnexpectedIndexList;
            var samples = values.Take(MaxSamples).Select((v, i) =>
                indexes is not null && i < indexes.Count ? $"row {indexes[i].ToString(CultureInfo.InvariantCulture)}: {Value(v)}" : Value(v));
            var more = details.UnexpectedCount is { } n && n > MaxSamples ? ", …" : "";
            text.Append(CultureInfo.InvariantCulture, $"     sample: {string.Join(", ", samples)}{more}\n");
        }
    }

    /// <summary>The rule of an expectation in plain words: its sentence from the catalogue, for every type.</summary>
    internal static string Rule(ExpectationConfiguration config) => Clean(ExpectationCatalog.Describe(config).ToPlainText(), int.MaxValue);

    private static string Value(object? value) => Clean(ValueText.Format(value, MaxValueWidth), MaxValueWidth + 1);

    private static string Count(long n, string noun) => ValueText.Count(n, noun);

    private static string Clean(string text, int maxWidth = MaxValueWidth) => Dq.Reporting.TerminalText.Clean(text, maxWidth);
}
