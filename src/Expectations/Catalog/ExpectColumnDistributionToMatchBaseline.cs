using System.Globalization;
using Apache.Arrow;
using Dq.Expectations.Baselines;
using Dq.Expectations.Execution;
using Dq.Expectations.Kernels.Profile;
using Dq.Expectations.Metrics;
using Dq.Expectations.Monitoring;
using Dq.Expectations.Planning;
using Dq.Expectations.Profiling;
using Dq.Expectations.Results;
using Dq.Expectations.Sketches;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_column_distribution_to_match_baseline</c> (a dq expectation): a column must not drift from its distribution in
/// a baseline folder that <c>dq profile</c> (or SageMaker) wrote, by one of <c>dq monitor</c>'s drift tests, so drift is
/// a case of an ordinary suite, JUnit report and data docs page.
/// </summary>
/// <remarks>
/// Kwargs: <c>column</c>, <c>baseline</c> (the folder; a relative path is taken from the working directory),
/// <c>method</c> (<see cref="DriftMethods"/>, default <c>auto</c>: Evidently's choice), <c>threshold</c> (default: the
/// method's own, or the baseline's comparison thresholds for the L∞ distances) and <c>row_condition</c>.
/// <c>observed_value</c> is what the threshold is compared with: the p-value of a test, else the distance;
/// <c>details</c> holds the method, statistic, p-value, threshold, every test of the column's kind, and notes.
/// A column the baseline has no distribution for cannot be judged: the result is an error, never a pass.
/// </remarks>
public sealed class ExpectColumnDistributionToMatchBaseline : Expectation
{
    /// <summary>The type name.</summary>
    public const string TypeName = "expect_column_distribution_to_match_baseline";

