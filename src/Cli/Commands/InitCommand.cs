using System.CommandLine;
using Dq.Cli.Projects;
using Dq.Cli.Running;
using Dq.Expectations;

namespace Dq.Cli.Commands;

/// <summary>
/// <c>dq init [dir]</c>: scaffolds a working project (settings, a sample suite, checkpoint and data, a README), so that
/// <c>dq validate --checkpoint checkpoints/orders.yml</c> works right away. Never overwrites a file.
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
            Existing files are never overwritten: init stops without changing anything if one is in the way.

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
        if (DqProject.Find(root) is { } existing && existing.FilePath is not null)
        {
            throw new ConfigurationException(
                $"`{root}` is already inside the dq project of `{existing.FilePath}`; nothing was changed. Use that project, or choose a folder outside it.");
        }
        var taken = s_files.Select(f => Path.Combine(root, f.Path)).Where(File.Exists).ToList();
        if (taken.Count > 0)
        {
            throw new ConfigurationException(
                $"`{root}` already has {string.Join(", ", taken.Select(t => $"`{Path.GetRelativePath(root, t)}`"))}; nothing was changed. Move them away, or choose another folder.");
        }
        foreach (var (path, template) in s_files)
        {
            var bytes = Template(template);
            AtomicFile.Write(Path.Combine(root, path), stream => stream.Write(bytes));
        }
        if (verbosity != Verbosity.Quiet)
        {
            stdout.WriteLine($"Created a dq project in {root}:");
            foreach (var (path, _) in s_files)
            {
                stdout.WriteLine($"  {path}");
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
