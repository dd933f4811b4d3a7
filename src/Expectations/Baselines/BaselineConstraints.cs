using Dq.Expectations.Profiling;

namespace Dq.Expectations.Baselines;

/// <summary>
/// A SageMaker Model Monitor <c>constraints.json</c>: per feature its type, completeness, sign and domain, and the
/// monitoring configuration that says how a monitor judges new data against them.
/// </summary>
/// <param name="Features">The features, in the data's order.</param>
/// <param name="MonitoringConfig">The thresholds and methods (SageMaker's defaults unless changed).</param>
public sealed record BaselineConstraints(IReadOnlyList<FeatureConstraints> Features, MonitoringConfig MonitoringConfig)
{
    /// <summary>The format's version: 0, as SageMaker writes.</summary>
    public double Version { get; init; }

    /// <summary>The feature named <paramref name="name"/>, or null.</summary>
    public FeatureConstraints? Feature(string name) => Features.FirstOrDefault(f => f.Name == name);

    /// <summary>
    /// The constraints SageMaker suggests for a profile: the observed completeness; <c>is_non_negative</c> for numeric
    /// features (whether the minimum is at least 0); the observed values as the domain of string features with at most
    /// the categorical threshold of distinct values; SageMaker's default monitoring configuration.
    /// </summary>
    public static BaselineConstraints FromProfile(DataProfile profile, MonitoringConfig? config = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var features = profile.Columns.Select(c =>
        {
            var type = SageMakerTypes.Of(c.Type);
            var numeric = type is FeatureType.Integral or FeatureType.Fractional && c.Numeric is not null;
            return new FeatureConstraints(c.Name, type)
            {
                Completeness = c.Completeness,
                IsNonNegative = numeric ? c.Numeric!.Min >= 0 : null,
                Domains = type == FeatureType.String && c.Categories is { } categories
                    ? [.. categories.Select(x => BaselineStatistics.CategoryText(x.Value))]
                    : null,
            };
        }).ToList();
        return new BaselineConstraints(features, config ?? new MonitoringConfig());
    }
}

/// <summary>One feature of a constraints.json.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="InferredType">Integral, Fractional, String or Unknown.</param>
public sealed record FeatureConstraints(string Name, FeatureType InferredType)
{
    /// <summary>The baseline's share of non-null values; null when the file has none.</summary>
    public double? Completeness { get; init; }

    /// <summary><c>num_constraints.is_non_negative</c>; null when the file has none.</summary>
    public bool? IsNonNegative { get; init; }

    /// <summary><c>string_constraints.domains</c>: the values a categorical feature may take; null when the file has none.</summary>
    public IReadOnlyList<string>? Domains { get; init; }

    /// <summary>Whether <c>monitoringConfigOverrides</c> (or SageMaker SDK's <c>string_constraints.monitoring_config_overrides</c>) disables this feature's checks.</summary>
    public bool EvaluateConstraints { get; init; } = true;

    /// <summary>
    /// This feature's monitoring settings when its <c>monitoringConfigOverrides</c> changes any threshold or method: the
    /// file's <c>monitoring_config</c> with the overridden members replaced. Null when the feature has no override.
    /// </summary>
    public MonitoringConfig? MonitoringConfigOverrides { get; init; }
}

/// <summary>How numeric distributions are compared (SageMaker's <c>comparison_method</c>).</summary>
public enum ComparisonMethod
{
    /// <summary>The largest distance between the two CDFs.</summary>
    Simple,

    /// <summary>The same, less the two-sample Kolmogorov–Smirnov critical value, so small samples do not alarm.</summary>
    Robust,
}

/// <summary>How categorical distributions are compared (SageMaker's <c>categorical_drift_method</c>).</summary>
public enum CategoricalDriftMethod
{
    /// <summary>The largest difference between the two category shares.</summary>
    LInfinity,

    /// <summary>Pearson's chi-squared test of the new counts against the baseline's shares.</summary>
    ChiSquared,
}

/// <summary>A constraints.json's <c>monitoring_config</c>, with SageMaker's documented defaults.</summary>
public sealed record MonitoringConfig
{
    /// <summary><c>evaluate_constraints</c>: whether violations are computed at all (default Enabled).</summary>
    public bool EvaluateConstraints { get; init; } = true;

    /// <summary><c>emit_metrics</c>: whether metrics are published (default Enabled).</summary>
    public bool EmitMetrics { get; init; } = true;

    /// <summary><c>datatype_check_threshold</c>: the largest share of values not of the baseline type (default 0.1).</summary>
    public double DatatypeCheckThreshold { get; init; } = 0.1;

    /// <summary><c>domain_content_threshold</c>: the largest share of values outside the baseline domain (default 0.1).</summary>
    public double DomainContentThreshold { get; init; } = 0.1;

    /// <summary><c>distribution_constraints.perform_comparison</c> (default Enabled).</summary>
    public bool PerformComparison { get; init; } = true;

    /// <summary><c>distribution_constraints.comparison_threshold</c>: the largest numeric distance (default 0.1).</summary>
    public double ComparisonThreshold { get; init; } = 0.1;

    /// <summary><c>distribution_constraints.comparison_method</c> (default Robust).</summary>
    public ComparisonMethod ComparisonMethod { get; init; } = ComparisonMethod.Robust;

    /// <summary><c>distribution_constraints.categorical_comparison_threshold</c> (default 0.1).</summary>
    public double CategoricalComparisonThreshold { get; init; } = 0.1;

    /// <summary><c>distribution_constraints.categorical_drift_method</c> (default LInfinity).</summary>
    public CategoricalDriftMethod CategoricalDriftMethod { get; init; } = CategoricalDriftMethod.LInfinity;
}
