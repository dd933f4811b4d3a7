using System.CommandLine;
using System.Globalization;
using Dq.Expectations;
using Dq.Expectations.Baselines;
using Dq.Expectations.Monitoring;
using Dq.Expectations.Suites;

namespace Dq.Cli.Commands;

/// <summary>
/// <c>dq monitor</c>'s threshold and method options: run-wide ones (<c>--comparison-threshold 0.2</c>) and per feature
/// (<c>--feature-override amount:comparison_threshold=0.2</c>, repeatable), with the keys of constraints.json's
/// monitoring_config. They beat constraints.json.
/// </summary>
internal sealed class MonitorOverrides
{
    private static readonly string[] s_keys =
    [
        "evaluate_constraints", "datatype_check_threshold", "domain_content_threshold", "perform_comparison", "comparison_threshold",
        "comparison_method", "categorical_comparison_threshold", "categorical_drift_method", "completeness_margin", "completeness_alpha",
        "drift_method", "drift_threshold",
    ];

    private readonly Option<double?> _comparison = new("--comparison-threshold") { Description = "Numeric baseline_drift_check threshold (default: constraints.json's, SageMaker's 0.1)." };
    private readonly Option<string?> _method = new("--comparison-method") { Description = "Numeric L-infinity: Simple or Robust (default: constraints.json's, Robust)." };
    private readonly Option<double?> _categorical = new("--categorical-threshold") { Description = "Categorical baseline_drift_check threshold (a distance, or the p-value for ChiSquared)." };
    private readonly Option<string?> _categoricalMethod = new("--categorical-drift-method") { Description = "Categorical drift: LInfinity or ChiSquared." };
    private readonly Option<double?> _datatype = new("--datatype-threshold") { Description = "Largest share of values not of the baseline type (default 0.1)." };
    private readonly Option<double?> _domain = new("--domain-threshold") { Description = "Largest share of values outside the baseline domain (default 0.1)." };
    private readonly Option<double?> _margin = new("--completeness-margin") { Description = "Completeness drop (a share) that is never noise (default 0.02)." };
    private readonly Option<double?> _alpha = new("--completeness-alpha") { Description = "Level of the one-sided test a completeness drop must also pass (default 0.001)." };
    private readonly Option<string?> _driftMethod = new("--drift-method") { Description = $"The test deciding drift.json's verdicts: {string.Join(", ", DriftMethods.All)} (default auto)." };
    private readonly Option<double?> _driftThreshold = new("--drift-threshold") { Description = "The deciding test's threshold (default: the test's own)." };
    private readonly Option<double?> _driftShare = new("--drift-share") { Description = "Share of drifted columns that means dataset drift (default 0.5)." };
    private readonly Option<int?> _psiBins = new("--psi-bins") { Description = "PSI bins at the baseline's quantiles (default 10)." };
    private readonly Option<double?> _psiEpsilon = new("--psi-epsilon") { Description = "PSI share for an empty bin (default 1e-4)." };
    private readonly Option<string[]> _feature = new("--feature-override") { Description = "Per-feature override, repeatable: column:key=value, key as in monitoring_config (e.g. amount:comparison_threshold=0.2)." };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _comparison, _method, _categorical, _categoricalMethod, _datatype, _domain, _margin, _alpha, _driftMethod, _driftThreshold, _driftShare, _psiBins, _psiEpsilon, _feature })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The options as a monitor's settings.</summary>
    /// <exception cref="ConfigurationException">A value is out of range or a key or method is unknown.</exception>
    public MonitorOptions Read(ParseResult parse, int threads)
    {
        var run = new MonitorSettings
        {
            ComparisonThreshold = Share(parse.GetValue(_comparison), "--comparison-threshold"),
            ComparisonMethod = parse.GetValue(_method) is { } m ? ComparisonMethodOf(m, "--comparison-method") : null,
            CategoricalComparisonThreshold = Share(parse.GetValue(_categorical), "--categorical-threshold"),
            CategoricalDriftMethod = parse.GetValue(_categoricalMethod) is { } c ? CategoricalMethodOf(c, "--categorical-drift-method") : null,
            DatatypeCheckThreshold = Share(parse.GetValue(_datatype), "--datatype-threshold"),
            DomainContentThreshold = Share(parse.GetValue(_domain), "--domain-threshold"),
            CompletenessMargin = Share(parse.GetValue(_margin), "--completeness-margin"),
            CompletenessAlpha = Share(parse.GetValue(_alpha), "--completeness-alpha"),
            DriftMethod = parse.GetValue(_driftMethod) is { } d ? DriftMethods.Parse(d, "--drift-method") : null,
            DriftThreshold = NonNegative(parse.GetValue(_driftThreshold), "--drift-threshold"),
        };
        var features = new Dictionary<string, MonitorSettings>(StringComparer.Ordinal);
        foreach (var text in parse.GetValue(_feature) ?? [])
        {
            var (column, setting) = Feature(text);
            features[column] = (features.GetValueOrDefault(column) ?? new MonitorSettings()).Then(setting);
        }
        var bins = parse.GetValue(_psiBins) ?? 10;
        if (bins < 2)
        {
            throw new ConfigurationException($"--psi-bins must be 2 or more, not {bins}.");
        }
        var epsilon = parse.GetValue(_psiEpsilon) ?? 1e-4;
        if (!(epsilon > 0 && epsilon < 1))
        {
            throw new ConfigurationException($"--psi-epsilon must be above 0 and below 1, not {epsilon.ToString(CultureInfo.InvariantCulture)}.");
        }
        return new MonitorOptions
        {
            Run = run,
            Features = features,
            DriftShare = Share(parse.GetValue(_driftShare), "--drift-share") ?? MonitorOptions.DefaultDriftShare,
            Psi = new PsiSettings(bins, epsilon),
            Threads = threads,
        };
    }

    private static (string Column, MonitorSettings Setting) Feature(string text)
    {
        var where = $"--feature-override `{text}`";
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var colon = eq <= 0 ? -1 : text.LastIndexOf(':', eq - 1);
        if (colon <= 0)
        {
            throw new ConfigurationException($"{where}: write column:key=value, e.g. amount:comparison_threshold=0.2.");
        }
        var column = text[..colon];
        var key = text[(colon + 1)..eq];
        var value = text[(eq + 1)..];
        var at = $"{where}: {key}";
        MonitorSettings setting = key switch
        {
            "evaluate_constraints" => new() { EvaluateConstraints = Switch(value, at) },
            "perform_comparison" => new() { PerformComparison = Switch(value, at) },
            "datatype_check_threshold" => new() { DatatypeCheckThreshold = Share(Number(value, at), at) },
            "domain_content_threshold" => new() { DomainContentThreshold = Share(Number(value, at), at) },
            "comparison_threshold" => new() { ComparisonThreshold = Share(Number(value, at), at) },
            "comparison_method" => new() { ComparisonMethod = ComparisonMethodOf(value, at) },
            "categorical_comparison_threshold" => new() { CategoricalComparisonThreshold = Share(Number(value, at), at) },
            "categorical_drift_method" => new() { CategoricalDriftMethod = CategoricalMethodOf(value, at) },
            "completeness_margin" => new() { CompletenessMargin = Share(Number(value, at), at) },
            "completeness_alpha" => new() { CompletenessAlpha = Share(Number(value, at), at) },
            "drift_method" => new() { DriftMethod = DriftMethods.Parse(value, at) },
            "drift_threshold" => new() { DriftThreshold = NonNegative(Number(value, at), at) },
            _ => throw new ConfigurationException($"{where}: `{key}` is not a setting.{Spelling.DidYouMean(key, s_keys)} Use one of {string.Join(", ", s_keys)}."),
        };
        return (column, setting);
    }

    private static double Number(string text, string where) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new ConfigurationException($"{where}: `{text}` is not a number.");

    private static bool Switch(string text, string where) => text.ToLowerInvariant() switch
    {
        "enabled" or "true" => true,
        "disabled" or "false" => false,
        _ => throw new ConfigurationException($"{where}: `{text}` is not Enabled or Disabled."),
    };

    private static double? Share(double? value, string where) => value is null or (>= 0 and <= 1)
        ? value
        : throw new ConfigurationException($"{where} must be between 0 and 1, not {value.Value.ToString(CultureInfo.InvariantCulture)}.");

    private static double? NonNegative(double? value, string where) => value is null or >= 0
        ? value
        : throw new ConfigurationException($"{where} must be 0 or more, not {value.Value.ToString(CultureInfo.InvariantCulture)}.");

    private static ComparisonMethod ComparisonMethodOf(string text, string where) =>
        Enum.TryParse<ComparisonMethod>(text, ignoreCase: true, out var method) && Enum.IsDefined(method)
            ? method
            : throw new ConfigurationException($"{where}: `{text}` is not Simple or Robust.");

    private static CategoricalDriftMethod CategoricalMethodOf(string text, string where) =>
        Enum.TryParse<CategoricalDriftMethod>(text, ignoreCase: true, out var method) && Enum.IsDefined(method)
            ? method
            : throw new ConfigurationException($"{where}: `{text}` is not LInfinity or ChiSquared.");
}
