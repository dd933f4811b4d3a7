using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dq.Expectations.Results;

namespace Dq.Reporting.DataDocs;

/// <summary>
/// The index: every run, newest first. The first page of rows is plain HTML (it shows without script); the full list
/// is a JSON data island that a small script filters (suite, data asset, status) and pages, so 10,000 runs open at once.
/// </summary>
internal static class IndexPage
{
    /// <summary>Rows per page.</summary>
    public const int PageSize = 50;

    public static string Render(IReadOnlyList<RunRow> rows)
    {
        var suites = rows.Select(r => r.Suite).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var assets = rows.Select(r => r.Asset).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var b = new StringBuilder(8192 + rows.Count * 160);
        Page.Open(b, "Validation runs", "", IndexScript.Code);
        var failed = rows.Count(r => !r.Success);
        b.Append("<h1>Validation runs</h1><p class=\"meta\"><span id=\"total\">").Append(ValueText.Count(rows.Count, "run")).Append("</span><span>")
            .Append(ValueText.Count(failed)).Append(" failed</span><span>").Append(ValueText.Count(suites.Count, "suite")).Append("</span><span>")
            .Append(ValueText.Count(assets.Count, "data asset")).Append("</span></p>");
        if (suites.Count > 0)
        {
            b.Append("<p class=\"meta\">Suites: ");
            b.AppendJoin(" · ", suites.Select(s => $"<a href=\"{SiteLinks.Suite(s)}\">{Html.Text(s)}</a>"));
            b.Append("</p>");
        }
        b.Append("<div class=\"filters\"><label>Suite <select id=\"f-suite\"><option value=\"\">all</option></select></label>")
            .Append("<label>Data asset <select id=\"f-asset\"><option value=\"\">all</option></select></label>")
            .Append("<label>Status <select id=\"f-status\"><option value=\"\">all</option><option value=\"failed\">failed</option><option value=\"passed\">passed</option></select></label>")
            .Append("<span id=\"count\"></span></div>");
        b.Append("<table><thead><tr><th>time (UTC)</th><th>suite</th><th>data asset</th><th>status</th><th class=\"num\">success</th>")
            .Append("<th class=\"num\">met</th><th class=\"num\">failed</th><th class=\"num\">warn</th><th class=\"num\">rows</th></tr></thead><tbody id=\"runs-body\">");
        foreach (var r in rows.Take(PageSize))
        {
            Row(b, r);
        }
        if (rows.Count == 0)
        {
            b.Append("<tr><td colspan=\"9\" class=\"empty\">No runs yet: run <code>dq validate</code> with a store.</td></tr>");
        }
        b.Append("</tbody></table><div class=\"pager\"><button id=\"prev\" type=\"button\">‹ newer</button><span id=\"page-info\">page 1 of ")
            .Append(Math.Max(1, (rows.Count + PageSize - 1) / PageSize)).Append("</span><button id=\"next\" type=\"button\">older ›</button></div>");
        b.Append("<script type=\"application/json\" id=\"runs-data\">");
        Data(b, rows, suites, assets);
        b.Append("</script>");
        Page.Close(b, IndexScript.Code);
        return b.ToString();
    }

    private static void Row(StringBuilder b, RunRow r)
    {
        var status = r.Success ? "PASSED" : "FAILED";
        b.Append("<tr><td><a href=\"").Append(SiteLinks.Run(r.RunId)).Append("\">").Append(Time(r.RunTime)).Append("</a></td>");
        b.Append("<td><a href=\"").Append(SiteLinks.Suite(r.Suite)).Append("\">").AppendText(r.Suite).Append("</a></td>");
        b.Append("<td class=\"cell-clip mono\">").AppendText(r.Asset).Append("</td><td>").Append(Page.Badge(status)).Append("</td>");
        b.Append("<td class=\"num\">").Append(ValueText.Percent(r.SuccessPercent)).Append("</td><td class=\"num\">").Append(r.Successful)
            .Append(" of ").Append(r.Evaluated).Append("</td><td class=\"num\">").Append(r.Unsuccessful - r.Warned).Append("</td><td class=\"num\">")
            .Append(r.Warned).Append("</td><td class=\"num\">").Append(ValueText.Count(r.RowCount)).Append("</td></tr>");
    }

    internal static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// The data island: <c>{suites, suiteFiles, assets, runs: [[file, time, suite, asset, success, met, evaluated, failed, warned, percent, rows]]}</c>.
    /// The encoder escapes <c>&lt; &gt; &amp; ' +</c> and every non-ASCII character (U+2028 and U+2029 among them) as
    /// <c>\uXXXX</c>, so no value can close the script element or start markup.
    /// </summary>
    private static void Data(StringBuilder b, IReadOnlyList<RunRow> rows, List<string> suites, List<string> assets)
    {
        var suiteIndex = suites.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        var assetIndex = assets.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        using var stream = new MemoryStream(rows.Count * 120 + 1024);
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.Default }))
        {
            w.WriteStartObject();
            Strings(w, "suites", suites.Select(Html.Visible));
            Strings(w, "suiteFiles", suites.Select(SiteLinks.Suite));
            Strings(w, "assets", assets.Select(Html.Visible));
            w.WriteStartArray("runs");
            foreach (var r in rows)
            {
                w.WriteStartArray();
                w.WriteStringValue(SiteLinks.Run(r.RunId));
                w.WriteStringValue(Time(r.RunTime));
                w.WriteNumberValue(suiteIndex[r.Suite]);
                w.WriteNumberValue(assetIndex[r.Asset]);
                w.WriteNumberValue(r.Success ? 1 : 0);
                w.WriteNumberValue(r.Successful);
                w.WriteNumberValue(r.Evaluated);
                w.WriteNumberValue(r.Unsuccessful - r.Warned);
                w.WriteNumberValue(r.Warned);
                w.WriteStringValue(ValueText.Percent(r.SuccessPercent));
                w.WriteStringValue(ValueText.Count(r.RowCount));
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        b.Append(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }
        w.WriteEndArray();
    }
}
