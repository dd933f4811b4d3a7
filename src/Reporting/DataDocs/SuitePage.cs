using System.Text;
using Dq.Expectations.Catalog;
using Dq.Expectations.Results;

namespace Dq.Reporting.DataDocs;

/// <summary>The page of one suite: its expectations in plain language, each with a sparkline of its recent runs.</summary>
internal static class SuitePage
{
    /// <summary>Most runs drawn in a sparkline (the newest ones).</summary>
    public const int TrendLength = 60;

    public static string Render(SuiteHistory suite)
    {
        suite.Runs.Sort(RunRow.NewestFirst);
        var latest = suite.Runs[0];
        var b = new StringBuilder(4096);
        Page.Open(b, $"Suite {suite.Name}", "../");
        b.Append("<h1>Suite ").AppendText(suite.Name).Append("</h1><p class=\"meta\"><span>")
            .Append(ValueText.Count(suite.Runs.Count)).Append(" runs, ").Append(ValueText.Count(suite.Runs.Count(r => !r.Success)))
            .Append(" failed</span><span>latest <a href=\"../").Append(SiteLinks.Run(latest.RunId)).Append("\">")
            .Append(IndexPage.Time(latest.RunTime)).Append(" UTC</a> ").Append(Page.Badge(latest.Success ? "PASSED" : "FAILED"))
            .Append("</span><span><a href=\"../index.html#suite=").AppendText(Uri.EscapeDataString(Html.Visible(suite.Name)))
            .Append("\">all runs of this suite</a></span></p>");
        // Current expectations in suite order first; ones the newest run no longer has follow, newest first.
        var tracks = suite.Tracks.OrderByDescending(t => t.LatestRunId == latest.RunId)
            .ThenBy(t => t.LatestRunId == latest.RunId ? t.LatestIndex : 0).ThenByDescending(t => t.LatestTime).ToList();
        var retiredShown = false;
        foreach (var t in tracks)
        {
            if (t.LatestRunId != latest.RunId && !retiredShown)
            {
                b.Append("<h2>No longer in the suite</h2>");
                retiredShown = true;
            }
            Track(b, t);
        }
        Page.Close(b);
        return b.ToString();
    }

    private static void Track(StringBuilder b, ExpectationTrack t)
    {
        var recent = t.Points.OrderBy(p => p.RunTime).ThenByDescending(p => p.RunId, StringComparer.Ordinal).TakeLast(TrendLength).ToList();
        var failed = recent.Count(p => !p.Success);
        var metric = t.HasPercent ? "unexpected %" : "observed value";
        b.Append("<section class=\"exp ").Append(t.LatestStatus.ToLowerInvariant()).Append("\">");
        b.Append("<p class=\"sentence\">").Append(Page.Badge(t.LatestStatus)).Append(' ').Append(ExpectationCatalog.Describe(t.Latest!).ToHtml()).Append("</p>");
        b.Append("<div class=\"facts\"><span class=\"mono\">").AppendText(t.Type).Append("</span>");
        b.Append(Svg.Sparkline([.. recent.Select(p => (p.Value, p.Success))], $"{metric} over the last {ValueText.Count(recent.Count, "run")}"));
        b.Append("<span>").Append(metric).Append(" over the last ").Append(recent.Count).Append(" runs; ").Append(failed).Append(" not met</span>");
        if (recent[^1].Value is { } last)
        {
            b.Append("<span>latest ").Append(t.HasPercent ? ValueText.Percent(last) : Html.Number(last, "0.####")).Append("</span>");
        }
        b.Append("<span><a href=\"../").Append(SiteLinks.Run(t.LatestRunId)).Append("\">latest run</a></span></div></section>\n");
    }
}
