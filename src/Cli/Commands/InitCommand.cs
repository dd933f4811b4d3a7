using System.CommandLine;
using Dq.Cli.Projects;
using Dq.Cli.Running;
using Dq.Expectations;

namespace Dq.Cli.Commands;

/// <summary>
/// <c>dq init [dir]</c>: scaffolds a working project (settings, a sample suite, checkpoint and data, a README), so that
/// <c>dq validate --checkpoint checkpoints/orders.yml</c> works right away. In a folder that already has some of these
/// files it adds the missing ones and keeps the others as they are: it never overwrites a file.
/// </summary>
internal static class InitCommand
{
    /// <summary>Target path in the project → embedded template.</summary>
    private static readonly (string Path, string Template)[] s_files =
    [
        (DqProject.FileName, "dq.yml"),
        ("README.md", "README.md"),
        (".gitignore", "gitignore"),
        ("suites/orders.suite.json", "orders.suite.json"),
        ("checkpoints/orders.yml", "orders.yml"),
        ("data/orders.csv", "orders.csv"),
    ];

    public static Command Create(TextWriter stdout, CommonOptions common)
    {
        var dir = new Argument<string>("dir") { Description = "The project folder (created if needed). Default: the current folder.", DefaultValueFactory = _ => "." };
        var command = new Command("init", """
            Create a dq project: dq.yml, suites/, checkpoints/, data/ with a sample, and a README.
            In a folder that has some of them already, init adds what is missing and keeps every existing file as it is.

            Examples:
              dq init quality
              cd quality && dq validate --checkpoint checkpoints/orders.yml
            """)
        {
            dir,
        };
        command.SetAction(parse => Run(parse.GetValue(dir)!, stdout, common.Get(parse)));
        return command;
    }

    private static int Run(string dir, TextWriter stdout, Verbosity verbosity)
    {
        var root = Path.GetFullPath(dir);
        if (DqProject.Find(root) is { } existing && existing.FilePath is not null
            && !string.Equals(Path.GetDirectoryName(existing.FilePath), root, StringComparison.Ordinal))
        {
            throw new ConfigurationException(
                $"`{root}` is already inside the dq project of `{existing.FilePath}`; nothing was changed. Use that project, or choose a folder outside it.");
        }
        var kept = s_files.Where(f => File.Exists(Path.Combine(root, f.Path)) || Directory.Exists(Path.Combine(root, f.Path))).Select(f => f.Path).ToList();
        var added = s_files.Where(f => !kept.Contains(f.Path)).ToList();
        foreach (var (path, template) in added)
        {
            var bytes = Template(template);
            AtomicFile.Write(Path.Combine(root, path), stream => stream.Write(bytes));
        }
        if (verbosity != Verbosity.Quiet && added.Count == 0)
        {
            stdout.WriteLine($"Nothing to add: {root} already has every file of a dq project ({string.Join(", ", kept)}); each was kept as it is.");
            return ExitCodes.Success;
        }
        if (verbosity != Verbosity.Quiet)
        {
            stdout.WriteLine(kept.Count == 0 ? $"Created a dq project in {root}:" : $"Added what a dq project needs to {root}:");
            foreach (var (path, _) in added)
            {
                stdout.WriteLine($"  {path}");
            }
            foreach (var path in kept)
            {
                stdout.WriteLine($"  {path} (kept: it was already there)");
            }
            var cd = Path.GetRelativePath(Environment.CurrentDirectory, root);
            stdout.WriteLine();
            stdout.WriteLine("Next:");
            if (cd != ".")
            {
                stdout.WriteLine($"  cd {cd}");
            }
            stdout.WriteLine("  dq validate --checkpoint checkpoints/orders.yml");
            stdout.WriteLine("  dq runs list");
        }
        return ExitCodes.Success;
    }

    internal static byte[] Template(string name)
    {
        using var stream = typeof(InitCommand).Assembly.GetManifestResourceStream("Templates/" + name)
            ?? throw new InvalidOperationException($"the template `{name}` is missing from the dq assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
