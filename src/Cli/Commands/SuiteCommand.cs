using System.CommandLine;
using System.Globalization;
using Dq.Cli.Projects;
using Dq.Cli.Running;
using Dq.Expectations;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Cli.Commands;

/// <summary><c>dq suite list</c> and <c>dq suite show &lt;file&gt;</c>: the suites of a project, in plain language.</summary>
internal static class SuiteCommand
{
    public static Command Create(TextWriter stdout, CommonOptions common) => new("suite", """
        List and explain expectation suites.

        Examples:
          dq suite list
          dq suite show suites/orders.suite.json
        """)
    {
        List(stdout),
        Show(stdout, common),
    };

    private static Command List(TextWriter stdout)
    {
        var dir = new Option<string?>("--dir") { Description = "The folder to search for suite files (*.json). Default: suites/ of the dq project around the current folder." };
        var command = new Command("list", """
            List the suite files of a project: name, number of expectations, file. Exits 2 if one is invalid.

            Examples:
              dq suite list
              dq suite list --dir shared/suites
            """)
        {
            dir,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(dir) ?? Path.Combine(
                DqProject.Find(Environment.CurrentDirectory)?.Root
                    ?? throw new ConfigurationException($"no dq project here: there is no {DqProject.FileName} in `{Environment.CurrentDirectory}` or above. Pass --dir <folder>, or run inside a project (`dq init` makes one)."),
                "suites");
            if (!Directory.Exists(folder))
            {
                throw new ConfigurationException($"the folder `{folder}` does not exist. Pass --dir <folder> with suite files.");
            }
            var rows = new List<string[]>();
            var invalid = new List<string>();
            foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var shown = Path.GetRelativePath(Environment.CurrentDirectory, file);
                try
                {
                    var suite = SuiteJson.Read(file);
                    var warn = suite.Expectations.Count(e => new ExpectationResult(e.Configuration, false, null).Severity == Severity.Warn);
                    rows.Add([suite.Name, suite.Expectations.Count.ToString(CultureInfo.InvariantCulture) + (warn > 0 ? $" ({warn} warn)" : ""), shown]);
                }
                catch (ConfigurationException e)
                {
                    invalid.Add(e.Message);
                    rows.Add(["INVALID", "", shown]);
                }
            }
            if (rows.Count == 0)
            {
                stdout.WriteLine($"No suite files (*.json) in {folder}.");
                return ExitCodes.Success;
            }
            TextTable.Write(stdout, ["suite", "expectations", "file"], rows);
            foreach (var message in invalid)
            {
                stdout.WriteLine($"dq: invalid suite: {message}");
            }
            return invalid.Count > 0 ? ExitCodes.UsageOrConfiguration : ExitCodes.Success;
        });
        return command;
    }

    private static Command Show(TextWriter stdout, CommonOptions common)
    {
        var file = new Argument<string>("suite") { Description = "The suite file (GX 1.x or 0.x JSON), or a suite's name in the project's suites folder." };
        var command = new Command("show", """
            Explain a suite: each expectation in plain language, with its severity.

            Examples:
              dq suite show suites/orders.suite.json
              dq suite show orders
            """)
        {
            file,
        };
        command.SetAction(parse =>
        {
            var (path, suite) = Find(parse.GetValue(file)!);
            stdout.WriteLine($"Suite `{suite.Name}` ({path}): {suite.Expectations.Count} expectation{(suite.Expectations.Count == 1 ? "" : "s")}");
            if (suite.Meta["description"] is { } description)
            {
                stdout.WriteLine($"  {TextTable.Clean(description.ToString(), 200)}");
            }
            for (var i = 0; i < suite.Expectations.Count; i++)
            {
                var c = suite.Expectations[i].Configuration;
                var warn = new ExpectationResult(c, false, null).Severity == Severity.Warn ? "[warn] " : "";
                stdout.WriteLine($"  {i,2}. {warn}{ExpectationText.Describe(c)}");
                if (common.Get(parse) == Verbosity.Verbose)
                {
                    stdout.WriteLine($"      {c.Type} {c.Kwargs.ToJsonString()}");
                }
            }
            stdout.WriteLine("Failed [warn] expectations are reported without failing the gate; all others fail it.");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The suite a <c>show</c> argument names: a file, or else the suite of that name in the project's suites folder.</summary>
    private static (string Path, ExpectationSuite Suite) Find(string argument)
    {
        if (File.Exists(argument) || argument.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || argument.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return (argument, SuiteJson.Read(argument));
        }
        var project = DqProject.Find(Environment.CurrentDirectory)
            ?? throw new ConfigurationException($"`{argument}` is not a file, and there is no dq project here to look for a suite of that name in; give the suite file's path.");
        var folder = Path.Combine(project.Root, "suites");
        var suites = new List<(string Path, ExpectationSuite Suite)>();
        if (Directory.Exists(folder))
        {
            foreach (var path in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                try
                {
                    suites.Add((Path.GetRelativePath(Environment.CurrentDirectory, path), SuiteJson.Read(path)));
                }
                catch (ConfigurationException)
                {
                    // an invalid file is not the suite asked for; `dq suite list` reports it
                }
            }
        }
        var named = suites.Where(s => s.Suite.Name == argument).ToList();
        return named.Count switch
        {
            1 => named[0],
            0 => throw new ConfigurationException($"no suite named `{argument}` in `{folder}`.{Spelling.DidYouMean(argument, suites.Select(s => s.Suite.Name))} `dq suite list` shows the suites there."),
            _ => throw new ConfigurationException($"{named.Count} suites are named `{argument}`: {string.Join(", ", named.Select(s => s.Path))}; give the file's path."),
        };
    }
}