    /// <summary>Exact category counts are kept up to this many values; more means the column cannot be compared by category.</summary>
    internal const int CategoryCap = 10_000;

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectColumnDistributionToMatchBaseline(c, k),
        static d => d.Sentence(d.Has("method")
            ? "{column} must not drift from its distribution in the baseline {baseline}, by {method}"
            : "{column} must not drift from its distribution in the baseline {baseline}"));

    private readonly FeatureStatistics _statistics;
    private readonly MonitoringConfig _config;
    private readonly MonitorSettings _settings;

    internal ExpectColumnDistributionToMatchBaseline(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        Column = kwargs.RequiredString("column");
        BaselineFolder = kwargs.RequiredString("baseline");
        Baseline baseline;
        try
        {
            baseline = Baseline.Load(BaselineFolder);
        }
        catch (ConfigurationException e)
        {
            throw kwargs.Error("baseline", $"cannot be used: {e.Message}", "give the folder `dq profile <data> --out <folder>` wrote");
        }
        _statistics = baseline.Statistics.Feature(Column)
            ?? throw kwargs.Error("column", $"(`{Column}`) is not in the baseline {BaselineFolder}", $"use one of its columns: {string.Join(", ", baseline.Statistics.Features.Select(f => $"`{f.Name}`"))}");
        _config = baseline.Constraints.Feature(Column)?.MonitoringConfigOverrides ?? baseline.Constraints.MonitoringConfig;
        string? method;
        try
        {
            method = kwargs.OptionalString("method") is { } given ? DriftMethods.Parse(given, "method") : null;
        }
        catch (ConfigurationException e)
        {
            throw kwargs.Error("method", e.Message["method: ".Length..], $"use one of {string.Join(", ", DriftMethods.All)}");
        }
        var threshold = kwargs.OptionalNumber("threshold") is { } t ? Convert.ToDouble(t, CultureInfo.InvariantCulture) : (double?)null;
        if (threshold is < 0 || (threshold is { } finite && !double.IsFinite(finite)))
        {
            throw kwargs.Error("threshold", $"is {threshold.Value.ToString(CultureInfo.InvariantCulture)}", "give a distance or p-value threshold of 0 or more");
        }
        _settings = new MonitorSettings { DriftMethod = method, DriftThreshold = threshold };
        kwargs.RejectUnknown();
    }

    /// <summary>The column compared.</summary>
    public string Column { get; }

    /// <summary>The baseline folder, as given.</summary>
    public string BaselineFolder { get; }

    private bool IsNumeric => _statistics.Numerical is not null;

    private IEnumerable<MetricKey> Keys => IsNumeric
        ? [new NullRowsKey(Column), new ColumnSummaryKey(Column), new QuantileSketchKey(Column)]
        : [new NullRowsKey(Column), new BoundedValueCountsKey(Column, CategoryCap)];

    internal override IEnumerable<MetricRequest> Requests(ResultFormat format) =>
        Keys.Prepend(new RowCountKey()).Select(k => new MetricRequest(k));

    internal override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format)
    {
        if (Keys.Select(metrics.FailureOf).FirstOrDefault(f => f is not null) is { } failure)
        {
            return CannotJudge(IsNumeric ? $"The baseline's `{Column}` holds numbers; the data's cannot be compared with them: {failure}" : failure);
        }
        var drift = FeatureDriftAnalysis.Analyse(_statistics, Current(metrics), _config, _settings, new PsiSettings())?.Report;
        if (drift is null || (drift.DecidingTest is null && !drift.DriftDetected))
        {
            return CannotJudge(drift?.Note ?? $"The baseline has no distribution for `{Column}`.");
        }
        var test = drift.DecidingTest;
        var observed = test is null ? (object?)null : test.PValue ?? test.Statistic;
        return Judged(!drift.DriftDetected, format, () => new ResultDetails
        {
            HasObservedValue = true,
            ObservedValue = observed is double d && !double.IsFinite(d) ? null : observed,
            Details = Details(drift),
        });
    }

    private ColumnProfile Current(MetricResults metrics)
    {
        var rows = metrics.RowCount;
        var nulls = metrics.UnexpectedRows(new NullRowsKey(Column)).Count;
        if (IsNumeric)
        {
            var summary = metrics.Summary(Column);
            var sketch = metrics.State<QuantileSketchState>(new QuantileSketchKey(Column)).Sketch;
            var numeric = summary.Count == 0 ? null : Profiler.Numeric(summary, sketch);
            return new ColumnProfile
            {
                Name = Column,
                Type = FeatureType.Fractional,
                Present = summary.Count,
                Missing = rows - summary.Count,
                Numeric = numeric,
                Distinct = new HyperLogLogPlusPlus(),
            };
        }
        var counts = metrics.State<BoundedValueCountsState>(new BoundedValueCountsKey(Column, CategoryCap));
        return new ColumnProfile
        {
            Name = Column,
            Type = FeatureType.String,
            Present = rows - nulls,
            Missing = nulls,
            Distinct = new HyperLogLogPlusPlus(),
            Categories = Profiler.Categories(counts),
        };
    }

    private Dictionary<string, object?> Details(FeatureDrift drift)
    {
        var details = new Dictionary<string, object?>
        {
            ["method"] = drift.Method,
            ["chosen_by"] = drift.ChosenByAuto ? "auto" : "user",
            ["statistic"] = Finite(drift.DecidingTest?.Statistic),
            ["p_value"] = Finite(drift.DecidingTest?.PValue),
            ["threshold"] = drift.DecidingTest?.Threshold,
            ["baseline"] = BaselineFolder,
            ["tests"] = drift.Tests.Select(t => (object?)new Dictionary<string, object?>
            {
                ["method"] = t.Method,
                ["statistic"] = Finite(t.Statistic),
                ["p_value"] = Finite(t.PValue),
                ["threshold"] = t.Threshold,
                ["drift_detected"] = t.Drifted,
            }).ToList(),
        };
        if (drift.Note is { } note)
        {
            details["note"] = note;
        }
        return details;
    }

    private static object? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
