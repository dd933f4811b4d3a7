using System.Globalization;
using System.Text;
using Dq.Expectations.Monitoring;
using Dq.Expectations.Statistics;

namespace Dq.Reporting.DataDocs;

/// <summary>
/// The page of one <c>dq monitor</c> run: the violations first, then per column the baseline's and the batch's
/// histograms overlaid (inline SVG, no script) and the table of drift tests; drifted columns come before the rest.
/// </summary>
internal static class DriftPage
{
    private const double ChartWidth = 480, ChartHeight = 120, Pad = 4;

    public static string Render(MonitorReport report, string dataName, string baselineName, DateTimeOffset when, string root = "")
    {
        var b = new StringBuilder(8192);
        Page.Open(b, $"Drift: {dataName}", root);
        var status = report.Success ? "PASSED" : "FAILED";
        b.Append("<h1>").Append(Page.Badge(status)).Append(' ').AppendText(dataName).Append(" against ").AppendText(baselineName).Append("</h1>\n");
        b.Append("<p>").Append(when.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))
            .Append(CultureInfo.InvariantCulture, $" · {Dq.Expectations.Results.ValueText.Count(report.Current.RowCount, "row")} · {report.Violations.Count} violation{(report.Violations.Count == 1 ? "" : "s")} · ")
            .Append(CultureInfo.InvariantCulture, $"{report.Drift.DriftedColumns} of {report.Drift.JudgedColumns} compared columns drifted ({Html.Number(report.Drift.ShareDrifted * 100, "0.#")}%)")
            .Append(report.Drift.DatasetDrift ? " · <strong>dataset drift</strong>" : "").Append("</p>\n");
        Violations(b, report.Violations);
        var violated = report.Violations.Select(v => v.FeatureName).ToHashSet(StringComparer.Ordinal);
        var ordered = report.Drift.Features
            .OrderByDescending(f => violated.Contains(f.Name))
            .ThenByDescending(f => f.DriftDetected);
        b.Append("<h2>Columns</h2>\n");
        foreach (var feature in ordered)
        {
            Feature(b, feature, violated.Contains(feature.Name));
        }
        b.Append("<p>Grey: the baseline's share of values per bin; blue: this batch's.</p>\n");
        Page.Close(b);
        return b.ToString();
    }

    private static void Violations(StringBuilder b, IReadOnlyList<ConstraintViolation> violations)
    {
        b.Append("<h2>Violations</h2>\n");
        if (violations.Count == 0)
        {
            b.Append("<p>None: every constraint of the baseline holds.</p>\n");
            return;
        }
        b.Append("<table><thead><tr><th>Column</th><th>Check</th><th>Description</th></tr></thead><tbody>\n");
        foreach (var v in violations)
        {
            b.Append("<tr><td>").AppendText(v.FeatureName).Append("</td><td>").AppendText(v.CheckType).Append("</td><td>").AppendText(v.Description).Append("</td></tr>\n");
        }
        b.Append("</tbody></table>\n");
    }

    private static void Feature(StringBuilder b, FeatureDrift feature, bool violated)
    {
        var badge = feature.DriftDetected ? Page.Badge("FAILED") : violated ? Page.Badge("WARN") : Page.Badge("PASSED");
        var state = feature.DriftDetected ? " failed" : violated ? " warn" : "";
        b.Append("<section class=\"exp").Append(state).Append("\"><h3>").Append(badge).Append(' ').AppendText(feature.Name).Append(" <small>")
            .AppendText(feature.Kind == DriftKind.Numeric ? "numeric" : "categorical").Append(" · ").AppendText(feature.Method).Append("</small></h3>\n");
        if (feature.Note is { } note)
        {
            b.Append("<p>").AppendText(note).Append("</p>\n");
        }
        if (feature.Histogram is { } histogram)
        {
            b.Append(Histogram(histogram, feature.Name)).Append('\n');
        }
        if (feature.Tests.Count > 0)
        {
            b.Append("<table><thead><tr><th>Test</th><th>Statistic</th><th>p-value</th><th>Threshold</th><th>Drift</th></tr></thead><tbody>\n");
            foreach (var test in feature.Tests)
            {
                Test(b, test, ReferenceEquals(test, feature.DecidingTest));
            }
            b.Append("</tbody></table>\n");
        }
        b.Append("</section>\n");
    }

