using Dq.Reporting.DataDocs;
using Microsoft.Playwright;

namespace Dq.Reporting.Tests.DataDocs;

/// <summary>
/// The generated site in a real browser: Debian's Chromium driven by Playwright (its bundled driver; the browser
/// download is never run), pages opened through <c>file://</c>. Screenshots go to <c>artifacts/screenshots/</c>.
/// </summary>
public sealed class BrowserTests : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly string[] s_flags =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly string _folder = Directory.CreateTempSubdirectory("dq-browser-").FullName;
    private IPlaywright? _playwright;
    private IBrowserContext? _context;

    private string Site => Path.Combine(_folder, "site");

    public async ValueTask InitializeAsync()
    {
        Assert.SkipUnless(File.Exists(Chromium), $"{Chromium} is missing: install Debian's chromium (apt-get install chromium); .ci/run does.");
        var runs = SampleRuns.Create(130).ToList();
        runs.Add(HostileResults.Create(1, new DateTimeOffset(2024, 6, 1, 0, 0, 0, TimeSpan.Zero)));
        runs.Add(HostileResults.Create(2, new DateTimeOffset(2024, 6, 2, 0, 0, 0, TimeSpan.Zero)));
        DataDocsBuilder.Build(runs, Site);
        _playwright = await Playwright.CreateAsync();
        _context = await _playwright.Chromium.LaunchPersistentContextAsync(Path.Combine(_folder, "profile"), new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = s_flags,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.CloseAsync();
        }
        _playwright?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task<IPage> OpenAsync(string relative)
    {
        var page = await _context!.NewPageAsync();
        await page.GotoAsync(new Uri(Path.Combine(Site, relative)).AbsoluteUri);
        return page;
    }

    [Fact]
    public async Task Index_ShowsNewestRunsFirst_AndPages()
    {
        var page = await OpenAsync("index.html");

        Assert.Equal("132 of 132 runs", await page.InnerTextAsync("#count"));
        Assert.Equal(50, await page.Locator("#runs-body tr").CountAsync());
        Assert.Equal("2025-01-06 09:00:00", await page.InnerTextAsync("#runs-body tr:first-child td:first-child"));
        Assert.Equal("page 1 of 3", await page.InnerTextAsync("#page-info"));
        await page.ClickAsync("#next");
        await page.ClickAsync("#next");
        Assert.Equal("page 3 of 3", await page.InnerTextAsync("#page-info"));
        Assert.Equal(32, await page.Locator("#runs-body tr").CountAsync());
        Assert.Contains("page=3", page.Url, StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
    }

    [Fact]
    public async Task Index_FiltersBySuiteAssetAndStatus()
    {
        var page = await OpenAsync("index.html");

        await page.SelectOptionAsync("#f-suite", new SelectOptionValue { Label = "customers" });
        Assert.Equal("43 of 132 runs", await page.InnerTextAsync("#count"));
        await page.SelectOptionAsync("#f-suite", new SelectOptionValue { Label = "orders" });
        await page.SelectOptionAsync("#f-asset", new SelectOptionValue { Label = "data/orders_eu.csv" });
        var rows = await page.Locator("#runs-body tr td:nth-child(3)").AllInnerTextsAsync();
        Assert.All(rows, r => Assert.Equal("data/orders_eu.csv", r));
        await page.SelectOptionAsync("#f-status", "failed");
        var statuses = await page.Locator("#runs-body .badge").AllInnerTextsAsync();
        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.Equal("FAILED", s));
        Assert.Contains("suite=orders", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunPage_ShowsStatusesCountsAndSamples_AndScreenshots()
    {
        var index = await OpenAsync("index.html");
        await index.SelectOptionAsync("#f-status", "failed");
        await index.SelectOptionAsync("#f-suite", new SelectOptionValue { Label = "orders" });
        Directory.CreateDirectory(Screenshots);
        await index.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "index.png"), FullPage = false });
        await index.ClickAsync("#runs-body tr:first-child td:first-child a");

        var text = await index.InnerTextAsync("main");
        Assert.Contains("FAILED", text, StringComparison.Ordinal);
        Assert.Contains("Values in order_amount", text.Replace("order_id", "order_amount", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\"refunded\"", text, StringComparison.Ordinal);
        Assert.Matches(@"\d+ unexpected of 101 rows \(\d", text);
        await index.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, "run.png"), FullPage = true });
    }

    [Fact]
    public async Task HostilePages_RunNoScriptFromData()
    {
        foreach (var relative in new[] { "index.html", SiteLinks.Run("run0001"), SiteLinks.Run("run0002"), SiteLinks.Suite("suite " + HostileResults.Payloads[1]) })
        {
            var page = await OpenAsync(relative);
            await page.Locator("body").HoverAsync();

            Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"), relative);
            Assert.Equal(0, await page.Locator("main img, main b, main script:not(#runs-data)").CountAsync());
            if (relative.StartsWith("runs/", StringComparison.Ordinal))
            {
                // run0001 holds payload 1 (an <img onerror>), run0002 payload 2 (an <svg onload>): shown as text.
                var payload = HostileResults.Payloads[relative.Contains("0001", StringComparison.Ordinal) ? 1 : 2];
                Assert.Contains(payload, await page.InnerTextAsync("main"), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task SuitePage_DrawsATrendPerExpectation()
    {
        var page = await OpenAsync(SiteLinks.Suite("orders"));

        Assert.Equal(7, await page.Locator("section.exp svg.spark").CountAsync());
        Assert.Contains("unexpected % over the last 60 runs", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.True(await page.Locator("svg.spark circle").CountAsync() >= 7 * 60);
    }

    private static string Screenshots
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "dq.slnx")))
            {
                dir = dir.Parent;
            }
            return Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
        }
    }
}
