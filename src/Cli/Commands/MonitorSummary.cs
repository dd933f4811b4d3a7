using System.Globalization;
using Dq.Expectations.Monitoring;

namespace Dq.Cli.Commands;

/// <summary>The terminal summary of a monitor run: violations, then each compared column's deciding drift test.</summary>
internal static class MonitorSummary
{
    public static void Write(TextWriter writer, MonitorReport report, string data, string baseline)
    {
        var rows = report.Current.RowCount.ToString("N0", CultureInfo.InvariantCulture);
        writer.WriteLine($"{TextTable.Clean(data)} ({rows} rows) against baseline {TextTable.Clean(baseline)}: "
            + (report.Success ? "no violations." : $"{report.Violations.Count} violation{(report.Violations.Count == 1 ? "" : "s")}."));
        if (!report.Success)
        {
            TextTable.Write(writer, ["column", "check", "description"],
                report.Violations.Select(v => new[] { TextTable.Clean(v.FeatureName, 30), v.CheckType, TextTable.Clean(v.Description, 120) }));
        }
        var drift = report.Drift;
        if (drift.Features.Count == 0)
        {
            return;
        }
        writer.WriteLine($"Drift: {drift.DriftedColumns} of {drift.JudgedColumns} compared columns ({(drift.ShareDrifted * 100).ToString("0.#", CultureInfo.InvariantCulture)}%)"
            + (drift.DatasetDrift ? " — dataset drift." : " — no dataset drift."));
        TextTable.Write(writer, ["column", "method", "statistic", "p-value", "threshold", "drift"], drift.Features.Select(f => new[]
        {
            TextTable.Clean(f.Name, 30),
            f.Method,
            f.DecidingTest is { } t ? Number(t.Statistic) : "",
            f.DecidingTest?.PValue is { } p ? Number(p) : "",
            f.DecidingTest is { } d ? Number(d.Threshold) : "",
            f.DriftDetected ? "yes" : f.DecidingTest is null ? "n/a" : "no",
        }));
    }

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("G4", CultureInfo.InvariantCulture) : "n/a";
}