    private static void Test(StringBuilder b, DriftTestResult test, bool deciding)
    {
        b.Append("<tr><td>").AppendText(test.Method).Append(deciding ? " (decides)" : "").Append("</td><td>").Append(Value(test.Statistic))
            .Append("</td><td>").Append(test.PValue is { } p ? Value(p) : "—").Append("</td><td>").Append(Value(test.Threshold))
            .Append("</td><td>").Append(test.Drifted ? "yes" : "no").Append("</td></tr>\n");
    }

    private static string Value(double value) => double.IsFinite(value) ? Html.Number(value, "G4") : "—";

    /// <summary>
    /// Both sides' shares per bin as overlaid bars (one series when <see cref="DriftHistogram.Current"/> is empty, as on
    /// a profile page); only numbers reach the markup, and labels are escaped titles.
    /// </summary>
    internal static string Histogram(DriftHistogram histogram, string column)
    {
        var bins = histogram.Labels.Count;
        var single = histogram.Current.Count == 0;
        var referenceTotal = Math.Max(1, histogram.Reference.Sum());
        var currentTotal = Math.Max(1, histogram.Current.Sum());
        var shares = Enumerable.Range(0, bins)
            .Select(i => ((double)histogram.Reference[i] / referenceTotal, single ? 0 : (double)histogram.Current[i] / currentTotal)).ToList();
        var top = Math.Max(shares.Max(s => Math.Max(s.Item1, s.Item2)), 1e-9);
        var slot = (ChartWidth - (2 * Pad)) / Math.Max(1, bins);
        var svg = new StringBuilder(256 + (bins * 320));
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"hist\" width=\"{ChartWidth}\" height=\"{ChartHeight}\" viewBox=\"0 0 {ChartWidth} {ChartHeight}\" role=\"img\" aria-label=\"");
        svg.AppendText(single ? $"Distribution of {column}" : $"Baseline and current distributions of {column}").Append("\">");
        for (var i = 0; i < bins; i++)
        {
            var (reference, current) = shares[i];
            var x = Pad + (i * slot);
            Bar(svg, x + 1, slot - 2, reference, top, single ? "#2f6fde" : "#b0b7c3", single ? 0.8 : 1.0);
            if (!single)
            {
                Bar(svg, x + (slot * 0.25), slot * 0.5, current, top, "#2f6fde", 0.8);
            }
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{Html.Number(x)}\" y=\"0\" width=\"{Html.Number(slot)}\" height=\"{ChartHeight}\" fill=\"transparent\"><title>")
                .AppendText(histogram.Labels[i])
                .Append(single
                    ? string.Create(CultureInfo.InvariantCulture, $": {histogram.Reference[i]:N0} ({Html.Number(reference * 100, "0.#")}%)")
                    : string.Create(CultureInfo.InvariantCulture, $": baseline {histogram.Reference[i]:N0} ({Html.Number(reference * 100, "0.#")}%), current {histogram.Current[i]:N0} ({Html.Number(current * 100, "0.#")}%)"))
                .Append("</title></rect>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{Html.Number(ChartHeight - Pad)}\" x2=\"{ChartWidth}\" y2=\"{Html.Number(ChartHeight - Pad)}\" stroke=\"#666\"/></svg>");
        return svg.ToString();
    }

    private static void Bar(StringBuilder svg, double x, double width, double share, double top, string fill, double opacity)
    {
        var height = share / top * (ChartHeight - (2 * Pad));
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect x=\"{Html.Number(x)}\" y=\"{Html.Number(ChartHeight - Pad - height)}\" width=\"{Html.Number(Math.Max(0, width))}\" height=\"{Html.Number(height)}\" fill=\"{fill}\" fill-opacity=\"{Html.Number(opacity)}\"/>");
    }
}
