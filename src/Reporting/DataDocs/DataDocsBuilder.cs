using System.Text;
using Dq.Expectations.Results;

namespace Dq.Reporting.DataDocs;

/// <summary>
/// Builds data docs: a static, self-contained HTML site of validation runs. <c>index.html</c> lists every run (newest
/// first, filtered and paged in the page), <c>runs/…html</c> shows one run, <c>suites/…html</c> one suite with the trend
/// of each expectation.
/// </summary>
/// <remarks>
/// <para>
/// Add the runs (in any order, from several threads at once if you like), then call <see cref="Finish"/>. Each run's
/// page is written when it is added, so memory holds only a small summary per run: 10,000 runs of a 20-expectation suite
/// build in seconds. Every page is written to a temporary file and renamed, so a page is complete or absent.
/// </para>
/// <para>
/// The pages are plain HTML and CSS with one small script on the index, under a Content-Security-Policy that allows
/// nothing else; nothing is loaded from the network, so the site opens from the file system. Every name and value from
/// data, suites and checkpoints is escaped, and control and bidirectional-override characters are shown as <c>\uXXXX</c>.
/// Pages of runs that are no longer added (deleted from a store) are left in place; use a fresh folder to drop them.
/// </para>
/// </remarks>
public sealed class DataDocsBuilder
{
    private readonly Lock _gate = new();
    private readonly List<RunRow> _rows = [];
    private readonly HashSet<string> _runIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SuiteHistory> _suites = new(StringComparer.Ordinal);

    /// <summary>Starts a site in <paramref name="outputDirectory"/>, creating it when needed.</summary>
    /// <param name="outputDirectory">The site's folder; existing pages of the same runs are replaced.</param>
    /// <exception cref="IOException">The folder cannot be created.</exception>
    public DataDocsBuilder(string outputDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        OutputDirectory = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(Path.Combine(OutputDirectory, "runs"));
        Directory.CreateDirectory(Path.Combine(OutputDirectory, "suites"));
    }

    /// <summary>The site's folder (absolute).</summary>
    public string OutputDirectory { get; }

    /// <summary>The path of the index page.</summary>
    public string IndexPath => Path.Combine(OutputDirectory, "index.html");

    /// <summary>The number of distinct runs added so far.</summary>
    public int RunCount
    {
        get
        {
            lock (_gate)
            {
                return _rows.Count;
            }
        }
    }

    /// <summary>Adds a run: writes its page and keeps its summary for the index and suite pages. A run id added twice is ignored.</summary>
    /// <param name="result">The validation result.</param>
    /// <exception cref="IOException">The page cannot be written.</exception>
    public void Add(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var row = RunRow.Of(result);
        lock (_gate)
        {
            if (!_runIds.Add(result.Run.RunId))
            {
                return;
            }
        }
        WritePage(SiteLinks.Run(result.Run.RunId), RunPage.Render(result, "../", linkSuite: true));
        lock (_gate)
        {
            _rows.Add(row);
            if (!_suites.TryGetValue(result.SuiteName, out var suite))
            {
                suite = _suites[result.SuiteName] = new SuiteHistory(result.SuiteName);
            }
            suite.Add(result, row);
        }
    }

    /// <summary>Writes the index and the suite pages; call it once, after the last <see cref="Add"/>.</summary>
    /// <returns>The path of the index page.</returns>
    /// <exception cref="IOException">A page cannot be written.</exception>
    public string Finish()
    {
        lock (_gate)
        {
            _rows.Sort(RunRow.NewestFirst);
            foreach (var suite in _suites.Values)
            {
                WritePage(SiteLinks.Suite(suite.Name), SuitePage.Render(suite));
            }
            WritePage("index.html", IndexPage.Render(_rows));
        }
        return IndexPath;
    }

    /// <summary>Builds a site from <paramref name="results"/>, rendering run pages on every core.</summary>
    /// <param name="results">The runs, in any order.</param>
    /// <param name="outputDirectory">The site's folder.</param>
    /// <returns>The path of the index page.</returns>
    /// <exception cref="IOException">A page cannot be written.</exception>
    public static string Build(IEnumerable<ValidationResult> results, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(results);
        var builder = new DataDocsBuilder(outputDirectory);
        Parallel.ForEach(results, builder.Add);
        return builder.Finish();
    }

    private void WritePage(string relative, string html)
    {
        var path = Path.Combine(OutputDirectory, relative);
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temporary, html, s_utf8);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
}
