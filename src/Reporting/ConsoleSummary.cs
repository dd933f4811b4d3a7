using System.Globalization;
using System.Text;
using Dq.Expectations.Results;

namespace Dq.Reporting;

/// <summary>
/// Writes a validation result as a plain-text table for a terminal or a CI log: one row per expectation with its
/// column, status, unexpected count and percent, and a few sample unexpected values.
/// </summary>
/// <remarks>Reads the result only; values are shown with control characters escaped so data cannot move the cursor.</remarks>
public static class ConsoleSummary
{
    private const int MaxSamples = 3;
    private const int MaxValueWidth = 24;

    /// <summary>Writes the summary of <paramref name="result"/> to <paramref name="writer"/>.</summary>
    public static void Write(ValidationResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        var rows = result.Results.Select((r, i) => Row(i, r)).ToList();
        string[] header = ["#", "expectation", "column", "status", "unexpected", "%", "sample unexpected values"];
        var widths = header.Select((h, c) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[c].Length))).ToArray();
        writer.WriteLine($"Suite `{result.SuiteName}` on {result.Run.DataAsset}: {ValueText.Count(result.Run.RowCount, "row")} in {result.Run.Duration.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture)} s");
        writer.WriteLine(Line(header, widths));
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in rows)
        {
            writer.WriteLine(Line(row, widths));
        }
        foreach (var (r, i) in result.Results.Select((r, i) => (r, i)).Where(x => x.r.ExceptionInfo is not null))
        {
            writer.WriteLine($"  {i}: {Clean(r.ExceptionInfo!.ExceptionMessage, int.MaxValue)}");
        }
        var s = result.Statistics;
        var warned = result.Results.Count(r => !r.Success && r.Severity == Severity.Warn);
        writer.WriteLine(
            $"{(result.Success ? "PASSED" : "FAILED")}: {s.SuccessfulExpectations} of {ValueText.Count(s.EvaluatedExpectations, "expectation")} met" +
            (warned > 0 ? $" ({warned} failed with severity warn)" : "") + ".");
    }

    private static string[] Row(int index, ExpectationResult r)
    {
        var details = r.Result;
        var status = r.ExceptionInfo is not null ? "ERROR" : r.Success ? "passed" : r.Severity == Severity.Warn ? "WARN" : "FAILED";
        var unexpected = details?.UnexpectedCount?.ToString("N0", CultureInfo.InvariantCulture)
            ?? (details?.HasObservedValue == true ? $"observed {Format(details.ObservedValue)}" : "");
        var percent = details?.UnexpectedPercent is { } p ? p.ToString("0.##", CultureInfo.InvariantCulture) : "";
        var samples = details?.PartialUnexpectedList is { Count: > 0 } list
            ? string.Join(", ", list.Take(MaxSamples).Select(Format)) + (list.Count > MaxSamples ? ", …" : "")
            : "";
        return [index.ToString(CultureInfo.InvariantCulture), r.Configuration.Type, Clean(r.Configuration.Column ?? "", MaxValueWidth), status, unexpected, percent, samples];
    }

    private static string Format(object? value) => Clean(ValueText.Format(value, MaxValueWidth), MaxValueWidth + 1);

    internal static string Clean(string text, int maxWidth) => TerminalText.Clean(text, maxWidth);

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
}
