using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Reporting.DataDocs;

/// <summary>
/// Builds data docs: a static, self-contained HTML site of validation runs. <c>index.html</c> lists every run (newest
/// first, filtered and paged in the page), <c>runs/…html</c> shows one run, <c>suites/…html</c> one suite with the trend
/// of each expectation.
/// </summary>
/// <remarks>
/// <para>
/// The site shows exactly the runs given to one build: those added with <see cref="Add"/> (in any order, from several
/// threads at once if you like) and those kept from the previous build with <see cref="TryKeep"/>; then call
/// <see cref="Finish"/>. Each added run's page is written when it is added, so memory holds only a small summary per run.
/// </para>
/// <para>
/// Builds are incremental. The folder's manifest (<c>.dq-docs.json</c>) records the builder and a summary of every run
/// shown; a run kept from it is not read or rendered again, since a stored run never changes. <see cref="Finish"/>
/// writes the pages of suites whose runs changed and the index, each only if its HTML differs from the file, and deletes
/// the pages of runs and suites no longer shown. A missing or unreadable manifest, or one written by another dq or with
/// other templates, means a full build: every page is rendered, and pages in <c>runs/</c> and <c>suites/</c> that the
/// new site does not have are deleted. Every file is written to a temporary file and renamed, so it is whole or absent.
/// </para>
/// <para>
/// The pages are plain HTML and CSS with one small script on the index, under a Content-Security-Policy that allows
/// nothing else; nothing is loaded from the network, so the site opens from the file system. Every name and value from
/// data, suites and checkpoints is escaped, and control and bidirectional-override characters are shown as <c>\uXXXX</c>.
/// </para>
/// </remarks>
public sealed class DataDocsBuilder
{
    private readonly Lock _gate = new();
    private readonly Lock _internGate = new();
    private readonly Dictionary<string, InternedConfiguration> _configurations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RunSummary>? _previous;
    private readonly Dictionary<string, RunSummary> _runs = new(StringComparer.Ordinal);
    private readonly HashSet<string> _added = new(StringComparer.Ordinal);
    private int _written;

    /// <summary>Starts a build of the site in <paramref name="outputDirectory"/>, creating it when needed and reading its manifest.</summary>
    /// <param name="outputDirectory">The site's folder.</param>
    /// <exception cref="IOException">The folder cannot be created.</exception>
    public DataDocsBuilder(string outputDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        OutputDirectory = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(Path.Combine(OutputDirectory, "runs"));
        Directory.CreateDirectory(Path.Combine(OutputDirectory, "suites"));
        _previous = SiteManifest.Read(Path.Combine(OutputDirectory, SiteManifest.FileName), Intern);
    }

    /// <summary>The site's folder (absolute).</summary>
    public string OutputDirectory { get; }

    /// <summary>The path of the index page.</summary>
    public string IndexPath => Path.Combine(OutputDirectory, "index.html");

    /// <summary>True when the folder had no usable manifest, so this build renders every page.</summary>
    public bool IsFullBuild => _previous is null;

    /// <summary>The number of distinct runs in the site so far (added or kept).</summary>
    public int RunCount
    {
        get
        {
            lock (_gate)
            {
                return _runs.Count;
            }
        }
    }

    /// <summary>Files written so far (pages and the manifest).</summary>
    public int FilesWritten => Volatile.Read(ref _written);

    /// <summary>Pages of runs and suites no longer shown that <see cref="Finish"/> deleted.</summary>
    public int PagesRemoved { get; private set; }

    /// <summary>
    /// Keeps a run of the previous build without its result: true when the manifest has the run and its page exists, so
    /// it stays in the site as it is; false when the run must be given to <see cref="Add"/> to be shown.
    /// </summary>
    /// <param name="runId">The run's id.</param>
    public bool TryKeep(string runId)
    {
        ArgumentNullException.ThrowIfNull(runId);
        if (_previous is null || !_previous.TryGetValue(runId, out var summary) || !File.Exists(Path.Combine(OutputDirectory, SiteLinks.Run(runId))))
        {
            return false;
        }
        lock (_gate)
        {
            _runs.TryAdd(runId, summary);
        }
        return true;
    }

    /// <summary>Adds a run: writes its page and keeps its summary for the index and suite pages. A run id added (or kept) twice is ignored.</summary>
    /// <param name="result">The validation result.</param>
    /// <exception cref="IOException">The page cannot be written.</exception>
    public void Add(ValidationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        lock (_gate)
        {
            if (_runs.ContainsKey(result.Run.RunId) || !_added.Add(result.Run.RunId))
            {
                return;
            }
        }
        var summary = RunSummary.Of(result, Intern);
        SiteFiles.WritePage(Path.Combine(OutputDirectory, SiteLinks.Run(result.Run.RunId)), RunPage.Render(result, "../", linkSuite: true));
        Interlocked.Increment(ref _written);
        lock (_gate)
        {
            _runs[result.Run.RunId] = summary;
        }
    }

