using Dq.Expectations.Baselines;
using Dq.Expectations.Statistics;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Monitoring;

/// <summary>The drift tests a monitor runs, by the names drift.json, the CLI and suites use.</summary>
public static class DriftMethods
{
    /// <summary>Evidently's default choice by baseline size, kind and number of values (see <see cref="DriftTests.ChooseEvidentlyDefault"/>).</summary>
    public const string Auto = "auto";

    /// <summary>The largest gap between the two CDFs (Deequ's and SageMaker's Simple; the KS statistic when the sketches are exact).</summary>
    public const string LInfinitySimple = "linf_simple";

    /// <summary>The simple distance less the KS critical value 1.8·√((n+m)/(n·m)), floored at 0 (Deequ's and SageMaker's Robust).</summary>
    public const string LInfinityRobust = "linf_robust";

    /// <summary>The two-sample Kolmogorov–Smirnov test's p-value (scipy's <c>ks_2samp</c>); drift when p ≤ the threshold.</summary>
    public const string KolmogorovSmirnov = "ks";

    /// <summary>The Wasserstein distance over the baseline's population standard deviation (Evidently's <c>wasserstein</c>).</summary>
    public const string WassersteinNormed = "wasserstein_normed";

    /// <summary>The population stability index over bins at the baseline's quantiles, ε for empty bins.</summary>
    public const string Psi = "psi";

    /// <summary>The Jensen–Shannon distance (natural log) between the two shares.</summary>
    public const string JensenShannon = "jensen_shannon";

    /// <summary>Pearson's χ² test of the current counts against the baseline's shares (Evidently's <c>chisquare</c>); drift when p &lt; the threshold.</summary>
    public const string ChiSquared = "chi_squared";

    /// <summary>The largest gap between per-category shares (Deequ's categorical L∞).</summary>
    public const string LInfinityCategorical = "linf_categorical";

    /// <summary>The two-proportion z-test for columns of at most two values (Evidently's <c>z</c>).</summary>
    public const string ZTest = "z";

    /// <summary>The tests drift.json reports for a numeric column.</summary>
    public static IReadOnlyList<string> Numeric { get; } = [LInfinitySimple, LInfinityRobust, KolmogorovSmirnov, WassersteinNormed, Psi, JensenShannon];

    /// <summary>The tests drift.json reports for a categorical column.</summary>
    public static IReadOnlyList<string> Categorical { get; } = [LInfinityCategorical, ChiSquared, JensenShannon];

    /// <summary>Every name a user may give.</summary>
    public static IReadOnlyList<string> All { get; } = [Auto, LInfinitySimple, LInfinityRobust, KolmogorovSmirnov, WassersteinNormed, Psi, JensenShannon, ChiSquared, LInfinityCategorical, ZTest];

    /// <summary>Evidently's stat-test names, accepted for dq's.</summary>
    private static readonly Dictionary<string, string> s_evidentlyNames = new(StringComparer.Ordinal)
    {
        [DriftTests.Wasserstein] = WassersteinNormed,
        [DriftTests.JensenShannonName] = JensenShannon,
        [DriftTests.ChiSquare] = ChiSquared,
    };

    /// <summary>Checks a user's method name; Evidently's names (<c>wasserstein</c>, <c>jensenshannon</c>, <c>chisquare</c>) map to dq's.</summary>
    /// <returns>dq's name for the method.</returns>
    /// <exception cref="ConfigurationException">The name is not a method; the message lists them with a did-you-mean.</exception>
    public static string Parse(string name, string where)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (s_evidentlyNames.TryGetValue(name, out var dq))
        {
            return dq;
        }
        return All.Contains(name)
            ? name
            : throw new ConfigurationException($"{where}: `{name}` is not a drift method.{Spelling.DidYouMean(name, All)} Use one of {string.Join(", ", All)}.");
    }

    /// <summary>A method's default threshold and direction; the L∞ distances take the baseline's comparison thresholds.</summary>
    internal static DriftTestChoice Default(string method, MonitoringConfig config) => method switch
    {
        LInfinitySimple or LInfinityRobust => new(method, config.ComparisonThreshold, DriftRule.DistanceAbove),
        LInfinityCategorical => new(method, config.CategoricalComparisonThreshold, DriftRule.DistanceAbove),
        KolmogorovSmirnov => new(method, DriftTests.DefaultPValueThreshold, DriftRule.PValueAtMost),
        ChiSquared or ZTest => new(method, DriftTests.DefaultPValueThreshold, DriftRule.PValueBelow),
        WassersteinNormed or JensenShannon => new(method, DriftTests.DefaultDistanceThreshold, DriftRule.DistanceAtLeast),
        Psi => new(method, PopulationStabilityIndex.DefaultThreshold, DriftRule.DistanceAtLeast),
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Not a concrete drift method."),
    };

    /// <summary>Evidently's default test for a column, by dq's names.</summary>
    internal static string ChooseAuto(long baselineRows, bool isNumeric, long distinctValues) =>
        DriftTests.ChooseEvidentlyDefault(baselineRows, isNumeric, distinctValues).Method switch
        {
            DriftTests.KolmogorovSmirnov => KolmogorovSmirnov,
            DriftTests.ChiSquare => ChiSquared,
            DriftTests.ZTest => ZTest,
            DriftTests.Wasserstein => WassersteinNormed,
            _ => JensenShannon,
        };
}
