using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Dq.Reporting.DataDocs;

namespace Dq.Reporting.Tests.DataDocs;

/// <summary>Every page, parsed as a browser would: no element, attribute, script or link may come from the data.</summary>
public sealed class DataDocsSafetyTests : IDisposable
{
    private static readonly HashSet<string> s_elements =
    [
        "html", "head", "body", "meta", "title", "style", "script", "header", "main", "footer", "a", "h1", "h2", "p", "span", "div",
        "section", "code", "pre", "details", "summary", "table", "thead", "tbody", "tr", "th", "td", "label", "select", "option",
        "button", "svg", "rect", "line", "path", "circle",
    ];

    private static readonly HashSet<string> s_attributes =
    [
        "lang", "charset", "http-equiv", "content", "name", "href", "class", "id", "type", "value", "colspan", "width", "height",
        "viewbox", "role", "aria-label", "x1", "x2", "y1", "y2", "d", "cx", "cy", "r",
    ];

    // The site is built one level down, so that "no page escaped the site" is checked in a folder of the test's own:
    // the shared temporary folder may hold other programs' html files.
    private readonly string _own = Directory.CreateTempSubdirectory("dq-docs-").FullName;

    private string SiteFolder => Path.Combine(_own, "site");

    public void Dispose() => Directory.Delete(_own, recursive: true);

    private IEnumerable<(string Path, IDocument Document)> BuildHostileSite()
    {
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var results = Enumerable.Range(0, 16).Select(i => HostileResults.Create(i, start.AddHours(i), i == 5 ? "../../" + HostileResults.Payloads[i % 8] : null));
        DataDocsBuilder.Build(results, SiteFolder);
        var parser = new HtmlParser();
        return Directory.EnumerateFiles(SiteFolder, "*.html", SearchOption.AllDirectories).Select(p => (p, (IDocument)parser.ParseDocument(File.ReadAllText(p))));
    }

    [Fact]
    public void HostileSite_HasOnlyDqsElementsAndAttributes()
    {
        var pages = BuildHostileSite().ToList();

        Assert.True(pages.Count >= 18);
        foreach (var (path, doc) in pages)
        {
            foreach (var element in doc.All)
            {
                Assert.True(s_elements.Contains(element.LocalName), $"{path}: unexpected element <{element.LocalName}>");
                foreach (var attribute in element.Attributes)
                {
                    Assert.True(s_attributes.Contains(attribute.LocalName.ToLowerInvariant()), $"{path}: unexpected attribute {attribute.LocalName} on <{element.LocalName}>");
                }
            }
        }
    }

    [Fact]
    public void HostileSite_LinksStayInsideTheSite()
    {
        foreach (var (path, doc) in BuildHostileSite())
        {
            foreach (var link in doc.QuerySelectorAll("a"))
            {
                var href = link.GetAttribute("href")!;
                Assert.Matches(@"^(\.\./)?(index\.html(#suite=[A-Za-z0-9%._~-]*)?|runs/[A-Za-z0-9_-]+\.html|suites/[a-z0-9-]+\.html)$", href);
                Assert.True(File.Exists(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, href.Split('#')[0]))), $"{path}: broken link {href}");
            }
        }
        Assert.Empty(Directory.EnumerateFiles(_own, "*.html"));
    }

    [Fact]
    public void HostileSite_ScriptsAreDqsOwnAndThePolicyIsStrict()
    {
        foreach (var (path, doc) in BuildHostileSite())
        {
            var policy = doc.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content")!;
            Assert.StartsWith("default-src 'none'; style-src 'sha256-", policy, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe", policy, StringComparison.Ordinal);
            var scripts = doc.QuerySelectorAll("script").ToList();
            if (Path.GetFileName(path) == "index.html")
            {
                Assert.Equal(2, scripts.Count);
                Assert.Equal("application/json", scripts[0].GetAttribute("type"));
                Assert.Equal(IndexScript.Code, scripts[1].TextContent);
            }
            else
            {
                Assert.Empty(scripts);
                Assert.Contains("script-src 'none'", policy, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void HostileSite_ShowsPayloadsAsTextWithBidiControlsVisible()
    {
        var pages = BuildHostileSite().ToList();
        var run = pages.Single(p => p.Path.EndsWith("run0001.html", StringComparison.Ordinal)).Document;

        var text = run.Body!.TextContent;
        Assert.Contains("\"><img src=x onerror=\"window.__pwned=2\">", text, StringComparison.Ordinal);
        Assert.Contains("suite \"><img src=x onerror=", run.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        var bidi = pages.Single(p => p.Path.EndsWith("run0013.html", StringComparison.Ordinal)).Document.Body!.TextContent;
        Assert.Contains("evil\\u202etxt.exe\\u2066\\u2028\\u2029", bidi, StringComparison.Ordinal);
        Assert.DoesNotContain(pages.SelectMany(p => p.Document.Body!.TextContent), c => c is '\u202e' or '\u2066' or '\u2028');
    }

    [Fact]
    public void HostileSite_DataIslandIsEscapedJson()
    {
        BuildHostileSite().ToList();
        var html = File.ReadAllText(Path.Combine(SiteFolder, "index.html"));
        var start = html.IndexOf("<script type=\"application/json\" id=\"runs-data\">", StringComparison.Ordinal);
        var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
        var island = html[(html.IndexOf('>', start) + 1)..end];

        Assert.DoesNotContain('<', island);
        Assert.DoesNotContain('>', island);
        Assert.DoesNotContain('&', island);
        Assert.DoesNotContain('\u2028', island);
        using var json = JsonDocument.Parse(island);
        Assert.Equal(16, json.RootElement.GetProperty("runs").GetArrayLength());
        Assert.Contains(json.RootElement.GetProperty("suites").EnumerateArray(), s => s.GetString() == "suite <script>window.__pwned=1</script>");
    }
}
