using System.CommandLine;
using Dq.Expectations;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Readers;
using Dq.Reporting;

namespace Dq.Cli;

/// <summary><c>dq validate &lt;data&gt; --suite &lt;suite.json&gt;</c>: validates a data file and exits 0, 1, 2, 3 or 4.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var data = new Argument<string>("data") { Description = "The data file: CSV (.csv, .tsv) or Parquet (.parquet)." };
        var suite = new Option<string>("--suite", "-s") { Description = "The expectation suite (GX 1.x or 0.x JSON).", Required = true };
        var format = new Option<DataFormat>("--format") { Description = "The data format; auto chooses by extension, then by content.", DefaultValueFactory = _ => DataFormat.Auto };
        var resultFormat = new Option<string>("--result-format") { Description = "BOOLEAN_ONLY, BASIC, SUMMARY (default) or COMPLETE.", DefaultValueFactory = _ => "SUMMARY" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the GX-shaped result JSON to this file, or to stdout with '-' (the summary then goes to stderr)." };
        var threads = new Option<int>("--threads") { Description = "Worker threads; 0 uses every core.", DefaultValueFactory = _ => 0 };

        var command = new Command("validate", """
            Validate a data file against an expectation suite.

            Exit codes: 0 all expectations passed; 1 an expectation failed; 2 bad arguments or suite;
            3 the data could not be read; 4 internal error.

            Examples:
              dq validate samples/orders/orders.csv --suite samples/orders/orders.suite.json
              dq validate data.parquet --suite suite.json --result-format COMPLETE --output result.json
              dq validate data.csv --suite suite.json --output - | jq .statistics
            """)
        {
            data, suite, format, resultFormat, output, threads,
        };
        command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
            new Arguments(parse.GetValue(data)!, parse.GetValue(suite)!, parse.GetValue(format), parse.GetValue(resultFormat)!, parse.GetValue(output), parse.GetValue(threads)),
            stdout, stderr, cancellationToken)));
        return command;
    }

    private sealed record Arguments(string Data, string Suite, DataFormat Format, string ResultFormat, string? Output, int Threads);

    private static int Run(Arguments args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var level = Expectations.Results.ResultFormat.ParseLevel(args.ResultFormat);
        if (args.Threads < 0)
        {
            throw new ConfigurationException($"--threads must be 0 (every core) or more, not {args.Threads}.");
        }
        var suite = SuiteJson.Read(args.Suite);
        using var source = BatchSources.Open(args.Data, args.Format);
        var options = new ValidationOptions { ResultFormat = new ResultFormat(level), Threads = args.Threads };
        var result = Validator.Validate(source, suite, options, cancellationToken);

        var summary = args.Output == "-" ? stderr : stdout;
        if (args.Output == "-")
        {
            stdout.WriteLine(ValidationResultJson.ToJson(result));
        }
        else if (args.Output is { } path)
        {
            AtomicFile.Write(path, stream => ValidationResultJson.Write(result, stream));
        }
        ConsoleSummary.Write(result, summary);
        return result.Success ? ExitCodes.Success : ExitCodes.ExpectationFailed;
    }
}
