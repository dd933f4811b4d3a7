using System.Text.Json;
using Dq.Expectations.Baselines;
using Dq.Expectations.Statistics;

namespace Dq.Expectations.Monitoring;

/// <summary>Writes drift.json: per column the deciding method's verdict and every test, then the dataset's verdict.</summary>
public static class DriftJson
{
    /// <summary>The file's text. Statistics that are not finite (a p-value that could not be computed) are written as null.</summary>
    public static string Write(DriftReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return BaselineJsonWriting.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("features");
            foreach (var feature in report.Features)
            {
                WriteFeature(w, feature);
            }
            w.WriteEndArray();
            w.WriteNumber("share_drifted", report.ShareDrifted);
            w.WriteNumber("drift_share", report.DriftShare);
            w.WriteBoolean("dataset_drift", report.DatasetDrift);
            w.WriteEndObject();
        });
    }

    private static void WriteFeature(Utf8JsonWriter w, FeatureDrift feature)
    {
        w.WriteStartObject();
        w.WriteString("name", feature.Name);
        w.WriteString("kind", feature.Kind == DriftKind.Numeric ? "numeric" : "categorical");
        w.WriteString("method", feature.Method);
        w.WriteString("chosen_by", feature.ChosenByAuto ? "auto" : "user");
        w.WriteBoolean("drift_detected", feature.DriftDetected);
        if (feature.Note is { } note)
        {
            w.WriteString("note", note);
        }
        w.WriteStartArray("tests");
        foreach (var test in feature.Tests)
        {
            WriteTest(w, test, ReferenceEquals(test, feature.DecidingTest));
        }
        w.WriteEndArray();
        if (feature.Histogram is { } histogram)
        {
            w.WriteStartObject("histogram");
            w.WriteStartArray("labels");
            foreach (var label in histogram.Labels)
            {
                w.WriteStringValue(label);
            }
            w.WriteEndArray();
            if (histogram.Edges is { } edges)
            {
                w.WriteStartArray("edges");
                foreach (var edge in edges)
                {
                    NumberOrNull(w, edge);
                }
                w.WriteEndArray();
            }
            Counts(w, "reference", histogram.Reference);
            Counts(w, "current", histogram.Current);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteTest(Utf8JsonWriter w, DriftTestResult test, bool deciding)
    {
        w.WriteStartObject();
        w.WriteString("method", test.Method);
        w.WritePropertyName("statistic");
        NumberOrNull(w, test.Statistic);
        w.WritePropertyName("p_value");
        NumberOrNull(w, test.PValue);
        w.WriteNumber("threshold", test.Threshold);
        w.WriteBoolean("drift_detected", test.Drifted);
        if (deciding)
        {
            w.WriteBoolean("deciding", true);
        }
        w.WriteEndObject();
    }

    private static void Counts(Utf8JsonWriter w, string name, IReadOnlyList<long> counts)
    {
        w.WriteStartArray(name);
        foreach (var count in counts)
        {
            w.WriteNumberValue(count);
        }
        w.WriteEndArray();
    }

    private static void NumberOrNull(Utf8JsonWriter w, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumberValue(v);
        }
        else
        {
            w.WriteNullValue();
        }
    }
}
