using AngleSharp.Html.Parser;
using Apache.Arrow;
using Dq.Expectations.Baselines;
using Dq.Expectations.Columns;
using Dq.Expectations.Monitoring;
using Dq.Expectations.Profiling;
using Dq.Reporting.DataDocs;

namespace Dq.Reporting.Tests.DataDocs;

/// <summary>The drift page with hostile column names and values: only dq's markup, every payload shown as text.</summary>
public sealed class DriftPageTests
{
    private static readonly HashSet<string> s_elements =
        ["html", "head", "meta", "title", "style", "body", "header", "a", "main", "h1", "h2", "h3", "p", "span", "strong", "small",
         "table", "thead", "tbody", "tr", "th", "td", "section", "svg", "rect", "line", "footer"];

    private static RecordBatch Batch(IEnumerable<(string Name, string[] Values)> columns)
    {
        var builder = new RecordBatch.Builder();
        foreach (var (name, values) in columns)
        {
            var array = new StringArray.Builder();
            foreach (var v in values)
            {
                array.Append(v);
            }
            builder.Append(name, nullable: true, array.Build());
        }
        return builder.Build();
    }

    private static string Render()
    {
        var payloads = HostileResults.Payloads;
        var baseline = Batch(payloads.Select((p, i) => ($"col {i} {p}", Enumerable.Range(0, 40).Select(j => j % 2 == 0 ? p : "ok").ToArray())));
        var current = Batch(payloads.Select((p, i) => ($"col {i} {p}", Enumerable.Range(0, 40).Select(j => j % 3 == 0 ? "new " + p : p).ToArray())));
        var profile = Profiler.Profile(baseline);
        var monitored = new Baseline(BaselineStatistics.FromProfile(profile), BaselineConstraints.FromProfile(profile));
        using var source = new RecordBatchSource(current);
        var report = BaselineMonitor.Monitor(source, monitored);
        Assert.NotEmpty(report.Violations);
        return DriftPage.Render(report, payloads[0], payloads[1], DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void HostileNamesAndValues_OnlyDqsElementsAndAttributes_AndPayloadsAsText()
    {
        var document = new HtmlParser().ParseDocument(Render());

        foreach (var element in document.All)
        {
            Assert.True(s_elements.Contains(element.LocalName), $"unexpected element <{element.LocalName}>");
            Assert.DoesNotContain(element.Attributes, a => a.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase));
        }
        var text = document.Body!.TextContent;
        Assert.Contains("<script>window.__pwned=1</script>", text, StringComparison.Ordinal);
        Assert.Contains("\"><img src=x onerror=\"window.__pwned=2\">", text, StringComparison.Ordinal);
        Assert.Contains("evil\\u202etxt.exe", text, StringComparison.Ordinal); // bidi override made visible
    }
}
