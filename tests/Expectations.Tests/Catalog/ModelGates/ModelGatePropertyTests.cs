using System.Text.Json.Nodes;
using Apache.Arrow;
using Dq.Expectations.Catalog;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Expectations.Tests.ModelQuality;
using Dq.Expectations.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Catalog.ModelGates;

/// <summary>
/// Every model metric through the whole engine (one suite, so the expectations share their scans; random batch sizes
/// and thread counts) against naive references written here from scikit-learn's and Clarify's formulas, over rows
/// with missing values and labels of neither class. Values agree to 1e-9 (auc to 1e-6); undefined values are null.
/// </summary>
public sealed class ModelGatePropertyTests
{
    private static readonly string[] s_binaryMetrics =
    [
        "accuracy", "precision", "recall", "f0_5", "f1", "f2", "auc",
        "true_positive_rate", "true_negative_rate", "false_positive_rate", "false_negative_rate",
        "accuracy_best_constant_classifier", "precision_best_constant_classifier", "recall_best_constant_classifier",
    ];

    private static readonly string[] s_regressionMetrics = ["mae", "mse", "rmse", "r2", "mape"];

    /// <summary>How the rows are cut into batches and how many threads scan them.</summary>
    public sealed record Layout(int BatchRows, int Threads);

    private static Gen<Layout> Layouts() =>
        from rows in Gen.Choose(1, 40)
        from threads in Gen.Choose(1, 3)
        select new Layout(rows, threads);

    private static IReadOnlyList<JsonNode> Validate(RecordBatch batch, ExpectationSuite suite, Layout layout)
    {
        var options = new ValidationOptions { Threads = layout.Threads, ResultFormat = new ResultFormat(ResultFormatLevel.Summary) };
        var (json, _) = Runs.Validate(batch.Schema, batch.Length == 0 ? [batch] : Arrays.Split(batch, layout.BatchRows), suite, options);
        return [.. json["results"]!.AsArray().Select(r => r!)];
    }

    /// <summary>The observed value as a double: null is NaN, and the texts "Infinity"/"-Infinity" are infinities.</summary>
    private static double Observed(JsonNode result) => result["result"]!["observed_value"] switch
    {
        null => double.NaN,
        JsonValue v when v.TryGetValue<string>(out var text) => text == "Infinity" ? double.PositiveInfinity : text == "-Infinity" ? double.NegativeInfinity : throw new InvalidOperationException(text),
        var v => v.GetValue<double>(),
    };

    // ---- binary classification ----

    private sealed record ClassRow(long? Label, long? Prediction, double? Score)
    {
        public override string ToString() => FormattableString.Invariant($"({Label}, {Prediction}, {Score:R})");
    }

    private static Gen<ClassRow> ClassRows() =>
        from label in Gen.Frequency((12, Gen.Elements<long?>(0, 1)), (1, Gen.Constant<long?>(2)), (1, Gen.Constant<long?>(null)))
        from prediction in Gen.Frequency((12, Gen.Elements<long?>(0, 1)), (1, Gen.Constant<long?>(3)), (1, Gen.Constant<long?>(null)))
        from score in Gen.Frequency(
            (8, Gen.Choose(0, 5).Select(i => (double?)(i / 5.0))),
            (4, Gen.Choose(0, 1_000_000).Select(i => (double?)(i / 1e6))),
            (1, Gen.Constant<double?>(null)))
        select new ClassRow(label, prediction, score);

    [Property(MaxTest = 150)]
    public Property BinaryMetrics_EqualScikitLearnFormulas() =>
        Prop.ForAll(ClassRows().ArrayOf().ToArbitrary(), Layouts().ToArbitrary(), (rows, layout) =>
        {
            var batch = Arrays.Batch(
                ("y", Arrays.Int64(rows.Select(r => r.Label))), ("y_hat", Arrays.Int64(rows.Select(r => r.Prediction))), ("p", Arrays.Double(rows.Select(r => r.Score))));
            var builder = ExpectationSuite.Create("property");
            foreach (var metric in s_binaryMetrics)
            {
                builder.ExpectClassificationMetricToBeBetween(metric, "y", "y_hat", scoreColumn: "p");
            }
            var results = Validate(batch, builder.Build(), layout);
            var counted = rows.Where(r => r.Label is 0 or 1 && r.Prediction is 0 or 1 && r.Score is not null).ToList();
            var mismatches = s_binaryMetrics.Select((m, i) => (Metric: m, Actual: Observed(results[i]), Expected: Binary(counted, m)))
                .Where(x => !ModelQualityGen.Close(x.Actual, x.Expected, x.Metric == "auc" ? 1e-6 : 1e-9)).ToList();
            var outside = rows.Count(r => r.Label is not null && r.Prediction is not null && r.Score is not null && (r.Label == 2 || r.Prediction == 3));
            var reportedOutside = results[0]["result"]!["details"]!["rows_outside_classes"]?.GetValue<long>() ?? 0;
            return (mismatches.Count == 0 && reportedOutside == outside)
                .Label(string.Join("; ", mismatches.Select(x => $"{x.Metric}: {x.Actual:R} vs {x.Expected:R}")) + $" outside {reportedOutside} vs {outside}");
        });

