using Dq.Cli.Projects;
using Dq.Cli.Running;
using Dq.Cli.Telemetry;
using Dq.Expectations;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Cli.Checkpoints;

/// <summary>
/// Turns a checkpoint into a <see cref="RunPlan"/>: expands data globs, reads every suite up front (so a bad suite
/// stops the run before any data is read), and resolves the actions' paths and the store.
/// </summary>
internal static class CheckpointPlanner
{
    public static RunPlan Plan(Checkpoint checkpoint, DqProject project, string? storeOverride, IReadOnlyDictionary<string, object?>? parameterOverrides = null)
    {
        var suites = new Dictionary<string, ExpectationSuite>(StringComparer.Ordinal);
        var jobs = new List<ValidationJob>();
        var missing = new List<UnreadData>();
        foreach (var v in checkpoint.Validations)
        {
            var parameters = RunParameters.Merge(v.Parameters, parameterOverrides ?? new Dictionary<string, object?>());
            var key = $"{v.Suite}\n{v.Baseline}\n{RunParameters.Key(parameters)}";
            if (!suites.TryGetValue(key, out var suite))
            {
                suite = suites[key] = SuiteOf(v, parameters);
            }
            if (v.Database is { } database)
            {
                jobs.Add(new ValidationJob(database.AssetName, database.AssetName, v.Format, v.Csv, suite, v.ResultFormat ?? ResultFormat.Summary) { Database = database });
                continue;
            }
            var files = Expand(v.Data);
            if (files.Count == 0)
            {
                missing.Add(new UnreadData(suite, AssetName(project.Root, v.Data), new DataReadException(
                    $"{v.Mark}: the data pattern `{v.Data}` matched no files. Check the pattern; it is relative to the checkpoint's folder.")
                { FilePath = v.Data }));
            }
            jobs.AddRange(files.Select(file => new ValidationJob(
                file, AssetName(project.Root, file), v.Format, v.Csv, suite, v.ResultFormat ?? ResultFormat.Summary)
            {
                Partitions = Glob.HasWildcards(v.Data) ? HivePartitions.Of(file, HivePartitions.Root(v.Data)) : [],
            }));
        }
        var store = StoreOption.Resolve(storeOverride, project.StorePath);
        foreach (var action in checkpoint.Actions.OfType<StoreResultAction>().Where(a => a.StorePath is not null && storeOverride is null))
        {
            store = action.StorePath;
        }
        if (!checkpoint.Actions.OfType<StoreResultAction>().Any() && storeOverride is null)
        {
            store = null;
        }
        return new RunPlan(
            checkpoint.Name, jobs, missing, store,
            [.. checkpoint.Actions.OfType<WriteJsonAction>().Select(a => a.Path)],
            [.. checkpoint.Actions.OfType<WriteJunitAction>().Select(a => a.Path)],
            checkpoint.Gate)
        {
            DocsPaths = [.. checkpoint.Actions.OfType<UpdateDataDocsAction>().Select(a => a.Path ?? project.DocsPath)],
            EmfTargets = [.. checkpoint.Actions.OfType<EmitMetricsAction>().Select(a => new EmfTarget(a.EmfPath, a.Namespace))],
        };
    }

    /// <summary>The validation's suite, with one more expectation, that the data matches the baseline, when a baseline is given.</summary>
    private static ExpectationSuite SuiteOf(CheckpointValidation v, IReadOnlyDictionary<string, object?> parameters)
    {
        ExpectationSuite? suite = null;
        if (v.Suite is not null)
        {
            if (!File.Exists(v.Suite))
            {
                throw ConfigReader.Error(v.SuiteMark, $"the suite file `{v.Suite}` does not exist. Paths in a checkpoint are relative to the checkpoint's folder.");
            }
            suite = SuiteJson.Read(v.Suite, RunParameters.Of(parameters));
        }
        if (v.Baseline is null)
        {
            return suite!;
        }
        ExpectationSuite monitor;
        try
        {
            monitor = new SuiteBuilder(suite?.Name ?? $"{Path.GetFileName(v.Baseline.TrimEnd(Path.DirectorySeparatorChar))}.baseline").ExpectTableToMatchBaseline(v.Baseline).Build();
        }
        catch (ConfigurationException e)
        {
            throw ConfigReader.Error(v.BaselineMark ?? v.SuiteMark, e.Message);
        }
        return suite is null ? monitor : new ExpectationSuite(suite.Name, [.. suite.Expectations, .. monitor.Expectations], suite.Meta);
    }

    /// <summary>The files a data entry names: the path itself, or the matches of a glob (<c>*</c>, <c>?</c>, <c>**</c>), sorted.</summary>
    internal static IReadOnlyList<string> Expand(string pattern) => Glob.HasWildcards(pattern) ? Glob.Files(pattern) : [pattern];

    /// <summary>The asset's name in reports and the store: its path relative to the project, with forward slashes.</summary>
    internal static string AssetName(string projectRoot, string file)
    {
        var relative = Path.GetRelativePath(projectRoot, file);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? file : relative).Replace('\\', '/');
    }
}

/// <summary>The <c>--store &lt;path&gt;|none</c> option.</summary>
internal static class StoreOption
{
    /// <summary>The store to use: <c>none</c> → null, a path → that path, absent → <paramref name="fallback"/>.</summary>
    public static string? Resolve(string? option, string? fallback) => option switch
    {
        null => fallback,
        _ when option.Equals("none", StringComparison.OrdinalIgnoreCase) => null,
        _ => Path.GetFullPath(option),
    };
}
