using System.Diagnostics;
using Dq.Cli.Store;
using Dq.Expectations.Results;
using Dq.Reporting.DataDocs;

namespace Dq.Cli.Commands;

/// <summary>Builds data docs for the CLI: from every run of a store (history), or from the results of one invocation.</summary>
internal static class DocsSite
{
    /// <summary>Builds the site in <paramref name="outputDirectory"/> from every run in the store at <paramref name="storePath"/>.</summary>
    /// <returns>The index page and the number of runs.</returns>
    /// <exception cref="Expectations.ConfigurationException">The store is missing, unreadable, or holds a result that is not valid JSON.</exception>
    public static (string Index, int Runs, TimeSpan Elapsed) FromStore(string storePath, string outputDirectory)
    {
        var clock = Stopwatch.StartNew();
        using var store = ValidationStore.Open(storePath, create: false);
        var builder = new DataDocsBuilder(outputDirectory);
        // One thread reads rows (the enumerator is not shared); parsing and rendering run on every core.
        Parallel.ForEach(store.AllResultJson(), json => builder.Add(ValidationResultJson.Read(json)));
        var index = builder.Finish();
        return (index, builder.RunCount, clock.Elapsed);
    }

    /// <summary>Builds the site in <paramref name="outputDirectory"/> from <paramref name="results"/> only (no store).</summary>
    public static (string Index, int Runs, TimeSpan Elapsed) FromResults(IReadOnlyList<ValidationResult> results, string outputDirectory)
    {
        var clock = Stopwatch.StartNew();
        var index = DataDocsBuilder.Build(results, outputDirectory);
        return (index, results.Count, clock.Elapsed);
    }
}
