using System.Globalization;
using System.Text;
using Dq.Expectations.Baselines;
using Dq.Expectations.Monitoring;

namespace Dq.Reporting.DataDocs;

/// <summary>
/// The page of one profiled dataset, from its statistics.json (dq's or SageMaker's): per column its type, completeness,
/// range, mean and deviation, the histogram of its KLL buckets, or its most frequent categories as bars.
/// </summary>
internal static class ProfilePage
{
    private const int TopCategories = 20;

    public static string Render(BaselineStatistics statistics, string dataName, DateTimeOffset when, string root = "")
    {
        var b = new StringBuilder(8192);
        Page.Open(b, $"Profile: {dataName}", root);
        b.Append("<h1>Profile of ").AppendText(dataName).Append("</h1>\n<p>")
            .Append(when.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture))
            .Append(CultureInfo.InvariantCulture, $" · {Dq.Expectations.Results.ValueText.Count(statistics.ItemCount, "row")} · {Dq.Expectations.Results.ValueText.Count(statistics.Features.Count, "column")}</p>\n");
        b.Append("<table><thead><tr><th>Column</th><th>Type</th><th>Complete</th><th>Distinct</th><th>Min</th><th>Max</th><th>Mean</th><th>Std</th></tr></thead><tbody>\n");
        foreach (var f in statistics.Features)
        {
            var n = f.Numerical;
            b.Append("<tr><td>").AppendText(f.Name).Append("</td><td>").AppendText(TypeName(f.InferredType)).Append("</td><td>")
                .Append(Html.Number(f.Completeness * 100, "0.#")).Append("%</td><td>")
                .Append(f.String is { } s ? s.DistinctCount.ToString("N0", CultureInfo.InvariantCulture) : "").Append("</td><td>")
                .Append(Value(n?.Min)).Append("</td><td>").Append(Value(n?.Max)).Append("</td><td>").Append(Value(n?.Mean)).Append("</td><td>")
                .Append(Value(n?.StdDev)).Append("</td></tr>\n");
        }
        b.Append("</tbody></table>\n<h2>Columns</h2>\n");
        foreach (var f in statistics.Features)
        {
            b.Append("<section class=\"exp\"><h3>").AppendText(f.Name).Append(" <small>").AppendText(TypeName(f.InferredType)).Append("</small></h3>\n");
            if (Histogram(f) is { } histogram)
            {
                b.Append(DriftPage.Histogram(histogram, f.Name)).Append('\n');
            }
            else
            {
                b.Append("<p>No distribution: ").Append(f.NumPresent == 0 ? "the column has no values." : "more distinct values than the profile counts exactly.").Append("</p>\n");
            }
            b.Append("</section>\n");
        }
        Page.Close(b);
        return b.ToString();
    }

    private static DriftHistogram? Histogram(FeatureStatistics feature)
    {
        if (feature.Numerical is { Buckets.Count: > 0 } numeric)
        {
            var buckets = numeric.Buckets;
            return new DriftHistogram(
                [.. buckets.Select(k => $"[{Short(k.LowerBound)}, {Short(k.UpperBound)}]")],
                [.. buckets.Select(k => k.LowerBound).Append(buckets[^1].UpperBound)],
                [.. buckets.Select(k => k.Count)], []);
        }
        if (feature.String?.Buckets is { Count: > 0 } categories)
        {
            var top = categories.OrderByDescending(c => c.Count).ThenBy(c => c.Value, StringComparer.Ordinal).ToList();
            var shown = top.Take(TopCategories).ToList();
            var labels = shown.Select(c => c.Value).ToList();
            var counts = shown.Select(c => c.Count).ToList();
            if (top.Count > TopCategories)
            {
                labels.Add("(other)");
                counts.Add(top.Skip(TopCategories).Sum(c => c.Count));
            }
            return new DriftHistogram(labels, null, counts, []);
        }
        return null;
    }

    /// <summary>SageMaker's type names: booleans are String in its files.</summary>
    private static string TypeName(Dq.Expectations.Profiling.FeatureType type) =>
        type == Dq.Expectations.Profiling.FeatureType.Boolean ? "String" : type.ToString();

    private static string Value(double? value) => value is { } v && double.IsFinite(v) ? Html.Number(v, "G6") : "";

    private static string Short(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
