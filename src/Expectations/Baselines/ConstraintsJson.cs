using System.Text.Json;

namespace Dq.Expectations.Baselines;

/// <summary>Reads and writes SageMaker Model Monitor's <c>constraints.json</c>, symmetrically.</summary>
public static class ConstraintsJson
{
    /// <summary>The file's text.</summary>
    public static string Write(BaselineConstraints constraints)
    {
        ArgumentNullException.ThrowIfNull(constraints);
        return BaselineJsonWriting.Write(w =>
        {
            w.WriteStartObject();
            w.Number("version", constraints.Version);
            w.WriteStartArray("features");
            foreach (var feature in constraints.Features)
            {
                WriteFeature(w, feature);
            }
            w.WriteEndArray();
            WriteConfig(w, constraints.MonitoringConfig);
            w.WriteEndObject();
        });
    }

    /// <summary>Reads a constraints.json written by dq or by SageMaker; a missing <c>monitoring_config</c> member takes SageMaker's default.</summary>
    /// <param name="json">The file's text.</param>
    /// <param name="file">The file's name, for messages.</param>
    /// <exception cref="ConfigurationException">The text is not a constraints.json; the message says where and why.</exception>
    public static BaselineConstraints Read(string json, string file)
    {
        var root = BaselineJsonReader.Parse(json, file);
        var config = root.Optional("monitoring_config") is { } c ? ReadConfig(c, new MonitoringConfig()) : new MonitoringConfig();
        var features = root.Required("features").Items().Select(f => ReadFeature(f, config)).ToList();
        var duplicate = features.GroupBy(f => f.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw root.Required("features").Error($"name feature `{duplicate.Key}` more than once");
        }
        return new BaselineConstraints(features, config) { Version = root.Optional("version")?.Number() ?? 0 };
    }

    private static void WriteFeature(Utf8JsonWriter w, FeatureConstraints feature)
    {
        w.WriteStartObject();
        w.WriteString("name", feature.Name);
        w.WriteString("inferred_type", SageMakerTypes.Name(feature.InferredType));
        if (feature.Completeness is { } completeness)
        {
            w.Number("completeness", completeness);
        }
        if (feature.IsNonNegative is { } nonNegative)
        {
            w.WriteStartObject("num_constraints");
            w.WriteBoolean("is_non_negative", nonNegative);
            w.WriteEndObject();
        }
        if (feature.Domains is { } domains)
        {
            w.WriteStartObject("string_constraints");
            w.WriteStartArray("domains");
            foreach (var value in domains)
            {
                w.WriteStringValue(value);
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        if (feature.MonitoringConfigOverrides is { } overrides)
        {
            WriteConfigMembers(w, "monitoringConfigOverrides", overrides with { EvaluateConstraints = feature.EvaluateConstraints });
        }
        else if (!feature.EvaluateConstraints)
        {
            w.WriteStartObject("monitoringConfigOverrides");
            w.WriteString("evaluate_constraints", "Disabled");
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteConfig(Utf8JsonWriter w, MonitoringConfig config) => WriteConfigMembers(w, "monitoring_config", config);

    private static void WriteConfigMembers(Utf8JsonWriter w, string name, MonitoringConfig config)
    {
        w.WriteStartObject(name);
        w.WriteString("evaluate_constraints", Switch(config.EvaluateConstraints));
        w.WriteString("emit_metrics", Switch(config.EmitMetrics));
        w.Number("datatype_check_threshold", config.DatatypeCheckThreshold);
        w.Number("domain_content_threshold", config.DomainContentThreshold);
        w.WriteStartObject("distribution_constraints");
        w.WriteString("perform_comparison", Switch(config.PerformComparison));
        w.Number("comparison_threshold", config.ComparisonThreshold);
        w.WriteString("comparison_method", config.ComparisonMethod.ToString());
        w.Number("categorical_comparison_threshold", config.CategoricalComparisonThreshold);
        w.WriteString("categorical_drift_method", config.CategoricalDriftMethod.ToString());
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Switch(bool enabled) => enabled ? "Enabled" : "Disabled";

    private static FeatureConstraints ReadFeature(BaselineJsonReader feature, MonitoringConfig global)
    {
        var name = feature.Required("name").String();
        var typeMember = feature.Required("inferred_type");
        if (!SageMakerTypes.TryParse(typeMember.String(), out var type))
        {
            throw typeMember.Error($"is `{typeMember.String()}`; expected Integral, Fractional, String or Unknown");
        }
        var strings = feature.Optional("string_constraints");
        var overrides = feature.Optional("monitoringConfigOverrides") ?? strings?.Optional("monitoring_config_overrides");
        return new FeatureConstraints(name, type)
        {
            Completeness = feature.Optional("completeness")?.Share(),
            IsNonNegative = feature.Optional("num_constraints")?.Optional("is_non_negative")?.Boolean(),
            Domains = strings?.Optional("domains")?.Items().Select(d => d.String()).ToList(),
            EvaluateConstraints = overrides?.Optional("evaluate_constraints")?.Enabled() ?? true,
            MonitoringConfigOverrides = overrides is { } o && OverridesThresholds(o) ? ReadConfig(o, global) : null,
        };
    }

    private static bool OverridesThresholds(BaselineJsonReader overrides) =>
        overrides.Element.ValueKind == JsonValueKind.Object
        && overrides.Element.EnumerateObject().Any(m => m.Name != "evaluate_constraints");

    /// <summary>Reads a <c>monitoring_config</c> (or a feature's overrides): members it lacks keep <paramref name="defaults"/>' values.</summary>
    private static MonitoringConfig ReadConfig(BaselineJsonReader config, MonitoringConfig defaults)
    {
        var distribution = config.Optional("distribution_constraints");
        var explicitComparison = distribution?.Optional("comparison_threshold")?.Share();
        var comparison = explicitComparison ?? defaults.ComparisonThreshold;
        return new MonitoringConfig
        {
            EvaluateConstraints = config.Optional("evaluate_constraints")?.Enabled() ?? defaults.EvaluateConstraints,
            EmitMetrics = config.Optional("emit_metrics")?.Enabled() ?? defaults.EmitMetrics,
            DatatypeCheckThreshold = config.Optional("datatype_check_threshold")?.Share() ?? defaults.DatatypeCheckThreshold,
            DomainContentThreshold = config.Optional("domain_content_threshold")?.Share() ?? defaults.DomainContentThreshold,
            PerformComparison = distribution?.Optional("perform_comparison")?.Enabled() ?? defaults.PerformComparison,
            ComparisonThreshold = comparison,
            ComparisonMethod = distribution?.Optional("comparison_method") is { } method
                ? Parse<ComparisonMethod>(method, "Simple or Robust")
                : defaults.ComparisonMethod,
            // SageMaker: the categorical threshold defaults to the numeric one.
            CategoricalComparisonThreshold = distribution?.Optional("categorical_comparison_threshold")?.Share()
                ?? (explicitComparison ?? defaults.CategoricalComparisonThreshold),
            CategoricalDriftMethod = distribution?.Optional("categorical_drift_method") is { } drift
                ? Parse<CategoricalDriftMethod>(drift, "LInfinity or ChiSquared")
                : defaults.CategoricalDriftMethod,
        };
    }

    private static T Parse<T>(BaselineJsonReader member, string expected)
        where T : struct, Enum =>
        Enum.TryParse<T>(member.String(), ignoreCase: false, out var value) && Enum.IsDefined(value)
            ? value
            : throw member.Error($"is `{member.String()}`; expected {expected}");
}
