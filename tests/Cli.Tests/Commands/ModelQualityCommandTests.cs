using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Dq.Cli.Tests.Commands;

/// <summary>
/// <c>dq model-quality</c> end to end: statistics.json's values against a naive computation over the rows written
/// here (and SageMaker's documented example), constraints.json, a baseline check that exits 1, and bad input.
/// </summary>
public sealed class ModelQualityCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dq-model-quality-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_folder, name);

    /// <summary>A scored binary classifier: scores to two decimals (so many tie), predictions at 0.5.</summary>
    private static List<(int Label, int Predicted, double Score)> ScoredRows(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<(int, int, double)>();
        for (var i = 0; i < count; i++)
        {
            var label = random.NextDouble() < 0.4 ? 1 : 0;
            var score = Math.Round(Math.Clamp((label == 1 ? 0.62 : 0.38) + ((random.NextDouble() - 0.5) * 0.7), 0, 1), 2);
            rows.Add((label, score >= 0.5 ? 1 : 0, score));
        }
        return rows;
    }

    private string Csv(string name, string header, IEnumerable<string> lines)
    {
        File.WriteAllText(Path(name), header + "\n" + string.Join("\n", lines) + "\n");
        return Path(name);
    }

    private string BinaryCsv(string name, IEnumerable<(int Label, int Predicted, double Score)> rows) =>
        Csv(name, "label,predicted,score", rows.Select(r => FormattableString.Invariant($"{r.Label},{r.Predicted},{r.Score}")));

    private static JsonNode Json(string file) => JsonNode.Parse(File.ReadAllText(file))!;

    private static double Value(JsonNode metrics, string name) => metrics[name]!["value"]!.GetValue<double>();

    private static double[] Numbers(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<double>())];

    private static (int Code, string Out, string Err) Binary(string data, string output, params string[] more) =>
        DqRunner.Run(["model-quality", data, "--problem-type", "BinaryClassification", "--label", "label", "--prediction", "predicted", "--out", output, .. more]);

    private static void AssertClose(IReadOnlyList<double> expected, double[] actual)
    {
        Assert.Equal(expected.Count, actual.Length);
        for (var i = 0; i < actual.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-12, $"point {i}: expected {expected[i]}, got {actual[i]}");
        }
    }

    /// <summary>scikit-learn's F-beta in its harmonic form, 0 when precision and recall are both 0.</summary>
    private static double FBeta(double precision, double recall, double beta) =>
        precision + recall == 0 ? 0 : (1 + (beta * beta)) * precision * recall / ((beta * beta * precision) + recall);

    [Fact]
    public void Binary_MetricsCurvesAndMatrix_EqualANaiveComputationOverTheRows()
    {
        var rows = ScoredRows(300, seed: 17);
        var (code, stdout, stderr) = Binary(BinaryCsv("scored.csv", rows), Path("out"), "--probability", "score", "--curve-points", "0");

        Assert.True(code == ExitCodes.Success, stderr + stdout);
        var statistics = Json(Path("out/statistics.json"));
        Assert.Equal(300, statistics["dataset"]!["item_count"]!.GetValue<long>());
        var m = statistics["binary_classification_metrics"]!;
        long tp = rows.Count(r => r.Label == 1 && r.Predicted == 1), fp = rows.Count(r => r.Label == 0 && r.Predicted == 1);
        long tn = rows.Count(r => r.Label == 0 && r.Predicted == 0), fn = rows.Count(r => r.Label == 1 && r.Predicted == 0);
        Assert.Equal(tn, m["confusion_matrix"]!["0"]!["0"]!.GetValue<long>());
        Assert.Equal(fp, m["confusion_matrix"]!["0"]!["1"]!.GetValue<long>());
        Assert.Equal(fn, m["confusion_matrix"]!["1"]!["0"]!.GetValue<long>());
        Assert.Equal(tp, m["confusion_matrix"]!["1"]!["1"]!.GetValue<long>());
        double n = rows.Count, positives = tp + fn;
        double precision = (double)tp / (tp + fp), recall = tp / positives;
        var expected = new Dictionary<string, double>
        {
            ["accuracy"] = (tp + tn) / n,
            ["precision"] = precision,
            ["recall"] = recall,
            ["true_positive_rate"] = recall,
            ["true_negative_rate"] = (double)tn / (tn + fp),
            ["false_positive_rate"] = (double)fp / (tn + fp),
            ["false_negative_rate"] = fn / positives,
            ["f0_5"] = FBeta(precision, recall, 0.5),
            ["f1"] = FBeta(precision, recall, 1),
            ["f2"] = FBeta(precision, recall, 2),
            // The best constant classifier predicts positive for every row.
            ["accuracy_best_constant_classifier"] = positives / n,
            ["precision_best_constant_classifier"] = positives / n,
            ["recall_best_constant_classifier"] = 1,
            ["f1_best_constant_classifier"] = FBeta(positives / n, 1, 1),
            ["f2_best_constant_classifier"] = FBeta(positives / n, 1, 2),
            ["f0_5_best_constant_classifier"] = FBeta(positives / n, 1, 0.5),
        };
        // AUC as the share of (positive, negative) pairs ranked right, ties counting one half.
        var pos = rows.Where(r => r.Label == 1).Select(r => r.Score).ToList();
        var neg = rows.Where(r => r.Label == 0).Select(r => r.Score).ToList();
        expected["auc"] = pos.Sum(p => neg.Sum(q => p > q ? 1.0 : p == q ? 0.5 : 0)) / (pos.Count * neg.Count);
        foreach (var (name, value) in expected)
        {
            Assert.True(Math.Abs(value - Value(m, name)) <= 1e-9, $"{name}: expected {value}, got {Value(m, name)}");
            Assert.True(m[name]!["standard_deviation"]!.GetValue<double>() is >= 0 and < 0.2, name);
        }

        // Curves: one point per distinct score from the highest down, with Spark's end points.
        var thresholds = rows.Select(r => r.Score).Distinct().OrderDescending().ToList();
        double[] fpr = [0, .. thresholds.Select(t => neg.Count(s => s >= t) / (double)neg.Count), 1];
        double[] tpr = [0, .. thresholds.Select(t => pos.Count(s => s >= t) / (double)pos.Count), 1];
        var precisions = thresholds.Select(t => pos.Count(s => s >= t) / (double)rows.Count(r => r.Score >= t)).ToList();
        double[] recalls = [0, .. thresholds.Select(t => pos.Count(s => s >= t) / (double)pos.Count)];
        AssertClose(fpr, Numbers(m["receiver_operating_characteristic_curve"]!["false_positive_rates"]));
        AssertClose(tpr, Numbers(m["receiver_operating_characteristic_curve"]!["true_positive_rates"]));
        AssertClose([precisions[0], .. precisions], Numbers(m["precision_recall_curve"]!["precisions"]));
        AssertClose(recalls, Numbers(m["precision_recall_curve"]!["recalls"]));
        Assert.Null(statistics["rows_left_out"]);

        var constraints = Json(Path("out/constraints.json"))["binary_classification_constraints"]!;
        Assert.Equal(expected["accuracy"], constraints["accuracy"]!["threshold"]!.GetValue<double>(), 12);
        Assert.Equal("LessThanThreshold", constraints["accuracy"]!["comparison_operator"]!.GetValue<string>());
        Assert.Equal("GreaterThanThreshold", constraints["false_positive_rate"]!["comparison_operator"]!.GetValue<string>());
        Assert.Null(constraints["accuracy_best_constant_classifier"]);
        Assert.Contains("accuracy", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_SageMakersDocumentedExample_HasItsValues_AndNaNDeviationsUnder200Rows()
    {
        // model-monitor-model-quality-metrics.md: confusion matrix {0: {0: 1, 1: 2}, 1: {0: 0, 1: 1}}.
        var data = Csv("doc.csv", "label,predicted", ["0,0", "0,1", "0,1", "1,1"]);
        var (code, stdout, stderr) = Binary(data, Path("out"));

        Assert.True(code == ExitCodes.Success, stderr + stdout);
        var text = File.ReadAllText(Path("out/statistics.json"));
        Assert.Contains("\"version\": 0.0", text, StringComparison.Ordinal);
        var m = JsonNode.Parse(text)!["binary_classification_metrics"]!;
        Assert.Equal(1.0 / 3, Value(m, "precision"), 12);
        Assert.Equal(0.5, Value(m, "accuracy"), 12);
        Assert.Equal(0.3846, Value(m, "f0_5"), 4);
        Assert.Equal(0.7143, Value(m, "f2"), 4);
        Assert.Equal(0.25, Value(m, "precision_best_constant_classifier"), 12);
        Assert.Equal(0.4, Value(m, "f1_best_constant_classifier"), 12);
        Assert.Equal(0.2941, Value(m, "f0_5_best_constant_classifier"), 4);
        Assert.Equal(0.625, Value(m, "f2_best_constant_classifier"), 12);
        Assert.Null(m["auc"]);
        Assert.All(m.AsObject().Where(p => p.Key != "confusion_matrix"), p => Assert.Equal("NaN", p.Value!["standard_deviation"]!.GetValue<string>()));
    }

    [Fact]
    public void Baseline_SameDataPasses_AWorseModelExitsOneWithSageMakersViolations()
    {
        var rows = ScoredRows(400, seed: 5);
        var baselineData = BinaryCsv("baseline.csv", rows);
        Assert.Equal(ExitCodes.Success, Binary(baselineData, Path("baseline"), "--probability", "score").Code);

        var (same, sameOut, sameErr) = Binary(baselineData, Path("same"), "--probability", "score", "--baseline", Path("baseline"));
        Assert.True(same == ExitCodes.Success, sameErr + sameOut);
        Assert.Empty(Json(Path("same/constraint_violations.json"))["violations"]!.AsArray());
        Assert.False(File.Exists(Path("same/constraints.json")));

        // Every fourth prediction flipped: accuracy falls below the baseline's.
        var worse = BinaryCsv("worse.csv", rows.Select((r, i) => i % 4 == 0 ? (r.Label, 1 - r.Predicted, r.Score) : r));
        var (code, stdout, stderr) = Binary(worse, Path("report"), "--probability", "score", "--baseline", Path("baseline"));

        Assert.True(code == ExitCodes.ExpectationFailed, stderr + stdout);
        var violations = Json(Path("report/constraint_violations.json"))["violations"]!.AsArray();
        var accuracy = violations.Single(v => v!["metric_name"]!.GetValue<string>() == "accuracy")!;
        Assert.Equal("LessThanThreshold", accuracy["constraint_check_type"]!.GetValue<string>());
        Assert.StartsWith("Metric accuracy with 0.", accuracy["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.DoesNotContain(violations, v => v!["metric_name"]!.GetValue<string>() == "auc"); // the scores did not change
        Assert.True(File.Exists(Path("report/statistics.json")));
        Assert.Contains("violation", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_HandWrittenGate_AccuracyAtLeastPoint8()
    {
        var data = Csv("gate.csv", "label,predicted", [.. Enumerable.Range(0, 10).Select(i => i < 7 ? "1,1" : "1,0")]);
        Directory.CreateDirectory(Path("gate"));
        File.WriteAllText(Path("gate/constraints.json"), """{"version": 0.0, "binary_classification_constraints": {"accuracy": {"threshold": 0.8, "comparison_operator": "LessThanThreshold"}}}""");

        var (code, _, stderr) = Binary(data, Path("report"), "--baseline", Path("gate"));

        Assert.True(code == ExitCodes.ExpectationFailed, stderr);
        var violation = Assert.Single(Json(Path("report/constraint_violations.json"))["violations"]!.AsArray())!;
        Assert.Equal("Metric accuracy with 0.7 was LessThanThreshold 0.8", violation["description"]!.GetValue<string>());
    }

    [Fact]
    public void Regression_MetricsEqualANaiveComputation()
    {
        var random = new Random(3);
        var pairs = Enumerable.Range(0, 250).Select(_ => (Y: Math.Round(random.NextDouble() * 100, 3), E: Math.Round((random.NextDouble() - 0.5) * 20, 3)))
            .Select(p => (Actual: p.Y, Predicted: p.Y + p.E)).ToList();
        var data = Csv("prices.csv", "price,predicted_price", pairs.Select(p => FormattableString.Invariant($"{p.Actual},{p.Predicted}")));

        var (code, stdout, stderr) = DqRunner.Run("model-quality", data, "--problem-type", "Regression", "--label", "price", "--prediction", "predicted_price", "--out", Path("out"));

        Assert.True(code == ExitCodes.Success, stderr + stdout);
        var m = Json(Path("out/statistics.json"))["regression_metrics"]!;
        var errors = pairs.Select(p => p.Actual - p.Predicted).ToList();
        var mean = pairs.Average(p => p.Actual);
        var mse = errors.Average(e => e * e);
        Assert.Equal(errors.Average(Math.Abs), Value(m, "mae"), 9);
        Assert.Equal(mse, Value(m, "mse"), 9);
        Assert.Equal(Math.Sqrt(mse), Value(m, "rmse"), 9);
        Assert.Equal(1 - (errors.Sum(e => e * e) / pairs.Sum(p => (p.Actual - mean) * (p.Actual - mean))), Value(m, "r2"), 9);
        var constraints = Json(Path("out/constraints.json"))["regression_constraints"]!;
        Assert.Equal("GreaterThanThreshold", constraints["mae"]!["comparison_operator"]!.GetValue<string>());
        Assert.Equal("LessThanThreshold", constraints["r2"]!["comparison_operator"]!.GetValue<string>());
    }

    [Fact]
    public void Multiclass_AccuracyAndWeightedMetricsEqualANaiveComputation()
    {
        var random = new Random(11);
        string[] classes = ["cat", "dog", "fox"];
        var pairs = Enumerable.Range(0, 120).Select(_ => (Actual: classes[random.Next(3)], Predicted: classes[random.Next(3)])).ToList();
        var data = Csv("animals.csv", "label,predicted", pairs.Select(p => $"{p.Actual},{p.Predicted}"));

        var (code, stdout, stderr) = DqRunner.Run("model-quality", data, "--problem-type", "MulticlassClassification", "--label", "label", "--prediction", "predicted", "--out", Path("out"));

        Assert.True(code == ExitCodes.Success, stderr + stdout);
        var m = Json(Path("out/statistics.json"))["multiclass_classification_metrics"]!;
        double Weighted(Func<string, double> metric) => classes.Sum(c => pairs.Count(p => p.Actual == c) * metric(c)) / pairs.Count;
        double Precision(string c) => pairs.Count(p => p.Actual == c && p.Predicted == c) / (double)pairs.Count(p => p.Predicted == c);
        double Recall(string c) => pairs.Count(p => p.Actual == c && p.Predicted == c) / (double)pairs.Count(p => p.Actual == c);
        Assert.Equal(pairs.Count(p => p.Actual == p.Predicted) / 120.0, Value(m, "accuracy"), 12);
        Assert.Equal(Weighted(Precision), Value(m, "weighted_precision"), 12);
        Assert.Equal(Weighted(Recall), Value(m, "weighted_recall"), 12);
        Assert.Equal(Weighted(c => FBeta(Precision(c), Recall(c), 1)), Value(m, "weighted_f1"), 12);
        Assert.Equal(Weighted(c => FBeta(Precision(c), Recall(c), 2)), Value(m, "weighted_f2"), 12);
        Assert.Equal(pairs.Count(p => p.Actual == "dog" && p.Predicted == "fox"), m["confusion_matrix"]!["dog"]!["fox"]!.GetValue<long>());
    }

    [Fact]
    public void ProbabilityOnly_PredictsAtTheThreshold()
    {
        var rows = ScoredRows(100, seed: 8);
        var data = BinaryCsv("scored.csv", rows);

        var (code, stdout, stderr) = DqRunner.Run("model-quality", data, "--problem-type", "BinaryClassification", "--label", "label", "--probability", "score", "--threshold", "0.7", "--out", Path("out"));

        Assert.True(code == ExitCodes.Success, stderr + stdout);
        var matrix = Json(Path("out/statistics.json"))["binary_classification_metrics"]!["confusion_matrix"]!;
        Assert.Equal(rows.Count(r => r.Label == 1 && r.Score >= 0.7), matrix["1"]!["1"]!.GetValue<long>());
        Assert.Equal(rows.Count(r => r.Label == 0 && r.Score >= 0.7), matrix["0"]!["1"]!.GetValue<long>());
    }

    [Fact]
    public void MissingColumn_ExitsTwo_NamingIt()
    {
        var data = BinaryCsv("scored.csv", ScoredRows(10, 1));

        var (code, _, stderr) = DqRunner.Run("model-quality", data, "--problem-type", "BinaryClassification", "--label", "label", "--prediction", "prediction", "--out", Path("out"));

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("`prediction`", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path("out")));
    }

    [Fact]
    public void LabelsOfNeitherClass_AreCountedAndReported_NotACrash()
    {
        var data = Csv("labels.csv", "label,predicted", ["1,1", "0,0", "yes,1", "2,0", "1,maybe", "0,1"]);

        var (code, stdout, stderr) = Binary(data, Path("out"));

        Assert.True(code == ExitCodes.Success, stderr + stdout);
        Assert.Contains("3 rows of 6 left out", stderr, StringComparison.Ordinal);
        Assert.Contains("neither class", stderr, StringComparison.Ordinal);
        var statistics = Json(Path("out/statistics.json"));
        Assert.Equal(3, statistics["dataset"]!["item_count"]!.GetValue<long>());
        var left = statistics["rows_left_out"]!;
        Assert.Equal(3, left["rows_outside_classes"]!.GetValue<long>());
        Assert.Equal(2, left["labels_outside_classes"]!.GetValue<long>());
        Assert.Equal(1, left["predictions_outside_classes"]!.GetValue<long>());
        Assert.Equal(2.0 / 3, Value(statistics["binary_classification_metrics"]!, "accuracy"), 12);
    }

    [Fact]
    public void ProbabilityOutsideZeroToOne_ExitsTwo_NamingTheColumnAndRow()
    {
        var data = Csv("logits.csv", "label,predicted,score", ["1,1,0.9", "0,0,0.2", "1,1,2.5", "0,0,-1"]);

        var (code, _, stderr) = Binary(data, Path("out"), "--probability", "score");

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("`score`", stderr, StringComparison.Ordinal);
        Assert.Contains("2.5 at row 2", stderr, StringComparison.Ordinal);
        Assert.Contains("2 rows out of range", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path("out/statistics.json")));
    }

    [Theory]
    [InlineData("--threshold", "0.6")] // with --prediction, the threshold would do nothing
    [InlineData("--threshold", "1.5")]
    public void ThresholdThatCannotApply_ExitsTwo(string option, string value)
    {
        var data = BinaryCsv("scored.csv", ScoredRows(10, 1));

        var (code, _, stderr) = Binary(data, Path("out"), "--probability", "score", option, value);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("--threshold", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--problem-type", "Binary", "BinaryClassification")] // the parser's did-you-mean, not a crash
    [InlineData("--threshold", "abc", "--threshold")]
    [InlineData("--threads", "many", "--threads")]
    public void ValueThatDoesNotConvert_ExitsTwo_WithTheParsersMessage(string option, string value, string expected)
    {
        string[] args = ["model-quality", "x.csv", "--problem-type", "BinaryClassification", "--label", "label", "--probability", "score", "--out", Path("out")];
        var i = Array.IndexOf(args, option);
        args = i >= 0 ? [.. args[..(i + 1)], value, .. args[(i + 2)..]] : [.. args, option, value];

        var (code, _, stderr) = DqRunner.Run(args);

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains(expected, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Regression_OverATextColumn_ExitsTwo()
    {
        var data = Csv("text.csv", "price,predicted_price", ["a,1", "b,2"]);

        var (code, _, stderr) = DqRunner.Run("model-quality", data, "--problem-type", "Regression", "--label", "price", "--prediction", "predicted_price", "--out", Path("out"));

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("`price`", stderr, StringComparison.Ordinal);
        Assert.Contains("not numeric", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_OfAnotherProblemType_OrMissing_ExitsTwo()
    {
        var data = Csv("doc.csv", "label,predicted", ["0,0", "0,1", "1,1"]);
        Assert.Equal(ExitCodes.Success, DqRunner.Run("model-quality", data, "--problem-type", "Regression", "--label", "label", "--prediction", "predicted", "--out", Path("regression")).Code);

        var (code, _, stderr) = Binary(data, Path("out"), "--baseline", Path("regression"));
        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("Regression", stderr, StringComparison.Ordinal);

        var (missing, _, missingErr) = Binary(data, Path("out"), "--baseline", Path("nowhere"));
        Assert.Equal(ExitCodes.UsageOrConfiguration, missing);
        Assert.Contains("does not exist", missingErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_WithAnUnknownOperator_ExitsTwo_NamingTheField()
    {
        var data = Csv("doc.csv", "label,predicted", ["0,0", "1,1"]);
        Directory.CreateDirectory(Path("gate"));
        File.WriteAllText(Path("gate/constraints.json"), """{"binary_classification_constraints": {"accuracy": {"threshold": 0.8, "comparison_operator": "AtLeast"}}}""");

        var (code, _, stderr) = Binary(data, Path("out"), "--baseline", Path("gate"));

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("binary_classification_constraints.accuracy.comparison_operator", stderr, StringComparison.Ordinal);
    }
}
