using System.Globalization;
using System.Text.Json;
using Dq.Expectations.Baselines;

namespace Dq.Expectations.ModelQuality;

/// <summary>
/// Reads and writes SageMaker Model Monitor's model-quality files: statistics.json
/// (<c>model-monitor-model-quality-metrics.md</c>), constraints.json and constraint_violations.json. A value JSON cannot
/// hold is written as the text <c>"NaN"</c>, as SageMaker writes a standard deviation under 200 rows.
/// </summary>
public static class ModelQualityJson
{
    /// <summary>The statistics.json section of a problem type: <c>binary_classification_metrics</c> and so on.</summary>
    public static string MetricsSection(ModelProblemType type) => $"{Snake(type)}_metrics";

    /// <summary>The constraints.json section of a problem type: <c>binary_classification_constraints</c> and so on.</summary>
    public static string ConstraintsSection(ModelProblemType type) => $"{Snake(type)}_constraints";

    /// <summary>statistics.json's text: <c>{"version": 0.0, "dataset": {...}, "&lt;problem&gt;_metrics": {...}}</c>, plus dq's <c>rows_left_out</c> when any row was.</summary>
    public static string WriteStatistics(ModelQualityStatistics statistics, DateTimeOffset evaluationTime)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return BaselineJsonWriting.Write(w =>
        {
            w.WriteStartObject();
            Version(w);
            w.WriteStartObject("dataset");
            w.WriteNumber("item_count", statistics.ItemCount);
            w.WriteString("evaluation_time", evaluationTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            w.WriteEndObject();
            w.WriteStartObject(MetricsSection(statistics.ProblemType));
            if (statistics.ConfusionMatrix is { } matrix)
            {
                w.WriteStartObject("confusion_matrix");
                foreach (var (actual, row) in matrix)
                {
                    w.WriteStartObject(actual);
                    foreach (var (predicted, count) in row)
                    {
                        w.WriteNumber(predicted, count);
                    }
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            foreach (var metric in statistics.Metrics)
            {
                if (metric.Name == MetricNames.Auc)
                {
                    Curves(w, statistics);
                }
                w.WriteStartObject(metric.Name);
                w.Number("value", metric.Value);
                w.Number("standard_deviation", metric.StandardDeviation);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            RowsLeftOut(w, statistics.RowsLeftOut);
            w.WriteEndObject();
        });
    }

    /// <summary>constraints.json's text: <c>{"version": 0.0, "&lt;problem&gt;_constraints": {metric: {threshold, comparison_operator}}}</c>.</summary>
    public static string WriteConstraints(ModelQualityConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        return BaselineJsonWriting.Write(w =>
        {
            w.WriteStartObject();
            Version(w);
            w.WriteStartObject(ConstraintsSection(constraints.ProblemType));
            foreach (var c in constraints.Constraints)
            {
                w.WriteStartObject(c.Metric);
                w.Number("threshold", c.Threshold);
                w.WriteString("comparison_operator", c.ComparisonOperator);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    /// <summary>Reads a model-quality constraints.json written by dq or SageMaker.</summary>
    /// <exception cref="ConfigurationException">The text is not in that shape, or names a metric or operator dq does not know; the message says where.</exception>
    public static ModelQualityConstraints ReadConstraints(string json, string file)
    {
        var root = BaselineJsonReader.Parse(json, file);
        var sections = Enum.GetValues<ModelProblemType>().Where(t => root.Optional(ConstraintsSection(t)) is not null).ToList();
        if (sections.Count != 1)
        {
            var names = string.Join(", ", Enum.GetValues<ModelProblemType>().Select(t => $"`{ConstraintsSection(t)}`"));
            throw root.Error(sections.Count == 0
                ? $"has none of {names}; it is not a model-quality constraints.json (write one with `dq model-quality <data> ... --out <dir>`)"
                : $"has more than one of {names}; keep the one of the model's problem type");
        }
        var type = sections[0];
        var section = root.RequiredObject(ConstraintsSection(type));
        var known = Known(type);
        var constraints = new List<ModelQualityConstraint>();
        foreach (var property in section.Element.EnumerateObject())
        {
            var entry = section.RequiredObject(property.Name);
            if (!known.Contains(property.Name, StringComparer.Ordinal))
            {
                throw entry.Error($"is not a {type} metric dq computes; use one of {MetricNames.Describe(known)}");
            }
            var op = entry.Required("comparison_operator");
            var comparison = op.String();
            if (comparison is not (ModelQualityConstraints.LessThanThreshold or ModelQualityConstraints.GreaterThanThreshold))
            {
                throw op.Error($"is `{comparison}`; use {ModelQualityConstraints.LessThanThreshold} (a violation below the threshold) or {ModelQualityConstraints.GreaterThanThreshold} (above it)");
            }
            var threshold = entry.Required("threshold");
            var value = threshold.Number();
            if (!double.IsFinite(value))
            {
                throw threshold.Error("is not a finite number");
            }
            constraints.Add(new ModelQualityConstraint(property.Name, value, comparison));
        }
        return new ModelQualityConstraints(type, constraints);
    }

    /// <summary>constraint_violations.json's text: <c>{"violations": [{metric_name, constraint_check_type, description}]}</c>.</summary>
    public static string WriteViolations(IReadOnlyList<ModelQualityViolation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        return Monitoring.ConstraintViolationsJson.Write("metric_name", violations.Select(v => (v.MetricName, v.ConstraintCheckType, v.Description)));
    }

    /// <summary>SageMaker's <c>"version": 0.0</c>, written as 0.0 (Utf8JsonWriter would shorten it to 0).</summary>
    private static void Version(Utf8JsonWriter w)
    {
        w.WritePropertyName("version");
        w.WriteRawValue("0.0");
    }

    private static IReadOnlyList<string> Known(ModelProblemType type) => type switch
    {
        ModelProblemType.BinaryClassification => ModelQualityAnalyzer.BinaryOrder,
        ModelProblemType.MulticlassClassification => ModelQualityAnalyzer.MulticlassOrder,
        _ => ModelQualityAnalyzer.RegressionOrder,
    };

    private static void Curves(Utf8JsonWriter w, ModelQualityStatistics statistics)
    {
        if (statistics.Roc is { } roc)
        {
            w.WriteStartObject("receiver_operating_characteristic_curve");
            Numbers(w, "false_positive_rates", roc.FalsePositiveRates);
            Numbers(w, "true_positive_rates", roc.TruePositiveRates);
            w.WriteEndObject();
        }
        if (statistics.PrecisionRecall is { } pr)
        {
            w.WriteStartObject("precision_recall_curve");
            Numbers(w, "precisions", pr.Precisions);
            Numbers(w, "recalls", pr.Recalls);
            w.WriteEndObject();
        }
    }

    private static void Numbers(Utf8JsonWriter w, string name, IReadOnlyList<double> values)
    {
        w.WriteStartArray(name);
        foreach (var value in values)
        {
            w.Number(value);
        }
        w.WriteEndArray();
    }

    private static void RowsLeftOut(Utf8JsonWriter w, ModelRowsLeftOut rows)
    {
        if (!rows.Any)
        {
            return;
        }
        w.WriteStartObject("rows_left_out");
        w.WriteNumber("rows_read", rows.RowsRead);
        w.WriteNumber("missing_rows", rows.MissingRows);
        if (rows.OutsideClassRows > 0)
        {
            w.WriteNumber("rows_outside_classes", rows.OutsideClassRows);
            w.WriteNumber("labels_outside_classes", rows.LabelsOutsideClasses);
            w.WriteNumber("predictions_outside_classes", rows.PredictionsOutsideClasses);
            w.WriteStartArray("values_outside_classes");
            foreach (var value in rows.ValuesOutsideClasses ?? [])
            {
                Value(w, value);
            }
            w.WriteEndArray();
        }
        if (rows.NonFiniteRows > 0)
        {
            w.WriteNumber("non_finite_rows", rows.NonFiniteRows);
        }
        w.WriteEndObject();
    }

    /// <summary>A label value as JSON: numbers and booleans as themselves, anything else as its text (no reflection, for AOT).</summary>
    private static void Value(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case bool b: w.WriteBooleanValue(b); break;
            case long l: w.WriteNumberValue(l); break;
            case int i: w.WriteNumberValue(i); break;
            case double d: w.Number(d); break;
            default: w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    private static string Snake(ModelProblemType type) => type switch
    {
        ModelProblemType.BinaryClassification => "binary_classification",
        ModelProblemType.MulticlassClassification => "multiclass_classification",
        _ => "regression",
    };
}
