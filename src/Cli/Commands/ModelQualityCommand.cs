using System.CommandLine;
using System.Globalization;
using System.Text;
using Dq.Expectations;
using Dq.Expectations.ModelQuality;
using Dq.Readers;

namespace Dq.Cli.Commands;

/// <summary>
/// <c>dq model-quality &lt;data&gt; --problem-type ... --label ... --prediction ... --out &lt;dir&gt;</c>: SageMaker Model
/// Monitor's model-quality job. Writes statistics.json and constraints.json (a baseline), or with <c>--baseline</c>
/// checks the baseline's constraints, writes constraint_violations.json and exits 1 on a violation.
/// </summary>
internal static class ModelQualityCommand
{
    public const string ViolationsFile = "constraint_violations.json";

    public static Command Create(TextWriter stdout, TextWriter stderr, CommonOptions common)
    {
        var data = new Argument<string>("data") { Description = "The labels and predictions: CSV (.csv, .tsv), Parquet (.parquet), JSON lines (.jsonl) or Arrow IPC (.arrow, .arrows)." };
        var problemType = new Option<ModelProblemType>("--problem-type") { Description = "BinaryClassification, MulticlassClassification or Regression (SageMaker's problem_type).", Required = true };
        var label = new Option<string>("--label") { Description = "The column of actual labels (SageMaker's ground_truth_attribute).", Required = true };
        var prediction = new Option<string?>("--prediction") { Description = "The column of predicted labels or values (inference_attribute). A binary model may give only --probability instead." };
        var probability = new Option<string?>("--probability") { Description = "Binary only: the column of the probability of the positive class (probability_attribute), for auc and the ROC and precision-recall curves." };
        var threshold = new Option<double?>("--threshold") { Description = "Binary, without --prediction: a row is predicted positive when its probability is at least this (probability_threshold_attribute; default 0.5)." };
        var positiveLabel = new Option<string?>("--positive-label") { Description = "Binary: the positive class (default 1, matching 1, 1.0, \"1\" and true, with 0 negative); with another value every other value is negative." };
        var output = new Option<string>("--out", "-o") { Description = "The folder for statistics.json and constraints.json, or with --baseline statistics.json and constraint_violations.json (created if missing).", Required = true };
        var baseline = new Option<string?>("--baseline", "-b") { Description = "Check this baseline folder's constraints.json (from dq model-quality or SageMaker) and exit 1 on a violation." };
        var curvePoints = new Option<int>("--curve-points") { Description = "The most points the ROC and precision-recall curves keep (0: every distinct probability).", DefaultValueFactory = _ => 1000 };
        var format = new Option<DataFormat?>("--format") { Description = "The data format: auto (default; by extension, then by content), csv, parquet, jsonlines or arrow." };
        var threads = CommandValidation.Threads("Worker threads.");
        var csv = new CsvCommandOptions();
        var command = new Command("model-quality", """
            Measure a model from its labels and predictions, as SageMaker Model Monitor's model-quality job does:
            accuracy, precision, recall, F-scores, auc, the confusion matrix, ROC and precision-recall curves and the
            best-constant-classifier baselines; weighted metrics for multiclass; mae, mse, rmse and r2 for regression.
            Each metric has SageMaker's standard deviation (five 80% subsamples; "NaN" under 200 rows).

            Without --baseline: writes statistics.json and constraints.json (every metric's baseline value as its
            threshold; edit them to allow slack). With --baseline: writes statistics.json and
            constraint_violations.json, and exits 1 when a metric is worse than its threshold.

            Rows with a missing label, prediction or probability, and binary labels or predictions of neither class,
            are left out, counted and reported (statistics.json's rows_left_out).

            Exit codes: 0 measured, no violation; 1 a violation; 2 bad arguments, a missing or mistyped column, a
            probability outside [0, 1], or a bad baseline; 3 the data could not be read.

            Examples:
              dq model-quality predictions.csv --problem-type BinaryClassification --label label --prediction predicted --probability score --out baseline
              dq model-quality new.csv --problem-type BinaryClassification --label label --prediction predicted --probability score --baseline baseline --out report
              dq model-quality prices.parquet --problem-type Regression --label price --prediction predicted_price --out baseline
            """)
        {
            data, problemType, label, prediction, probability, threshold, positiveLabel, output, baseline, curvePoints, format, threads,
        };
        csv.AddTo(command);
        command.AddCheck(r =>
        {
            var type = r.GetValue(problemType);
            var givenThreshold = r.GetValue(threshold);
            var points = r.GetValue(curvePoints);
            if (points < 0)
            {
                r.AddError($"--curve-points must be 0 (every point) or more, not {points.ToString(CultureInfo.InvariantCulture)}.");
            }
            var binary = type == ModelProblemType.BinaryClassification;
            if (r.GetValue(prediction) is null && !(binary && r.GetValue(probability) is not null))
            {
                r.AddError(binary
                    ? "Give --prediction (the predicted labels), or --probability to predict at --threshold."
                    : "--prediction is required: the column of predicted labels or values.");
            }
            if (givenThreshold is not null && r.GetValue(prediction) is not null)
            {
                r.AddError("--threshold turns --probability into predictions, but --prediction gives them already; leave out one of the two.");
            }
            if (givenThreshold is { } th && !(th is >= 0 and <= 1))
            {
                r.AddError($"--threshold must be a probability between 0 and 1, not {th.ToString(CultureInfo.InvariantCulture)}.");
            }
            if (!binary && (r.GetValue(probability) is not null || r.GetValue(positiveLabel) is not null || givenThreshold is not null))
            {
                r.AddError($"--probability, --threshold and --positive-label are for BinaryClassification only, not {type}.");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var path = parse.GetValue(data)!;
            var folder = parse.GetValue(output)!;
            if (File.Exists(folder))
            {
                throw new ConfigurationException($"--out `{folder}` is a file; give a folder for statistics.json and constraints.json.");
            }
            // Read the baseline before the data, so a bad baseline costs no scan.
            var constraints = parse.GetValue(baseline) is { } baselineFolder ? ReadConstraints(baselineFolder) : null;
            var options = new ModelQualityOptions
            {
                ProblemType = parse.GetValue(problemType),
                LabelColumn = parse.GetValue(label)!,
                PredictionColumn = parse.GetValue(prediction),
                ProbabilityColumn = parse.GetValue(probability),
                ProbabilityThreshold = parse.GetValue(threshold) ?? 0.5,
                PositiveLabel = parse.GetValue(positiveLabel),
                Threads = parse.GetValue(threads),
                MaxCurvePoints = parse.GetValue(curvePoints),
            };
            ModelQualityStatistics statistics;
            using (var source = BatchSources.Open(path, parse.GetValue(format) ?? DataFormat.Auto, csv.Read(parse)))
            {
                statistics = ModelQualityAnalyzer.Analyze(source, options, cancellationToken);
            }
            var violations = constraints?.Check(statistics);
            Write(folder, ProfileCommand.StatisticsFile, ModelQualityJson.WriteStatistics(statistics, DateTimeOffset.UtcNow));
            Write(folder, violations is null ? ProfileCommand.ConstraintsFile : ViolationsFile, violations is null
                ? ModelQualityJson.WriteConstraints(ModelQualityConstraints.Suggest(statistics))
                : ModelQualityJson.WriteViolations(violations));
            if (statistics.RowsLeftOut.Any)
            {
                stderr.WriteLine($"dq: warning: {ModelQualitySummary.LeftOut(statistics)}");
            }
            if (common.Get(parse) != Running.Verbosity.Quiet)
            {
                ModelQualitySummary.Write(stdout, statistics, path, violations);
                stdout.WriteLine(violations is null
                    ? $"Wrote {ProfileCommand.StatisticsFile} and {ProfileCommand.ConstraintsFile} to {folder}."
                    : $"Wrote {ProfileCommand.StatisticsFile} and {ViolationsFile} to {folder}.");
            }
            return Task.FromResult(violations is { Count: > 0 } ? ExitCodes.ExpectationFailed : ExitCodes.Success);
        });
        return command;
    }

    /// <summary>
    /// The option's value, or false when its text does not convert. System.CommandLine runs command validators before
    /// it reports such a value, and throws when a validator asks for it; the parser's own error then stands alone.
    /// </summary>

    private static ModelQualityConstraints ReadConstraints(string folder)
    {
        var file = Path.Combine(folder, ProfileCommand.ConstraintsFile);
        if (!Directory.Exists(folder))
        {
            throw new ConfigurationException($"The baseline folder `{folder}` does not exist. Write one with `dq model-quality <data> ... --out {folder}`.");
        }
        if (!File.Exists(file))
        {
            throw new ConfigurationException($"The baseline folder `{folder}` has no {ProfileCommand.ConstraintsFile}. Write it with `dq model-quality <data> ... --out {folder}`, or copy SageMaker's.");
        }
        string json;
        try
        {
            json = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigurationException($"{file}: cannot be read ({e.Message}).");
        }
        return ModelQualityJson.ReadConstraints(json, file);
    }

    private static void Write(string folder, string name, string text) =>
        AtomicFile.Write(Path.Combine(folder, name), stream => stream.Write(Encoding.UTF8.GetBytes(text)));
}
