using System.CommandLine;
using Dq.Cli.Checkpoints;
using Dq.Cli.Projects;
using Dq.Cli.Running;
using Dq.Expectations;

namespace Dq.Cli.Commands;

/// <summary><c>dq docs build [--store &lt;path&gt;] [--out &lt;dir&gt;]</c>: builds the HTML data docs from the validation store.</summary>
internal static class DocsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, CommonOptions common)
    {
        var store = new Option<string?>("--store") { Description = "The validation store to read. Default: the project's store (dq.yml)." };
        var output = new Option<string?>("--out", "-o") { Description = "The site's folder. Default: the project's `docs:` location, or `docs` beside the store." };
        var build = new Command("build", """
            Build the data docs: a static HTML site of every stored run (index, run pages, suite pages with trends).
            It is self-contained (no network, a strict Content-Security-Policy) and opens from the file system.
            A rebuild writes only what changed: new runs' pages, their suites' pages and the index; pages of runs
            deleted from the store (`dq runs prune`) are removed.

            Examples:
              dq docs build
              dq docs build --store .dq/store.db --out site
            """)
        {
            store, output,
        };
        build.SetAction((parse, cancellationToken) =>
        {
            var project = DqProject.Find(Environment.CurrentDirectory);
            var storePath = StorePath(parse.GetValue(store), project);
            var outDir = parse.GetValue(output) is { } o ? Path.GetFullPath(o)
                : project?.DocsPath ?? Path.Combine(Path.GetDirectoryName(storePath)!, "docs");
            DocsBuild built;
            try
            {
                built = DocsSite.FromStore(storePath, outDir, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                stderr.WriteLine("dq: cancelled: the site's index still shows the previous build; the pages written so far are reused by the next `dq docs build`.");
                return Task.FromResult(ExitCodes.Cancelled);
            }
            if (common.Get(parse) != Verbosity.Quiet)
            {
                stdout.WriteLine($"dq: wrote {built.Describe(built.Index)}");
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return new Command("docs", "Data docs: a static HTML site of validation results.") { build };
    }

    private static string StorePath(string? option, DqProject? project)
    {
        if (option is not null && option.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationException("`dq docs build` reads the runs of a store: give --store <path>. To document one run without a store, use `dq validate ... --store none --docs <dir>`.");
        }
        return StoreOption.Resolve(option, project?.StorePath)
            ?? throw new ConfigurationException(project is null
                ? "no validation store: this folder is not inside a dq project (no dq.yml). Pass --store <path>, or run `dq init`."
                : $"the project `{project.FilePath}` keeps no store (`store: none`). Pass --store <path>.");
    }
}
