using System.Text.Json;
using Dq.Expectations.Profiling;
using Dq.Expectations.Sketches;

namespace Dq.Expectations.Baselines;

/// <summary>Reads and writes SageMaker Model Monitor's <c>statistics.json</c>, symmetrically.</summary>
public static class StatisticsJson
{
    /// <summary>The file's text.</summary>
    public static string Write(BaselineStatistics statistics)
    {
        ArgumentNullException.ThrowIfNull(statistics);
        return BaselineJsonWriting.Write(w =>
        {
            w.WriteStartObject();
            w.Number("version", statistics.Version);
            w.WriteStartObject("dataset");
            w.WriteNumber("item_count", statistics.ItemCount);
            w.WriteEndObject();
            w.WriteStartArray("features");
            foreach (var feature in statistics.Features)
            {
                WriteFeature(w, feature);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    /// <summary>Reads a statistics.json written by dq or by SageMaker.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="file">The file's name, for messages.</param>
    /// <exception cref="ConfigurationException">The text is not a statistics.json; the message says where and why.</exception>
    public static BaselineStatistics Read(string json, string file)
    {
        var root = BaselineJsonReader.Parse(json, file);
        var dataset = root.RequiredObject("dataset");
        var features = root.Required("features").Items().Select(ReadFeature).ToList();
        var duplicate = features.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw root.Required("features").Error($"name feature `{duplicate.Key}` more than once");
        }
        return new BaselineStatistics(dataset.Required("item_count").Count(), features)
        {
            Version = root.Optional("version")?.Number() ?? 0,
        };
    }

    private static void WriteFeature(Utf8JsonWriter w, FeatureStatistics feature)
    {
        w.WriteStartObject();
        w.WriteString("name", feature.Name);
        w.WriteString("inferred_type", SageMakerTypes.Name(feature.InferredType));
        if (feature.Numerical is { } numeric)
        {
            w.WriteStartObject("numerical_statistics");
            WriteCommon(w, feature);
            w.Number("mean", numeric.Mean);
            w.Number("sum", numeric.Sum);
            w.Number("std_dev", numeric.StdDev);
            w.Number("min", numeric.Min);
            w.Number("max", numeric.Max);
            w.WriteStartObject("distribution");
            w.WriteStartObject("kll");
            w.WriteStartArray("buckets");
            foreach (var bucket in numeric.Buckets)
            {
                w.WriteStartObject();
                w.Number("lower_bound", bucket.LowerBound);
                w.Number("upper_bound", bucket.UpperBound);
                w.WriteNumber("count", bucket.Count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (numeric.Sketch is { } sketch)
            {
                w.WriteStartObject("sketch");
                w.WriteStartObject("parameters");
                w.Number("c", sketch.C);
                w.Number("k", sketch.K);
                w.WriteEndObject();
                w.WriteStartArray("data");
                foreach (var level in sketch.ToLevels())
                {
                    w.WriteStartArray();
                    foreach (var item in level)
                    {
                        w.Number(item);
                    }
                    w.WriteEndArray();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        else if (feature.String is { } text)
        {
            w.WriteStartObject("string_statistics");
            WriteCommon(w, feature);
            w.WriteNumber("distinct_count", text.DistinctCount);
            if (text.Buckets is { } buckets)
            {
                w.WriteStartObject("distribution");
                w.WriteStartObject("categorical");
                w.WriteStartArray("buckets");
                foreach (var bucket in buckets)
                {
                    w.WriteStartObject();
                    w.WriteString("value", bucket.Value);
                    w.WriteNumber("count", bucket.Count);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteCommon(Utf8JsonWriter w, FeatureStatistics feature)
    {
        w.WriteStartObject("common");
        w.WriteNumber("num_present", feature.NumPresent);
        w.WriteNumber("num_missing", feature.NumMissing);
        w.WriteEndObject();
    }

    private static FeatureStatistics ReadFeature(BaselineJsonReader feature)
    {
        var name = feature.Required("name").String();
        var typeMember = feature.Required("inferred_type");
        if (!SageMakerTypes.TryParse(typeMember.String(), out var type))
        {
            throw typeMember.Error($"is `{typeMember.String()}`; expected Integral, Fractional, String or Unknown");
        }
        var numeric = feature.Optional("numerical_statistics");
        var text = feature.Optional("string_statistics");
        var stats = numeric ?? text;
        var common = stats?.RequiredObject("common");
        var result = new FeatureStatistics(name, type, common?.Required("num_present").Count() ?? 0, common?.Required("num_missing").Count() ?? 0);
        if (numeric is { } n)
        {
            var kll = n.Optional("distribution")?.Optional("kll");
            result = result with
            {
                Numerical = new NumericalStatistics(
                    n.Required("mean").Number(), n.Required("sum").Number(), n.Required("std_dev").Number(),
                    n.Required("min").Number(), n.Required("max").Number(),
                    kll?.Optional("buckets")?.Items().Select(ReadBucket).ToList() ?? [],
                    kll?.Optional("sketch") is { } sketch ? ReadSketch(sketch) : null),
            };
        }
        else if (text is { } s)
        {
            result = result with
            {
                String = new StringStatistics(
                    s.Optional("distinct_count")?.Count() ?? 0,
                    s.Optional("distribution")?.Optional("categorical")?.Optional("buckets")?.Items()
                        .Select(b => new CategoricalBucket(BucketValue(b.Required("value")), b.Required("count").Count())).ToList()),
            };
        }
        return result;
    }

    /// <summary>A category's value: SageMaker writes text, but numbers and booleans of integral categories occur too.</summary>
    private static string BucketValue(BaselineJsonReader value) => value.Element.ValueKind switch
    {
        JsonValueKind.String => value.String(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.Element.GetRawText(),
        _ => throw value.Error("is not a category value (text or a number)"),
    };

    private static KllBucket ReadBucket(BaselineJsonReader bucket) =>
        new(bucket.Required("lower_bound").Number(), bucket.Required("upper_bound").Number(), bucket.Required("count").Count());

    private static KllSketch ReadSketch(BaselineJsonReader sketch)
    {
        var parameters = sketch.RequiredObject("parameters");
        var k = parameters.Required("k").Number();
        var c = parameters.Required("c").Number();
        if (k < 1 || k > KllSketch.MaxK || Math.Floor(k) != k)
        {
            throw parameters.Required("k").Error($"is {k}; a KLL sketch size is a whole number from 1 to {KllSketch.MaxK}");
        }
        if (!(c > 0 && c <= 1))
        {
            throw parameters.Required("c").Error($"is {c}; a KLL shrinking factor is in (0, 1]");
        }
        var levels = sketch.Required("data").Items().Select(level => level.Items().Select(i => i.Number()).ToArray()).ToList();
        try
        {
            return KllSketch.FromLevels((int)k, c, levels);
        }
        catch (ArgumentException e)
        {
            throw sketch.Required("data").Error($"is not a KLL sketch: {e.Message}");
        }
    }
}
