using System.Globalization;
using Dq.Expectations.Results;

namespace Dq.Cli.Running;

/// <summary>The summary line for the malformed rows a source skipped (<c>--on-bad-rows skip</c>): skipped rows are never hidden.</summary>
internal static class BadRowSummary
{
    /// <summary>The line, or <see langword="null"/> when no row was skipped.</summary>
    public static string? Line(ValidationResult result) => result.Run.BadRows is { Count: > 0 } rows
        ? string.Create(CultureInfo.InvariantCulture,
            $"dq: skipped {ValueText.Count(rows.Count, "malformed row")} of {result.Run.DataAsset} (--on-bad-rows skip), first at line{(rows.FirstLines.Count == 1 ? "" : "s")} {string.Join(", ", rows.FirstLines)}: {rows.FirstReason}")
        : null;
}
