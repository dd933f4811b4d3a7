using System.CommandLine;
using System.Globalization;
using Dq.Cli.Checkpoints;
using Dq.Cli.Projects;
using Dq.Cli.Running;
using Dq.Cli.Telemetry;
using Dq.Expectations;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Readers;
using Dq.Reporting.CloudWatch;

namespace Dq.Cli.Commands;

/// <summary>
/// <c>dq validate &lt;data&gt; --suite &lt;suite.json&gt;</c> and <c>dq validate --checkpoint &lt;file&gt;</c>: validates
/// and exits 0, 1, 2, 3 or 4 (130 when interrupted).
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, CommonOptions common)
    {
        var data = new Argument<string?>("data") { Description = "The data file: CSV (.csv, .tsv), Parquet (.parquet), JSON lines (.jsonl) or Arrow IPC (.arrow, .arrows); or a database, postgresql://user@host:port/db or duckdb:<file>, with --table or --query. Not with --checkpoint.", Arity = ArgumentArity.ZeroOrOne };
        var table = new Option<string?>("--table") { Description = "With a database as the data: the table to validate (schema.table); the suite runs inside the database." };
        var query = new Option<string?>("--query") { Description = "With a database as the data: a query whose rows to validate, instead of --table." };
        var suite = new Option<string?>("--suite", "-s") { Description = "The expectation suite (GX 1.x or 0.x JSON)." };
        var checkpoint = new Option<string?>("--checkpoint", "-c") { Description = "Run a checkpoint file (YAML or JSON): its validations, actions and gate." };
        var format = new Option<DataFormat?>("--format") { Description = "The data format: auto (default; by extension, then by content), csv, parquet, jsonlines or arrow." };
        var csv = new CsvCommandOptions();
        var resultFormat = new Option<string?>("--result-format") { Description = "BOOLEAN_ONLY, BASIC, SUMMARY (default) or COMPLETE." };
        var output = new Option<string?>("--output", "-o") { Description = "Write the result JSON to this file, or to stdout with '-' (the summary then goes to stderr)." };
        var junit = new Option<string?>("--junit") { Description = "Write a JUnit XML report to this file (one testsuite per validation)." };
        var docs = new Option<string?>("--docs") { Description = "Build HTML data docs in this folder: the store's whole history, or only this run with --store none." };
        var summaryMd = new Option<string?>("--summary-md") { Description = "Write a Markdown summary to this file, e.g. \"$GITHUB_STEP_SUMMARY\" for GitHub's job page." };
        var metricsEmf = new Option<string?>("--metrics-emf") { Description = "Append each run's CloudWatch Embedded Metric Format lines to this file, or write them to stdout with '-' (the summary then goes to stderr)." };
        var metricsNamespace = new Option<string?>("--metrics-namespace") { Description = "The CloudWatch namespace of --metrics-emf (default: dq)." };
        var store = new Option<string?>("--store") { Description = "Keep the run in this validation store (SQLite), or 'none'. Default: the project's store (dq.yml), or none outside a project." };
        var threads = CommandValidation.Threads("Worker threads per validation.");
        var parameters = new Option<string[]>("--param")
        {
            Description = "A suite parameter, name=value (repeatable): the value of {\"$PARAMETER\": \"name\"} kwargs; over a checkpoint's `parameters:`.",
            AllowMultipleArgumentsPerToken = false,
        };
        var interval = new Option<double>("--progress-interval") { Description = "Seconds between plain progress lines.", Hidden = true, DefaultValueFactory = _ => ProgressDisplay.DefaultInterval.TotalSeconds };

        var command = new Command("validate", """
            Validate data against an expectation suite, or run a checkpoint as a CI/CD quality gate.

            Exit codes: 0 all expectations passed; 1 an expectation of error severity failed; 2 bad arguments,
            suite, checkpoint or project file; 3 the data could not be read; 4 internal error; 130 interrupted.

            Examples:
              dq validate samples/orders/orders.csv --suite samples/orders/orders.suite.json
              dq validate data.parquet --suite suite.json --result-format COMPLETE --output result.json
              dq validate data.csv --suite suite.json --output - | jq .statistics
              dq validate data.csv --suite suite.json --junit reports/junit.xml --store none
              dq validate data.csv --suite suite.json --schema "zip:string,amount:double" --on-bad-rows skip
              dq validate --checkpoint checkpoints/orders.yml
              dq validate --checkpoint checkpoints/orders.yml --quiet --junit reports/junit.xml
              dq validate data.csv --suite suite.json --store none --docs site --summary-md "$GITHUB_STEP_SUMMARY"
              dq validate data.csv --suite suite.json --metrics-emf /var/log/dq/metrics.jsonl --metrics-namespace dq/orders

            Metrics: --metrics-emf writes CloudWatch EMF lines; when OTEL_EXPORTER_OTLP_ENDPOINT is set, the same metrics are
            pushed over OTLP (OTEL_EXPORTER_OTLP_PROTOCOL http/protobuf or grpc, OTEL_EXPORTER_OTLP_HEADERS, OTEL_SERVICE_NAME).
            """)
        {
            data, suite, checkpoint, format, resultFormat, output, junit, docs, summaryMd, metricsEmf, metricsNamespace, store, threads, interval, parameters, table, query,
        };
        csv.AddTo(command);
        command.AddCheck(r =>
        {
            if (r.GetValue(checkpoint) is not null)
            {
                if (r.GetValue(data) is not null || r.GetValue(suite) is not null || r.GetValue(format) is not null || r.GetValue(resultFormat) is not null || csv.AnyGiven(r))
                {
                    r.AddError("--checkpoint runs the validations its file names: give no data file, --suite, --format or --result-format with it (set them in the checkpoint).");
                }
            }
            else if (r.GetValue(data) is null || r.GetValue(suite) is null)
            {
                r.AddError("give a data file and --suite <suite.json>, or --checkpoint <file>. Example: dq validate data.csv --suite suite.json");
            }
            if ((r.GetValue(table) is not null || r.GetValue(query) is not null) && (r.GetValue(data) is not { } given || !DatabaseSource.IsDatabase(given)))
            {
                r.AddError("--table and --query name what to validate in a database: give a postgresql:// URI or duckdb:<file> as the data (a checkpoint sets `table:` or `query:`).");
            }
            if (r.GetValue(metricsNamespace) is { } ns)
            {
                if (r.GetValue(metricsEmf) is null)
                {
                    r.AddError("--metrics-namespace sets the namespace of --metrics-emf; give --metrics-emf <file> with it (a checkpoint's `emit_metrics` action has its own `namespace`).");
                }
                else if (!EmbeddedMetricFormat.IsValidNamespace(ns))
                {
                    r.AddError($"--metrics-namespace `{ns}` is not a CloudWatch namespace: use 1 to 256 letters, digits and . _ # : / - (such as dq or data-quality/orders).");
                }
            }
            if (r.GetValue(metricsEmf) == EmfTarget.StandardOutput && r.GetValue(output) == "-")
            {
                r.AddError("--output - and --metrics-emf - would both write to stdout; send one of them to a file.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var session = new RunSession(stdout, stderr, common.Get(parse), TimeSpan.FromSeconds(Math.Max(0.001, parse.GetValue(interval))), parse.GetValue(threads));
            var values = RunParameters.FromOptions(parse.GetValue(parameters) ?? []);
            var plan = parse.GetValue(checkpoint) is { } file
                ? CheckpointPlan(file, parse.GetValue(store), parse.GetValue(output), parse.GetValue(junit), values)
                : SuitePlan(parse.GetValue(data)!, parse.GetValue(suite)!, parse.GetValue(format) ?? DataFormat.Auto, csv.Read(parse),
                    parse.GetValue(resultFormat) ?? "SUMMARY", parse.GetValue(store), parse.GetValue(output), parse.GetValue(junit), values, parse.GetValue(table), parse.GetValue(query));
            plan = plan with
            {
                DocsPaths = parse.GetValue(docs) is { } d ? [.. plan.DocsPaths, Path.GetFullPath(d)] : plan.DocsPaths,
                SummaryMdPaths = parse.GetValue(summaryMd) is { } md ? [.. plan.SummaryMdPaths, md] : plan.SummaryMdPaths,
                EmfTargets = parse.GetValue(metricsEmf) is { } emf
                    ? [.. plan.EmfTargets, new EmfTarget(emf, parse.GetValue(metricsNamespace) ?? EmbeddedMetricFormat.DefaultNamespace)]
                    : plan.EmfTargets,
            };
            if (plan.StandardOutputs > 1)
            {
                throw new ConfigurationException("more than one output (--output, --junit, --summary-md, --metrics-emf or a checkpoint action) would go to stdout ('-'); send all but one of them to files.");
            }
            return session.RunAsync(plan, cancellationToken);
        });
        return command;
    }

    private static RunPlan SuitePlan(string data, string suitePath, DataFormat format, CsvReaderOptions? csv, string resultFormat, string? store, string? output, string? junit,
        IReadOnlyDictionary<string, object?> parameters, string? table, string? query)
    {
        var level = ResultFormat.ParseLevel(resultFormat);
        var database = DatabaseSource.IsDatabase(data) ? DatabaseSource.Create(data, table, query, null, Environment.CurrentDirectory) : null;
        var suite = SuiteJson.Read(suitePath, RunParameters.Of(parameters));
        var (files, missing) = database is null ? DataArgument.Files(data, suite) : ([], []);
        List<ValidationJob> jobs = database is null
            ? [.. files.Select(file => new ValidationJob(file, file == data ? data : Path.GetRelativePath(Environment.CurrentDirectory, file), format, csv, suite, new ResultFormat(level))
            {
                Partitions = file == data ? [] : HivePartitions.Of(file, HivePartitions.Root(data)),
            })]
            : [new ValidationJob(database.AssetName, database.AssetName, format, csv, suite, new ResultFormat(level)) { Database = database }];
        var projectStore = store is null ? DqProject.Find(Environment.CurrentDirectory)?.StorePath : null;
        return new RunPlan(null, jobs, missing, StoreOption.Resolve(store, projectStore),
            output is null ? [] : [output], junit is null ? [] : [junit], GatePolicy.Error);
    }

    private static RunPlan CheckpointPlan(string file, string? store, string? output, string? junit, IReadOnlyDictionary<string, object?> parameters)
    {
        var checkpoint = CheckpointFile.Read(file);
        var folder = Path.GetDirectoryName(checkpoint.FilePath)!;
        var project = DqProject.Find(folder) ?? DqProject.Default(folder);
        var plan = CheckpointPlanner.Plan(checkpoint, project, store, parameters);
        return plan with
        {
            JsonPaths = output is null ? plan.JsonPaths : [.. plan.JsonPaths, output],
            JunitPaths = junit is null ? plan.JunitPaths : [.. plan.JunitPaths, junit],
        };
    }
}
