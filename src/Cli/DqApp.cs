using System.CommandLine;
using Dq.Cli.Commands;
using Dq.Expectations;

namespace Dq.Cli;

/// <summary>
/// The <c>dq</c> command line: parses arguments, runs a command, and turns the three kinds of trouble into exit
/// codes: configuration errors 2, unreadable data 3, bugs 4, each with one clear message (a stack trace only for
/// bugs).
/// </summary>
internal static class DqApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var common = new CommonOptions();
        var root = new RootCommand("""
            dq: data-quality validation in the style of Great Expectations, and a quality gate for CI/CD.

            Examples:
              dq init quality && cd quality && dq validate --checkpoint checkpoints/orders.yml
              dq validate data.csv --suite suite.json --junit reports/junit.xml
              dq profile data.csv --out baseline
              dq monitor new.csv --baseline baseline --output violations.json
              dq runs list --limit 10
              dq suite show suites/orders.suite.json
              dq docs build
            """)
        {
            common.Quiet,
            common.Verbose,
            ValidateCommand.Create(stdout, stderr, common),
            ProfileCommand.Create(stdout, stderr, common),
            MonitorCommand.Create(stdout, stderr, common),
            ModelQualityCommand.Create(stdout, stderr, common),
            InitCommand.Create(stdout, common),
            RunsCommand.Create(stdout, common),
            SuiteCommand.Create(stdout, common),
            DocsCommand.Create(stdout, stderr, common),
        };
        var parse = root.Parse(args);
        if (EmptyArgument(args) is { } empty)
        {
            stderr.WriteLine($"dq: {empty}");
            return ExitCodes.UsageOrConfiguration;
        }
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                stderr.WriteLine($"dq: {error.Message}");
            }
            stderr.WriteLine($"Run '{string.Join(' ', ["dq", .. CommandPath(parse.CommandResult)])} --help' for usage and examples.");
            return ExitCodes.UsageOrConfiguration;
        }
        try
        {
            try
            {
                return parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false }, cancellationToken)
                    .GetAwaiter().GetResult();
            }
            catch (AggregateException e) when (e.Flatten().InnerExceptions is [var only] && only is not AggregateException)
            {
                // Parallel work (docs pages, validations) wraps the one failure; it is handled as if thrown directly.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(only);
                throw;
            }
        }
        catch (ConfigurationException e)
        {
            stderr.WriteLine($"dq: configuration error: {e.Message}");
            return ExitCodes.UsageOrConfiguration;
        }
        catch (DataReadException e)
        {
            stderr.WriteLine($"dq: cannot read the data: {e.Message}");
            return ExitCodes.DataUnreadable;
        }
        catch (Microsoft.Data.Sqlite.SqliteException e)
        {
            stderr.WriteLine($"dq: {Store.StoreFailure.Message(null, e)}");
            return ExitCodes.UsageOrConfiguration;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stderr.WriteLine("dq: cancelled; no output was written.");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"dq: cannot write the output: {e.Message}");
            return ExitCodes.UsageOrConfiguration;
        }
#pragma warning disable CA1031 // the last line of defence: any other exception is a bug, reported with its trace
        catch (Exception e)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"dq: internal error (please report it with the command you ran): {e}");
            return ExitCodes.InternalError;
        }
    }

    private static IEnumerable<string> CommandPath(System.CommandLine.Parsing.CommandResult? result)
    {
        var names = new Stack<string>();
        for (var r = result; r?.Parent is System.CommandLine.Parsing.CommandResult parent; r = parent)
        {
            names.Push(r.Command.Name);
        }
        return names;
    }

    /// <summary>
    /// An empty argument (<c>--suite ""</c>, an unset shell variable) is never meant: as a path it would name the
    /// current folder, so it is refused with the option it belongs to.
    /// </summary>
    private static string? EmptyArgument(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(args[i]))
            {
                return i > 0 && args[i - 1].StartsWith('-')
                    ? $"the value of {args[i - 1]} is empty; give a path or value (an unset shell variable?)."
                    : $"argument {i + 1} is empty; give a path or value (an unset shell variable?).";
            }
        }
        return null;
    }
}
