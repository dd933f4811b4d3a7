using Dq.Expectations.Baselines;

namespace Dq.Expectations.Monitoring;

/// <summary>
/// Thresholds and methods a run overrides, for every feature or for one. A null member keeps the value from the
/// baseline's constraints.json (its feature's <c>monitoringConfigOverrides</c>, else its <c>monitoring_config</c>), or dq's default.
/// </summary>
public sealed record MonitorSettings
{
    /// <summary>Whether the feature's constraints are checked at all.</summary>
    public bool? EvaluateConstraints { get; init; }

    /// <summary>The largest share of values not of the baseline's type before a <c>data_type_check</c> violation.</summary>
    public double? DatatypeCheckThreshold { get; init; }

    /// <summary>The largest share of values outside the baseline's domain before a <c>categorical_values_check</c> violation.</summary>
    public double? DomainContentThreshold { get; init; }

    /// <summary>Whether <c>baseline_drift_check</c> runs.</summary>
    public bool? PerformComparison { get; init; }

    /// <summary>The numeric distance above which <c>baseline_drift_check</c> is violated.</summary>
    public double? ComparisonThreshold { get; init; }

    /// <summary>Simple or Robust numeric L∞.</summary>
    public ComparisonMethod? ComparisonMethod { get; init; }

    /// <summary>The categorical distance (or, for ChiSquared, the p-value) threshold of <c>baseline_drift_check</c>.</summary>
    public double? CategoricalComparisonThreshold { get; init; }

    /// <summary>LInfinity or ChiSquared for categorical <c>baseline_drift_check</c>.</summary>
    public CategoricalDriftMethod? CategoricalDriftMethod { get; init; }

    /// <summary>The drop in completeness (a share, 0.02 = 2 points) that sampling noise never explains; smaller drops never violate.</summary>
    public double? CompletenessMargin { get; init; }

    /// <summary>The one-sided two-proportion z-test's level a completeness drop must also reach.</summary>
    public double? CompletenessAlpha { get; init; }

    /// <summary>The method that decides drift.json's <c>drift_detected</c> (<see cref="DriftMethods"/>; default auto).</summary>
    public string? DriftMethod { get; init; }

    /// <summary>The deciding method's threshold (default: the method's own).</summary>
    public double? DriftThreshold { get; init; }

    /// <summary>The members of <paramref name="over"/> that are set, else these.</summary>
    public MonitorSettings Then(MonitorSettings? over) => over is null ? this : new MonitorSettings
    {
        EvaluateConstraints = over.EvaluateConstraints ?? EvaluateConstraints,
        DatatypeCheckThreshold = over.DatatypeCheckThreshold ?? DatatypeCheckThreshold,
        DomainContentThreshold = over.DomainContentThreshold ?? DomainContentThreshold,
        PerformComparison = over.PerformComparison ?? PerformComparison,
        ComparisonThreshold = over.ComparisonThreshold ?? ComparisonThreshold,
        ComparisonMethod = over.ComparisonMethod ?? ComparisonMethod,
        CategoricalComparisonThreshold = over.CategoricalComparisonThreshold ?? CategoricalComparisonThreshold,
        CategoricalDriftMethod = over.CategoricalDriftMethod ?? CategoricalDriftMethod,
        CompletenessMargin = over.CompletenessMargin ?? CompletenessMargin,
        CompletenessAlpha = over.CompletenessAlpha ?? CompletenessAlpha,
        DriftMethod = over.DriftMethod ?? DriftMethod,
        DriftThreshold = over.DriftThreshold ?? DriftThreshold,
    };

    /// <summary>A baseline config with these overrides applied.</summary>
    internal MonitoringConfig Apply(MonitoringConfig config) => config with
    {
        EvaluateConstraints = EvaluateConstraints ?? config.EvaluateConstraints,
        DatatypeCheckThreshold = DatatypeCheckThreshold ?? config.DatatypeCheckThreshold,
        DomainContentThreshold = DomainContentThreshold ?? config.DomainContentThreshold,
        PerformComparison = PerformComparison ?? config.PerformComparison,
        ComparisonThreshold = ComparisonThreshold ?? config.ComparisonThreshold,
        ComparisonMethod = ComparisonMethod ?? config.ComparisonMethod,
        CategoricalComparisonThreshold = CategoricalComparisonThreshold ?? config.CategoricalComparisonThreshold,
        CategoricalDriftMethod = CategoricalDriftMethod ?? config.CategoricalDriftMethod,
    };
}

/// <summary>How <see cref="BaselineMonitor"/> runs: overrides for the whole run and per feature, and the drift report's settings.</summary>
public sealed record MonitorOptions
{
    /// <summary>The default completeness margin: a 2-point drop. At 20,000 rows and 98% completeness that is 20 standard errors.</summary>
    public const double DefaultCompletenessMargin = 0.02;

    /// <summary>The default completeness test level: 0.001, one-sided.</summary>
    public const double DefaultCompletenessAlpha = 0.001;

    /// <summary>The default share of drifted columns that means the dataset drifted (Evidently's <c>drift_share</c>).</summary>
    public const double DefaultDriftShare = 0.5;

    /// <summary>Overrides for every feature (CLI options); they beat constraints.json.</summary>
    public MonitorSettings Run { get; init; } = new();

    /// <summary>Overrides for single features, by column name; they beat <see cref="Run"/>.</summary>
    public IReadOnlyDictionary<string, MonitorSettings> Features { get; init; } = new Dictionary<string, MonitorSettings>();

    /// <summary>The share of columns that must drift for <c>dataset_drift</c>.</summary>
    public double DriftShare { get; init; } = DefaultDriftShare;

    /// <summary>The PSI binning.</summary>
    public PsiSettings Psi { get; init; } = new();

    /// <summary>Worker threads for the scan; 0 shares every core.</summary>
    public int Threads { get; init; }

    /// <summary>The settings for one feature: run-wide overrides, then the feature's own.</summary>
    internal MonitorSettings For(string feature) => Run.Then(Features.TryGetValue(feature, out var own) ? own : null);
}