    /// <summary>scikit-learn's definitions over the counted rows: ratios with zero_division 0, F-beta in harmonic form, auc by pairs.</summary>
    private static double Binary(List<ClassRow> rows, string metric)
    {
        if (rows.Count == 0)
        {
            return double.NaN;
        }
        static double Ratio(double x, double y) => y == 0 ? 0 : x / y;
        if (metric.EndsWith("_best_constant_classifier", StringComparison.Ordinal))
        {
            // The classifier that always predicts positive.
            rows = [.. rows.Select(r => r with { Prediction = 1 })];
            metric = metric[..^"_best_constant_classifier".Length];
        }
        double tp = rows.Count(r => r.Label == 1 && r.Prediction == 1), fp = rows.Count(r => r.Label == 0 && r.Prediction == 1);
        double tn = rows.Count(r => r.Label == 0 && r.Prediction == 0), fn = rows.Count(r => r.Label == 1 && r.Prediction == 0);
        double precision = Ratio(tp, tp + fp), recall = Ratio(tp, tp + fn);
        double F(double beta) => precision + recall == 0 ? 0 : (1 + (beta * beta)) * precision * recall / ((beta * beta * precision) + recall);
        return metric switch
        {
            "accuracy" => (tp + tn) / rows.Count,
            "precision" => precision,
            "recall" or "true_positive_rate" => recall,
            "true_negative_rate" => Ratio(tn, tn + fp),
            "false_positive_rate" => Ratio(fp, fp + tn),
            "false_negative_rate" => Ratio(fn, fn + tp),
            "f0_5" => F(0.5),
            "f1" => F(1),
            "f2" => F(2),
            "auc" => Pairwise(rows),
            _ => throw new ArgumentException(metric),
        };
    }

    private static double Pairwise(List<ClassRow> rows)
    {
        var positives = rows.Where(r => r.Label == 1).Select(r => r.Score!.Value).ToList();
        var negatives = rows.Where(r => r.Label == 0).Select(r => r.Score!.Value).ToList();
        return positives.Count == 0 || negatives.Count == 0
            ? double.NaN
            : positives.Sum(p => negatives.Sum(n => p > n ? 1.0 : p == n ? 0.5 : 0)) / ((double)positives.Count * negatives.Count);
    }

    // ---- multiclass ----

    [Property(MaxTest = 100)]
    public Property MulticlassMetrics_EqualScikitLearnWeightedAverages() =>
        Prop.ForAll(Gen.Elements<long?>(0, 1, 2, 3, null).Two().ArrayOf().ToArbitrary(), Layouts().ToArbitrary(), (pairs, layout) =>
        {
            var batch = Arrays.Batch(("y", Arrays.Int64(pairs.Select(p => p.Item1))), ("y_hat", Arrays.Int64(pairs.Select(p => p.Item2))));
            string[] metrics = ["weighted_precision", "weighted_recall", "weighted_f1", "weighted_f2"];
            var builder = ExpectationSuite.Create("property");
            foreach (var metric in metrics)
            {
                builder.ExpectClassificationMetricToBeBetween(metric, "y", "y_hat");
            }
            builder.ExpectClassificationMetricToBeBetween("accuracy", "y", "y_hat", problemType: ExpectClassificationMetricToBeBetween.MulticlassClassification);
            var results = Validate(batch, builder.Build(), layout);
            var rows = pairs.Where(p => p.Item1 is not null && p.Item2 is not null).Select(p => (Actual: p.Item1!.Value, Predicted: p.Item2!.Value)).ToList();
            var expected = metrics.Select(m => Weighted(rows, m)).Append(rows.Count == 0 ? double.NaN : (double)rows.Count(r => r.Actual == r.Predicted) / rows.Count).ToList();
            var actual = results.Select(Observed).ToList();
            return actual.Zip(expected).All(x => ModelQualityGen.Close(x.First, x.Second, 1e-9))
                .Label($"{string.Join(", ", actual)} vs {string.Join(", ", expected)}");
        });

    /// <summary>scikit-learn's average="weighted": per-class metric weighted by the class's support.</summary>
    private static double Weighted(List<(long Actual, long Predicted)> rows, string metric)
    {
        if (rows.Count == 0)
        {
            return double.NaN;
        }
        double sum = 0;
        foreach (var c in rows.Select(r => r.Actual).Distinct())
        {
            double tp = rows.Count(r => r.Actual == c && r.Predicted == c), support = rows.Count(r => r.Actual == c), predicted = rows.Count(r => r.Predicted == c);
            double precision = predicted == 0 ? 0 : tp / predicted, recall = tp / support;
            double F(double beta) => precision + recall == 0 ? 0 : (1 + (beta * beta)) * precision * recall / ((beta * beta * precision) + recall);
            sum += support * metric switch
            {
                "weighted_precision" => precision,
                "weighted_recall" => recall,
                "weighted_f1" => F(1),
                _ => F(2),
            };
        }
        return sum / rows.Count;
    }

