using System.Globalization;
using System.Text;
using Dq.Expectations.Catalog;
using Dq.Expectations.Results;

namespace Dq.Reporting.DataDocs;

/// <summary>The page of one run: its facts, then each expectation as a sentence with status, observations and samples.</summary>
internal static class RunPage
{
    /// <summary>Most sample values listed per expectation.</summary>
    private const int MaxSamples = 20;

    /// <summary>The page's HTML; <paramref name="root"/> is the path back to the site root (<c>"../"</c>).</summary>
    public static string Render(ValidationResult result, string root, bool linkSuite)
    {
        var b = new StringBuilder(4096 + result.Results.Count * 1024);
        Page.Open(b, $"{result.SuiteName} on {result.Run.DataAsset}", root);
        var s = result.Statistics;
        b.Append("<h1>");
        if (linkSuite)
        {
            b.Append("<a href=\"").Append(root).Append(SiteLinks.Suite(result.SuiteName)).Append("\">").AppendText(result.SuiteName).Append("</a>");
        }
        else
        {
            b.AppendText(result.SuiteName);
        }
        b.Append(" on <span class=\"mono\">").AppendText(result.Run.DataAsset).Append("</span> ").Append(Page.Badge(result.Run.ReadError is not null ? "ERROR" : result.Success ? "PASSED" : "FAILED")).Append("</h1>");
        b.Append("<p class=\"meta\"><span>run <span class=\"mono\">").AppendText(result.Run.RunId).Append("</span></span>");
        b.Append("<span>").Append(result.Run.RunTime.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture)).Append("</span>");
        b.Append("<span class=\"stats\">").Append(s.SuccessfulExpectations).Append(" of ").Append(s.EvaluatedExpectations)
            .Append(" expectations met (").Append(ValueText.Percent(s.SuccessPercent)).Append(")</span>");
        b.Append("<span>").Append(ValueText.Count(result.Run.RowCount)).Append(" rows</span>");
        b.Append("<span>").Append(Html.Number(result.Run.Duration.TotalSeconds, "0.###")).Append(" s</span>");
        b.Append("<span>dq ").AppendText(result.Run.DqVersion).Append("</span></p>");
        if (result.Run.ReadError is { } readError)
        {
            b.Append("<p class=\"read-error\">The data could not be read, so no expectation was checked: ").AppendText(readError).Append("</p>");
        }
        for (var i = 0; i < result.Results.Count; i++)
        {
            Expectation(b, result.Results[i], i);
        }
        if (result.Results.Count == 0)
        {
            b.Append("<p class=\"empty\">The suite has no expectations.</p>");
        }
        Page.Close(b);
        return b.ToString();
    }

    private static void Expectation(StringBuilder b, ExpectationResult r, int index)
    {
        var status = SiteLinks.Status(r);
        var d = r.Result;
        b.Append("<section class=\"exp ").Append(status.ToLowerInvariant()).Append("\" id=\"e").Append(index).Append("\">");
        b.Append("<p class=\"sentence\">").Append(Page.Badge(status)).Append(' ').Append(ExpectationCatalog.Describe(r.Configuration).ToHtml()).Append("</p>");
        b.Append("<div class=\"facts\"><span>#").Append(index).Append(" <span class=\"mono\">").AppendText(r.Configuration.Type).Append("</span></span>");
        if (r.Severity == Severity.Warn)
        {
            b.Append("<span>severity warn</span>");
        }
        if (d?.UnexpectedCount is { } count)
        {
            b.Append("<span class=\"unexpected\">").Append(ValueText.Count(count)).Append(" unexpected");
            if (d.ElementCount is { } elements)
            {
                b.Append(" of ").Append(ValueText.Count(elements)).Append(" rows");
            }
            b.Append(" (").Append(ValueText.Percent(d.UnexpectedPercent)).Append(")</span>");
            b.Append(Svg.Bar(d.UnexpectedPercent ?? 0, !r.Success));
        }
        if (d?.MissingCount is { } missing)
        {
            b.Append("<span>").Append(ValueText.Count(missing)).Append(" null (").Append(ValueText.Percent(d.MissingPercent)).Append(")</span>");
        }
        if (d?.HasObservedValue == true)
        {
            b.Append("<span class=\"observed\">observed <code class=\"p val\">").AppendText(ValueText.Format(d.ObservedValue)).Append("</code></span>");
        }
        b.Append("</div>");
        if (r.ExceptionInfo is { } e)
        {
            b.Append("<pre class=\"exception\">Could not be judged: ").AppendText(e.ExceptionMessage).Append("</pre>");
        }
        Samples(b, d);
        b.Append("<details><summary>kwargs</summary><pre>").AppendText(r.Configuration.Kwargs.ToJsonString()).Append("</pre></details>");
        b.Append("</section>\n");
    }

    private static void Samples(StringBuilder b, ResultDetails? d)
    {
        var listed = false;
        if (d?.PartialUnexpectedCounts is { Count: > 0 } counts)
        {
            // The sampled values and row indexes are parallel lists: pair them so each value shows where it was found.
            var paired = d.PartialUnexpectedList is { } list && d.PartialUnexpectedIndexList is { } indexes && list.Count == indexes.Count;
            listed = paired;
            b.Append("<table class=\"samples\"><thead><tr><th>sample unexpected value</th><th class=\"num\">count</th>")
                .Append(paired ? "<th>at rows (0-based)</th>" : "").Append("</tr></thead><tbody>");
            foreach (var c in counts.Take(MaxSamples))
            {
                b.Append("<tr><td class=\"mono\">").AppendText(ValueText.Format(c.Value)).Append("</td><td class=\"num\">").Append(ValueText.Count(c.Count)).Append("</td>");
                if (paired)
                {
                    var key = ValueText.Format(c.Value);
                    var at = d.PartialUnexpectedIndexList!.Where((_, j) => ValueText.Format(d.PartialUnexpectedList![j]) == key).Take(10).ToList();
                    b.Append("<td class=\"mono\">").Append(string.Join(", ", at.Select(i => i.ToString(CultureInfo.InvariantCulture)))).Append(at.Count == 10 ? ", …" : "").Append("</td>");
                }
                b.Append("</tr>");
            }
            b.Append("</tbody></table>");
        }
        else if (d?.PartialUnexpectedList is { Count: > 0 } values)
        {
            b.Append("<table class=\"samples\"><thead><tr><th>sample unexpected value</th></tr></thead><tbody>");
            foreach (var v in values.Take(MaxSamples))
            {
                b.Append("<tr><td class=\"mono\">").AppendText(ValueText.Format(v)).Append("</td></tr>");
            }
            b.Append("</tbody></table>");
        }
        if (!listed && d?.PartialUnexpectedIndexList is { Count: > 0 } rows)
        {
            b.Append("<p class=\"rows\">at row indexes (0-based): <span class=\"mono\">")
                .Append(string.Join(", ", rows.Take(MaxSamples).Select(i => i.ToString(CultureInfo.InvariantCulture))))
                .Append(rows.Count > MaxSamples ? ", …" : "").Append("</span></p>");
        }
    }
}
