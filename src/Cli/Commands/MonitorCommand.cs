using System.CommandLine;
using System.Globalization;
using System.Text;
using Dq.Cli.Telemetry;
using Dq.Expectations;
using Dq.Expectations.Monitoring;
using Dq.Expectations.Telemetry;
using Dq.Readers;
using Dq.Reporting.CloudWatch;
using Dq.Reporting.DataDocs;

namespace Dq.Cli.Commands;

/// <summary>
/// <c>dq monitor &lt;data&gt; --baseline &lt;dir&gt;</c>: compares a batch with the baseline <c>dq profile</c> (or SageMaker)
/// wrote, writes SageMaker's constraint_violations.json and a drift report, and exits 1 on a violation.
/// </summary>
internal static class MonitorCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, CommonOptions common)
    {
        var data = new Argument<string>("data") { Description = "The data file: CSV (.csv, .tsv), Parquet (.parquet), JSON lines (.jsonl) or Arrow IPC (.arrow, .arrows)." };
        var baselineOption = new Option<string>("--baseline", "-b") { Description = "The folder holding statistics.json and constraints.json (from `dq profile` or SageMaker).", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "Write SageMaker's constraint_violations.json here." };
        var report = new Option<string?>("--report") { Description = "Write the drift report (drift.json: every column's drift tests) here." };
        var docs = new Option<string?>("--docs") { Description = "Write this run's drift page (histograms and tests) into this folder, under drift/." };
        var format = new Option<DataFormat?>("--format") { Description = "The data format: auto (default; by extension, then by content), csv, parquet, jsonlines or arrow." };
        var threads = CommandValidation.Threads("Worker threads.");
        var metricsEmf = new Option<string?>("--metrics-emf") { Description = "Append the run's CloudWatch Embedded Metric Format lines to this file, or write them to stdout with '-' (the summary then goes to stderr)." };
        var metricsNamespace = new Option<string?>("--metrics-namespace") { Description = "The CloudWatch namespace of --metrics-emf (default: dq)." };
        var csv = new CsvCommandOptions();
        var overrides = new MonitorOverrides();
        var command = new Command("monitor", """
            Monitor data against its baseline, as SageMaker Model Monitor does: data types, completeness, categorical
            values, missing and extra columns, and distribution drift (L-infinity from KLL sketches, chi-squared), in
            one pass over the data. Writes SageMaker's constraint_violations.json and a drift report with Evidently's
            tests (ks, wasserstein_normed, psi, jensen_shannon, chi_squared).

            Every threshold and method can be overridden here (run-wide or per column), beating constraints.json.

            Exit codes: 0 no violation; 1 a violation; 2 bad arguments or a bad baseline; 3 the data could not be read.

            Examples:
              dq profile samples/orders/orders.csv --out baseline
              dq monitor samples/orders/orders.csv --baseline baseline --output violations.json --report drift.json
              dq monitor new.parquet --baseline baseline --comparison-threshold 0.2 --feature-override amount:drift_method=psi
            """)
        {
            data, baselineOption, output, report, docs, format, threads, metricsEmf, metricsNamespace,
        };
        csv.AddTo(command);
        overrides.AddTo(command);
        command.AddCheck(r =>
        {
            if (r.GetValue(metricsNamespace) is { } ns && !EmbeddedMetricFormat.IsValidNamespace(ns))
            {
                r.AddError($"--metrics-namespace `{ns}` is not a CloudWatch namespace (1 to 256 characters of a-z A-Z 0-9 . _ # : / -).");
            }
            if (r.GetValue(metricsEmf) == EmfTarget.StandardOutput && (r.GetValue(output) == "-" || r.GetValue(report) == "-"))
            {
                r.AddError("--metrics-emf - and a file option given as '-' would both write to stdout; send one of them to a file.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetValue(data)!;
            var folder = parse.GetValue(baselineOption)!;
            var baseline = Baseline.Load(folder);
            var options = overrides.Read(parse, parse.GetValue(threads));
            var started = DateTimeOffset.UtcNow;
            var clock = System.Diagnostics.Stopwatch.StartNew();
            MonitorReport result;
            using (var source = BatchSources.Open(path, parse.GetValue(format) ?? DataFormat.Auto, csv.Read(parse), inferCsvTypes: false))
            {
                result = BaselineMonitor.Monitor(source, baseline, options, cancellationToken);
            }
            if (parse.GetValue(output) is { } violationsPath)
            {
                Write(violationsPath, ConstraintViolationsJson.Write(result.Violations));
            }
            if (parse.GetValue(report) is { } reportPath)
            {
                Write(reportPath, DriftJson.Write(result.Drift));
            }
            string? page = null;
            if (parse.GetValue(docs) is { } docsFolder)
            {
                var when = DateTimeOffset.UtcNow;
                page = DocsPageNames.For(docsFolder, "drift", path, when);
                Write(page, DriftPage.Render(result, Path.GetFileName(path), folder, when, "../"));
            }
            var emf = parse.GetValue(metricsEmf);
            var summary = emf == EmfTarget.StandardOutput ? stderr : stdout;
            if (common.Get(parse) != Running.Verbosity.Quiet)
            {
                MonitorSummary.Write(summary, result, path, folder);
                if (page is not null)
                {
                    summary.WriteLine($"Drift page: {page}");
                }
            }
            var figures = new RunFigures(MonitorSuiteName(folder), path, started, result.Success,
                result.Drift.Features.Count, result.Violations.Count, result.Current.RowCount, clock.Elapsed);
            EmfTarget[] targets = emf is null ? [] : [new EmfTarget(emf, parse.GetValue(metricsNamespace) ?? EmbeddedMetricFormat.DefaultNamespace)];
            MetricsOutput.Emit([figures], targets, stdout, stderr, (_, _) => { }, Environment.GetEnvironmentVariable);
            return Task.FromResult(result.Success ? ExitCodes.Success : ExitCodes.ExpectationFailed);
        });
        return command;
    }

    /// <summary>The run's <c>Suite</c> dimension: the baseline folder's name with <c>.baseline</c>, as a checkpoint's <c>baseline:</c> validation is named.</summary>
    internal static string MonitorSuiteName(string folder) => $"{Path.GetFileName(Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar))}.baseline";

    private static void Write(string path, string text) => AtomicFile.Write(path, stream => stream.Write(Encoding.UTF8.GetBytes(text)));
}
