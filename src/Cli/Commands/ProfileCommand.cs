using System.CommandLine;
using System.Globalization;
using System.Text;
using Apache.Arrow;
using Dq.Cli.Running;
using Dq.Expectations;
using Dq.Expectations.Baselines;
using Dq.Expectations.Profiling;
using Dq.Expectations.Suites;
using Dq.Readers;

namespace Dq.Cli.Commands;

/// <summary>
/// <c>dq profile &lt;data&gt; --out &lt;dir&gt;</c>: learns a baseline (SageMaker statistics.json and constraints.json) and a
/// suggested suite from data, and prints the columns.
/// </summary>
internal static class ProfileCommand
{
    public const string StatisticsFile = "statistics.json";
    public const string ConstraintsFile = "constraints.json";
    public const string SuiteFile = "suite.json";

    public static Command Create(TextWriter stdout, TextWriter stderr, CommonOptions common)
    {
        var data = new Argument<string>("data") { Description = "The data file: CSV (.csv, .tsv), Parquet (.parquet), JSON lines (.jsonl) or Arrow IPC (.arrow, .arrows)." };
        var output = new Option<string>("--out", "-o") { Description = "The folder for statistics.json, constraints.json and suite.json (created if missing; other files in it are left alone).", Required = true };
        var format = new Option<DataFormat?>("--format") { Description = "The data format: auto (default; by extension, then by content), csv, parquet, jsonlines or arrow." };
        var rules = new Option<SuggestionRules>("--rules") { Description = "Suggestion rules: default (Deequ's DEFAULT) or extended (adds uniqueness, min/max and length rules).", DefaultValueFactory = _ => SuggestionRules.Default };
        var suiteName = new Option<string?>("--suite-name") { Description = "The suggested suite's name (default: the data file's name and '.suggested')." };
        var threads = CommandValidation.Threads("Worker threads.");
        var docs = new Option<string?>("--docs") { Description = "Also write the profile's page (per column: type, completeness, range, histogram or top categories) into this folder, under profiles/." };
        var csv = new CsvCommandOptions();
        var command = new Command("profile", """
            Profile data: learn its baseline statistics and constraints (SageMaker Model Monitor's statistics.json and
            constraints.json, with KLL and HLL++ sketches) and a suggested suite (Deequ's rules), in one pass.

            CSV columns are read as text and typed by Deequ's rules (".5" and "1,000" are String); Parquet, Arrow and
            JSON numbers keep their types. The suggested suite passes on the data it was learned from.

            Exit codes: 0 profiled; 2 bad arguments; 3 the data could not be read (nothing is written); 4 internal error.

            Examples:
              dq profile samples/orders/orders.csv --out baseline
              dq profile data.parquet --out baseline --rules extended
              dq validate new.csv --suite baseline/suite.json
            """)
        {
            data, output, format, rules, suiteName, threads, docs,
        };
        csv.AddTo(command);
        command.AddCheck(r =>
        {
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetValue(data)!;
            var dataFormat = parse.GetValue(format) ?? DataFormat.Auto;
            var csvOptions = csv.Read(parse);
            var chosenRules = parse.GetValue(rules);
            var profile = Profile(path, dataFormat, csvOptions, parse.GetValue(threads), cancellationToken);
            Schema validationSchema;
            using (var typed = BatchSources.Open(path, dataFormat, csvOptions))
            {
                validationSchema = typed.Schema;
            }
            var name = parse.GetValue(suiteName) ?? $"{Path.GetFileNameWithoutExtension(path)}.suggested";
            var suite = SuiteSuggester.Suggest(profile, name, chosenRules, validationSchema);
            var dropped = new List<string>();
            if (chosenRules == SuggestionRules.Extended)
            {
                // Uniqueness is suggested from an approximate distinct count (as Deequ does): check every suggestion on
                // the data it was learned from, and keep only those that pass.
                (suite, dropped) = Verified(suite, path, dataFormat, csvOptions, parse.GetValue(threads), cancellationToken);
            }
            var folder = parse.GetValue(output)!;
            var statistics = BaselineStatistics.FromProfile(profile);
            WriteAll(folder, new Dictionary<string, string>
            {
                [StatisticsFile] = StatisticsJson.Write(statistics),
                [ConstraintsFile] = ConstraintsJson.Write(BaselineConstraints.FromProfile(profile)),
                [SuiteFile] = SuiteJson.Write(suite),
            });
            string? page = null;
            if (parse.GetValue(docs) is { } docsFolder)
            {
                var when = DateTimeOffset.UtcNow;
                page = DocsPageNames.For(docsFolder, "profiles", path, when);
                var html = Dq.Reporting.DataDocs.ProfilePage.Render(statistics, Path.GetFileName(path), when, "../");
                AtomicFile.Write(page, stream => stream.Write(Encoding.UTF8.GetBytes(html)));
            }
            if (common.Get(parse) != Verbosity.Quiet)
            {
                stdout.Write(ProfileTable.Render(profile));
                if (page is not null)
                {
                    stdout.WriteLine($"Profile page: {page}");
                }
                foreach (var note in dropped)
                {
                    stdout.WriteLine($"Not suggested: {note}");
                }
                stdout.WriteLine($"Wrote {StatisticsFile}, {ConstraintsFile} and {SuiteFile} ({suite.Expectations.Count} expectations) to {folder}.");
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static DataProfile Profile(string path, DataFormat format, CsvReaderOptions? csv, int threads, CancellationToken cancellationToken)
    {
        using var source = BatchSources.Open(path, format, csv, inferCsvTypes: false);
        return Profiler.Profile(source, new ProfileOptions { Threads = threads }, cancellationToken);
    }

    private static (ExpectationSuite Suite, List<string> Dropped) Verified(ExpectationSuite suite, string path, DataFormat format, CsvReaderOptions? csv, int threads, CancellationToken cancellationToken)
    {
        using var source = BatchSources.Open(path, format, csv);
        var (kept, dropped) = SuiteSuggester.KeepPassing(suite, source, new ValidationOptions { Threads = threads }, cancellationToken);
        return (kept, [.. dropped.Select(c => $"{ExpectationText.Describe(c)} (it fails on this data)")]);
    }

    /// <summary>
    /// Writes every file to a temporary name first and renames them only when all are written, so a failure leaves
    /// the folder as it was (a rename cannot fail half-way for lack of space).
    /// </summary>
    private static void WriteAll(string folder, IReadOnlyDictionary<string, string> files)
    {
        var full = Path.GetFullPath(folder);
        if (File.Exists(full))
        {
            throw new ConfigurationException($"--out `{folder}` is a file; give a folder for {StatisticsFile}, {ConstraintsFile} and {SuiteFile}.");
        }
        Directory.CreateDirectory(full);
        var temporary = new List<(string Temporary, string Target)>();
        try
        {
            foreach (var (name, text) in files)
            {
                var target = Path.Combine(full, name);
                var temp = Path.Combine(full, $".{name}.{Guid.NewGuid():N}.tmp");
                temporary.Add((temp, target));
                using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                stream.Write(Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }
            foreach (var (temp, target) in temporary)
            {
                File.Move(temp, target, overwrite: true);
            }
        }
        finally
        {
            foreach (var (temp, _) in temporary)
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
        }
    }
}
