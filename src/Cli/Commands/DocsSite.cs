using System.Diagnostics;
using System.Globalization;
using Dq.Cli.Store;
using Dq.Expectations.Results;
using Dq.Reporting.DataDocs;

namespace Dq.Cli.Commands;

/// <summary>What a data docs build did: the index page, the runs shown, the files written and pages removed.</summary>
internal sealed record DocsBuild(string Index, int Runs, int FilesWritten, int PagesRemoved, bool Full, TimeSpan Elapsed)
{
    /// <summary>"data docs of 3 runs in 0.1 s (5 files written, full build): index", with the index shown as <paramref name="index"/>.</summary>
    public string Describe(string index) => string.Create(CultureInfo.InvariantCulture,
        $"data docs of {Runs} run{(Runs == 1 ? "" : "s")} in {Elapsed.TotalSeconds:0.0} s ({FilesWritten} file{(FilesWritten == 1 ? "" : "s")} written{(PagesRemoved > 0 ? $", {PagesRemoved} removed" : "")}{(Full ? ", full build" : "")}): {index}");
}

/// <summary>Builds data docs for the CLI: from every run of a store (history), or from the results of one invocation.</summary>
internal static class DocsSite
{
    /// <summary>
    /// Brings the site in <paramref name="outputDirectory"/> up to date with every run in the store at
    /// <paramref name="storePath"/>: runs the site already shows are kept as they are, new ones are read and rendered,
    /// deleted ones' pages are removed.
    /// </summary>
    /// <exception cref="Expectations.ConfigurationException">The store is missing, unreadable, or holds a result that is not valid JSON.</exception>
    public static DocsBuild FromStore(string storePath, string outputDirectory, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        using var store = ValidationStore.Open(storePath, create: false);
        var builder = new DataDocsBuilder(outputDirectory);
        var missing = store.RunIds().Where(id => !builder.TryKeep(id)).ToList();
        // One thread reads rows (the enumerator is not shared); parsing and rendering run on every core.
        Parallel.ForEach(store.ResultJsonOf(missing), Options(cancellationToken), json => builder.Add(ValidationResultJson.Read(json)));
        cancellationToken.ThrowIfCancellationRequested();
        var index = builder.Finish();
        return new DocsBuild(index, builder.RunCount, builder.FilesWritten, builder.PagesRemoved, builder.IsFullBuild, clock.Elapsed);
    }

    /// <summary>Builds the site in <paramref name="outputDirectory"/> from <paramref name="results"/> only (no store).</summary>
    public static DocsBuild FromResults(IReadOnlyList<ValidationResult> results, string outputDirectory, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var builder = new DataDocsBuilder(outputDirectory);
        Parallel.ForEach(results, Options(cancellationToken), builder.Add);
        cancellationToken.ThrowIfCancellationRequested();
        var index = builder.Finish();
        return new DocsBuild(index, builder.RunCount, builder.FilesWritten, builder.PagesRemoved, builder.IsFullBuild, clock.Elapsed);
    }

    /// <summary>
    /// A signal stops the pages between runs: each page already written is whole, and the index (written last by
    /// <see cref="DataDocsBuilder.Finish"/>) still describes the previous build.
    /// </summary>
    private static ParallelOptions Options(CancellationToken cancellationToken) => new() { CancellationToken = cancellationToken };
}