    /// <summary>
    /// Finishes the build: writes the pages of suites whose runs changed and the index (each only if it differs from the
    /// file), deletes pages no longer shown, and records the site in the manifest. Call it once, after the last
    /// <see cref="Add"/>.
    /// </summary>
    /// <returns>The path of the index page.</returns>
    /// <exception cref="IOException">A page cannot be written.</exception>
    public string Finish()
    {
        lock (_gate)
        {
            var previous = _previous ?? [];
            var removed = previous.Values.Where(r => !_runs.ContainsKey(r.Row.RunId)).ToList();
            // Suites whose set of runs changed: a run added to them or removed from them.
            var changed = new HashSet<string>(_added.Select(id => _runs[id].Row.Suite).Concat(removed.Select(r => r.Row.Suite)), StringComparer.Ordinal);
            var rows = _runs.Values.Select(r => r.Row).ToList();
            rows.Sort(RunRow.NewestFirst);
            var suites = rows.Select(r => r.Suite).Distinct(StringComparer.Ordinal).ToList();
            var stale = suites.Where(s => IsFullBuild || changed.Contains(s) || !File.Exists(Path.Combine(OutputDirectory, SiteLinks.Suite(s))))
                .ToDictionary(s => s, s => new SuiteHistory(s), StringComparer.Ordinal);
            foreach (var row in rows)
            {
                // Newest first, so the page does not depend on the order runs were added or kept.
                if (stale.TryGetValue(row.Suite, out var suite))
                {
                    suite.Add(_runs[row.RunId]);
                }
            }
            foreach (var suite in stale.Values)
            {
                Write(SiteLinks.Suite(suite.Name), SuitePage.Render(suite));
            }
            var anyChange = IsFullBuild || _added.Count > 0 || removed.Count > 0;
            if (anyChange || !File.Exists(IndexPath))
            {
                Write("index.html", IndexPage.Render(rows));
            }
            RemovePages(removed, suites);
            if (anyChange)
            {
                SiteManifest.Write(Path.Combine(OutputDirectory, SiteManifest.FileName), [.. rows.Select(r => _runs[r.RunId])]);
                _written++;
            }
        }
        return IndexPath;
    }

    /// <summary>Builds a site of exactly <paramref name="results"/>, rendering run pages on every core.</summary>
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

    private void Write(string relative, string html)
    {
        if (SiteFiles.WritePageIfChanged(Path.Combine(OutputDirectory, relative), html))
        {
            _written++;
        }
    }

    /// <summary>
    /// Deletes the pages of runs and suites the site no longer shows. After a full build nothing is known of the
    /// previous site, so every page in <c>runs/</c> and <c>suites/</c> the new site does not have goes.
    /// </summary>
    private void RemovePages(List<RunSummary> removed, IEnumerable<string> suites)
    {
        var stale = new HashSet<string>(StringComparer.Ordinal);
        if (IsFullBuild)
        {
            var current = new HashSet<string>(_runs.Keys.Select(SiteLinks.Run).Concat(suites.Select(SiteLinks.Suite)), StringComparer.Ordinal);
            foreach (var folder in new[] { "runs", "suites" })
            {
                foreach (var file in Directory.EnumerateFiles(Path.Combine(OutputDirectory, folder)))
                {
                    var name = Path.GetFileName(file);
                    if ((name.EndsWith(".html", StringComparison.Ordinal) && !current.Contains($"{folder}/{name}")) || SiteFiles.IsTemporary(name))
                    {
                        stale.Add($"{folder}/{name}");
                    }
                }
            }
        }
        else
        {
            var shown = new HashSet<string>(suites, StringComparer.Ordinal);
            stale.UnionWith(removed.Select(r => SiteLinks.Run(r.Row.RunId)));
            stale.UnionWith(removed.Select(r => r.Row.Suite).Where(s => !shown.Contains(s)).Select(SiteLinks.Suite));
        }
        foreach (var relative in stale)
        {
            var path = Path.Combine(OutputDirectory, relative);
            if (File.Exists(path))
            {
                File.Delete(path);
                PagesRemoved++;
            }
        }
    }

    /// <summary>One object per distinct configuration, so thousands of runs of one suite hold its configurations once.</summary>
    private InternedConfiguration Intern(ExpectationConfiguration configuration)
    {
        var track = ExpectationPoint.TrackKey(configuration);
        var key = track + "\u0000" + configuration.Meta.ToJsonString();
        lock (_internGate)
        {
            if (!_configurations.TryGetValue(key, out var canonical))
            {
                _configurations[key] = canonical = new InternedConfiguration(configuration, track);
            }
            return canonical;
        }
    }
}
