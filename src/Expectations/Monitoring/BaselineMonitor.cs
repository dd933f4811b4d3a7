using Dq.Expectations.Baselines;
using Dq.Expectations.Columns;
using Dq.Expectations.Metrics;
using Dq.Expectations.Planning;
using Dq.Expectations.Profiling;

namespace Dq.Expectations.Monitoring;

/// <summary>
/// Compares a batch with its baseline, as SageMaker Model Monitor's data-quality job does, with open algorithms: one
/// streaming scan profiles the batch (sketches, exact counts of small domains, and how many values fall outside each
/// baseline domain), then every check and drift test is a function of the two summaries.
/// </summary>
public static class BaselineMonitor
{
    /// <summary>Profiles <paramref name="source"/> and compares it with <paramref name="baseline"/>.</summary>
    /// <exception cref="DataReadException">The source could not be read.</exception>
    /// <exception cref="ConfigurationException">An override names a method that does not apply.</exception>
    public static MonitorReport Monitor(IBatchSource source, Baseline baseline, MonitorOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(baseline);
        options ??= new MonitorOptions();
        var domainKeys = new Dictionary<string, SetMembershipKey>(StringComparer.Ordinal);
        foreach (var field in source.Schema.FieldsList)
        {
            // Text columns are counted exactly against the domain in the scan; other columns (booleans) have few values
            // and are judged from the profile's exact counts.
            if (DomainKey(baseline, field) is { } key)
            {
                domainKeys[field.Name] = key;
            }
        }
        var requests = domainKeys.Values.Select(k => new MetricRequest(k, DomainCount.ExampleLimit)).ToList();
        var (profile, metrics) = Profiler.ProfileWith(source, new ProfileOptions { Threads = options.Threads }, requests, cancellationToken);
        var outside = domainKeys.ToDictionary(kv => kv.Key, kv => DomainCountOf(metrics.UnexpectedRows(kv.Value)), StringComparer.Ordinal);
        return Compare(baseline, profile, options, outside);
    }

    /// <summary>
    /// Compares a batch's profile with <paramref name="baseline"/>. Domain checks use the profile's exact value counts, so
    /// a column with more distinct values than the profile's categorical threshold is not domain-checked here; use
    /// <see cref="Monitor"/>, which counts them in the scan.
    /// </summary>
    public static MonitorReport Compare(Baseline baseline, DataProfile current, MonitorOptions? options = null) =>
        Compare(baseline, current, options ?? new MonitorOptions(), new Dictionary<string, DomainCount>());

    internal static MonitorReport Compare(Baseline baseline, DataProfile current, MonitorOptions options, IReadOnlyDictionary<string, DomainCount> outside)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        options = Normalized(options);
        var constraints = baseline.Constraints;
        var statistics = baseline.Statistics;
        var baselineNames = constraints.Features.Select(f => f.Name)
            .Concat(statistics.Features.Select(f => f.Name)).Distinct(StringComparer.Ordinal).ToList();
        var violations = new List<ConstraintViolation>();
        var drift = new List<FeatureDrift>();
        foreach (var name in baselineNames)
        {
            var settings = options.For(name);
            var feature = constraints.Feature(name) ?? new FeatureConstraints(name, statistics.Feature(name)!.InferredType);
            var config = settings.Apply(feature.MonitoringConfigOverrides ?? constraints.MonitoringConfig);
            var evaluate = settings.EvaluateConstraints ?? (config.EvaluateConstraints && feature.EvaluateConstraints);
            var column = current.Column(name);
            if (column is null)
            {
                if (evaluate)
                {
                    violations.Add(ConstraintChecks.MissingColumn(name, baselineNames.Count, current.Columns.Count));
                }
                continue;
            }
            var stats = statistics.Feature(name);
            var featureDrift = stats is null ? null : FeatureDriftAnalysis.Analyse(stats, column, config, settings, options.Psi);
            if (featureDrift is not null)
            {
                drift.Add(featureDrift.Report);
            }
            if (!evaluate)
            {
                continue;
            }
            Add(violations, ConstraintChecks.DataType(feature, column, config));
            Add(violations, ConstraintChecks.Completeness(feature, stats is null ? statistics.ItemCount : stats.NumPresent + stats.NumMissing, column, settings));
            Add(violations, ConstraintChecks.CategoricalValues(feature, column, outside.GetValueOrDefault(name), config));
            if (config.PerformComparison && featureDrift is not null)
            {
                Add(violations, featureDrift.Violation(config));
            }
        }
        if (options.Run.EvaluateConstraints ?? constraints.MonitoringConfig.EvaluateConstraints)
        {
            var known = baselineNames.ToHashSet(StringComparer.Ordinal);
            violations.AddRange(current.Columns.Where(c => !known.Contains(c.Name))
                .Select(c => ConstraintChecks.ExtraColumn(c.Name, baselineNames.Count, current.Columns.Count)));
        }
        return new MonitorReport(violations, new DriftReport(drift, options.DriftShare), current);
    }

    /// <summary>The domain key of a column whose values are text and whose baseline has a domain; null otherwise.</summary>
    internal static SetMembershipKey? DomainKey(Baseline baseline, Apache.Arrow.Field field) =>
        baseline.Constraints.Feature(field.Name) is { Domains: { Count: > 0 } domain } && ColumnFacts.IsText(field.DataType)
            ? new SetMembershipKey(field.Name, new ValueSet(domain), MustBeInSet: true)
            : null;

    /// <summary>The values outside a domain, from the set-membership metric's count and sample.</summary>
    internal static DomainCount DomainCountOf(UnexpectedRowsState rows) =>
        new(rows.Count, [.. rows.Sample.Rows.Select(r => BaselineStatistics.CategoryText(r.Value ?? "")).Distinct().Take(DomainCount.ExampleLimit)]);

    /// <summary>The options with every drift method checked and spelled dq's way.</summary>
    private static MonitorOptions Normalized(MonitorOptions options)
    {
        static MonitorSettings Check(MonitorSettings settings, string where) => settings.DriftMethod is { } method
            ? settings with { DriftMethod = DriftMethods.Parse(method, where) }
            : settings;
        return options with
        {
            Run = Check(options.Run, "the drift method"),
            Features = options.Features.ToDictionary(kv => kv.Key, kv => Check(kv.Value, $"the drift method for `{kv.Key}`"), StringComparer.Ordinal),
        };
    }

    private static void Add(List<ConstraintViolation> violations, ConstraintViolation? violation)
    {
        if (violation is not null)
        {
            violations.Add(violation);
        }
    }
}
