using System.Globalization;
using System.Text;

namespace Dq.Reporting.DataDocs;

/// <summary>Small inline SVG charts: numbers only go in, so nothing from the data can reach the markup.</summary>
internal static class Svg
{
    /// <summary>A horizontal bar of <paramref name="percent"/> (0–100) of the width: unexpected share of the rows.</summary>
    public static string Bar(double percent, bool failed)
    {
        var p = double.IsFinite(percent) ? Math.Clamp(percent, 0, 100) : 0;
        // Keep a visible sliver for tiny non-zero shares: 0.01% must not look like 0%.
        var width = p == 0 ? 0 : Math.Max(1, p * 1.2);
        return $"<svg class=\"bar\" width=\"120\" height=\"10\" viewBox=\"0 0 120 10\" role=\"img\" aria-label=\"{Html.Number(p)}% unexpected\">"
            + "<rect width=\"120\" height=\"10\" class=\"track\"/>"
            + $"<rect width=\"{Html.Number(width)}\" height=\"10\" class=\"{(failed ? "fill-fail" : "fill-ok")}\"/></svg>";
    }

    /// <summary>
    /// A sparkline of a metric over past runs, oldest first: a line through the values with a dot per run, red for
    /// failed runs. A run without a value (not judged) is a gap and a dot on the baseline.
    /// </summary>
    /// <param name="points">The runs, oldest first: the value (or null) and whether the expectation was met.</param>
    /// <param name="label">The accessible label (escaped here).</param>
    public static string Sparkline(IReadOnlyList<(double? Value, bool Success)> points, string label)
    {
        const double width = 240, height = 36, pad = 3;
        var values = points.Where(p => p.Value is { } v && double.IsFinite(v)).Select(p => p.Value!.Value).ToList();
        var max = values.Count == 0 ? 1 : Math.Max(values.Max(), 1e-9);
        var min = values.Count == 0 ? 0 : Math.Min(values.Min(), 0);
        var step = points.Count > 1 ? (width - 2 * pad) / (points.Count - 1) : 0;
        double X(int i) => points.Count == 1 ? width / 2 : pad + i * step;
        double Y(double v) => height - pad - (v - min) / (max - min) * (height - 2 * pad);
        var svg = new StringBuilder(256 + points.Count * 48);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"spark\" width=\"{Html.Number(width)}\" height=\"{Html.Number(height)}\" viewBox=\"0 0 {Html.Number(width)} {Html.Number(height)}\" role=\"img\" aria-label=\"{Html.Text(label)}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{Html.Number(height - pad)}\" x2=\"{Html.Number(width)}\" y2=\"{Html.Number(height - pad)}\" class=\"axis\"/>");
        var path = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            if (points[i].Value is { } v && double.IsFinite(v))
            {
                path.Append(path.Length == 0 || points[i - 1].Value is null ? 'M' : 'L').Append(Html.Number(X(i))).Append(',').Append(Html.Number(Y(v))).Append(' ');
            }
        }
        if (path.Length > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<path d=\"{path.ToString().TrimEnd()}\" class=\"line\"/>");
        }
        for (var i = 0; i < points.Count; i++)
        {
            var y = points[i].Value is { } v && double.IsFinite(v) ? Y(v) : height - pad;
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{Html.Number(X(i))}\" cy=\"{Html.Number(y)}\" r=\"2\" class=\"{(points[i].Success ? "dot-ok" : "dot-fail")}\"/>");
        }
        return svg.Append("</svg>").ToString();
    }
}