    // ---- regression ----

    [Property(MaxTest = 150)]
    public Property RegressionMetrics_EqualScikitLearnFormulas() =>
        Prop.ForAll(Values().Two().ArrayOf().ToArbitrary(), Layouts().ToArbitrary(), (pairs, layout) =>
        {
            var batch = Arrays.Batch(("y", Arrays.Double(pairs.Select(p => p.Item1))), ("y_hat", Arrays.Double(pairs.Select(p => p.Item2))));
            var builder = ExpectationSuite.Create("property");
            foreach (var metric in s_regressionMetrics)
            {
                builder.ExpectRegressionMetricToBeBetween(metric, "y", "y_hat");
            }
            var results = Validate(batch, builder.Build(), layout);
            var rows = pairs.Where(p => p.Item1 is not null && p.Item2 is not null).Select(p => (Y: p.Item1!.Value, Yhat: p.Item2!.Value)).ToList();
            var mismatches = s_regressionMetrics.Select((m, i) => (Metric: m, Actual: Observed(results[i]), Expected: Regression(rows, m)))
                .Where(x => !ModelQualityGen.Close(x.Actual, x.Expected, 1e-9)).ToList();
            return (mismatches.Count == 0).Label(string.Join("; ", mismatches.Select(x => $"{x.Metric}: {x.Actual:R} vs {x.Expected:R}")));
        });

    /// <summary>Values around a few hundred with two decimals, zeros (mape's ε) and some nulls.</summary>
    private static Gen<double?> Values() => Gen.Frequency(
        (10, Gen.Choose(-50_000, 50_000).Select(i => (double?)(i / 100.0))),
        (1, Gen.Constant<double?>(0)),
        (1, Gen.Constant<double?>(null)));

    /// <summary>Two-pass textbook formulas: mean errors, r2 = 1 − SS_res / SS_tot around the mean, mape over max(|y|, ε).</summary>
    private static double Regression(List<(double Y, double Yhat)> rows, string metric)
    {
        if (rows.Count == 0)
        {
            return double.NaN;
        }
        var n = rows.Count;
        var mse = rows.Sum(r => (r.Y - r.Yhat) * (r.Y - r.Yhat)) / n;
        switch (metric)
        {
            case "mae":
                return rows.Sum(r => Math.Abs(r.Y - r.Yhat)) / n;
            case "mse":
                return mse;
            case "rmse":
                return Math.Sqrt(mse);
            case "mape":
                return rows.Sum(r => Math.Abs(r.Y - r.Yhat) / Math.Max(Math.Abs(r.Y), 2.220446049250313e-16)) / n;
        }
        if (n < 2)
        {
            return double.NaN;
        }
        var mean = rows.Average(r => r.Y);
        var total = rows.Sum(r => (r.Y - mean) * (r.Y - mean));
        var residual = mse * n;
        return total == 0 ? (residual == 0 ? 1 : 0) : 1 - (residual / total);
    }

    // ---- bias ----

    private sealed record BiasRow(string? Facet, long? Label, long? Prediction);

    private static Gen<BiasRow> BiasRows() =>
        from facet in Gen.Frequency((10, Gen.Elements<string?>("a", "b", "c")), (1, Gen.Constant<string?>(null)))
        from label in Gen.Frequency((12, Gen.Elements<long?>(0, 1)), (1, Gen.Constant<long?>(5)), (1, Gen.Constant<long?>(null)))
        from prediction in Gen.Elements<long?>(0, 1)
        select new BiasRow(facet, label, prediction);

    [Property(MaxTest = 150)]
    public Property BiasMetrics_EqualClarifysFormulas() =>
        Prop.ForAll(BiasRows().ArrayOf().ToArbitrary(), Layouts().ToArbitrary(), (rows, layout) =>
        {
            var batch = Arrays.Batch(
                ("g", Arrays.String(rows.Select(r => r.Facet))), ("y", Arrays.Int64(rows.Select(r => r.Label))), ("y_hat", Arrays.Int64(rows.Select(r => r.Prediction))));
            var metrics = Dq.Expectations.ModelQuality.MetricNames.Bias;
            var builder = ExpectationSuite.Create("property");
            foreach (var metric in metrics)
            {
                builder.ExpectBiasMetricToBeBetween(metric, "g", new[] { "b", "c" }, "y", "y_hat");
            }
            var results = Validate(batch, builder.Build(), layout);
            var counted = rows.Where(r => r.Facet is not null && r.Label is 0 or 1)
                .Select(r => new BiasReference.Row(r.Facet is "b" or "c", r.Label == 1, r.Prediction == 1)).ToList();
            var mismatches = metrics.Select((m, i) => (Metric: m, Actual: Observed(results[i]), Expected: BiasReference.Compute(counted, m)))
                .Where(x => !ModelQualityGen.Close(x.Actual, x.Expected, 1e-9)).ToList();
            return (mismatches.Count == 0).Label(string.Join("; ", mismatches.Select(x => $"{x.Metric}: {x.Actual:R} vs {x.Expected:R}")));
        });
}
