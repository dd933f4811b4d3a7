using System.Globalization;
using Apache.Arrow;
using Dq.Expectations.Baselines;
using Dq.Expectations.Execution;
using Dq.Expectations.Metrics;
using Dq.Expectations.Monitoring;
using Dq.Expectations.Planning;
using Dq.Expectations.Profiling;
using Dq.Expectations.Results;
using Dq.Expectations.Sketches;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_table_to_match_baseline</c> (a dq expectation): the table must raise no SageMaker constraint violation
/// against a baseline folder, exactly as <c>dq monitor</c> judges it, so a checkpoint's <c>baseline:</c> validation is
/// stored, reported in JUnit and shown in data docs like any suite.
/// </summary>
/// <remarks>
/// Kwargs: <c>baseline</c> (the folder), and optionally the run-wide overrides of <c>dq monitor</c> with
/// constraints.json's names: <c>datatype_check_threshold</c>, <c>domain_content_threshold</c>, <c>comparison_threshold</c>,
/// <c>comparison_method</c>, <c>categorical_comparison_threshold</c>, <c>categorical_drift_method</c>,
/// <c>completeness_margin</c>, <c>completeness_alpha</c>. <c>observed_value</c> is the number of violations; <c>details</c>
/// holds them in constraint_violations.json's shape and the drift summary (columns drifted by Evidently's defaults).
/// </remarks>
public sealed class ExpectTableToMatchBaseline : Expectation
{
    /// <summary>The type name.</summary>
    public const string TypeName = "expect_table_to_match_baseline";

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectTableToMatchBaseline(c, k),
        static d => d.Sentence("the table must raise no constraint violation against the baseline {baseline}"));

    private readonly Baseline _baseline;
    private readonly MonitorOptions _options;

    internal ExpectTableToMatchBaseline(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        BaselineFolder = kwargs.RequiredString("baseline");
        try
        {
            _baseline = Baseline.Load(BaselineFolder);
        }
        catch (ConfigurationException e)
        {
            throw kwargs.Error("baseline", $"cannot be used: {e.Message}", "give the folder `dq profile <data> --out <folder>` wrote");
        }
        _options = new MonitorOptions
        {
            Run = new MonitorSettings
            {
                DatatypeCheckThreshold = Share(kwargs, "datatype_check_threshold"),
                DomainContentThreshold = Share(kwargs, "domain_content_threshold"),
                ComparisonThreshold = Share(kwargs, "comparison_threshold"),
                ComparisonMethod = Parse<ComparisonMethod>(kwargs, "comparison_method", "Simple or Robust"),
                CategoricalComparisonThreshold = Share(kwargs, "categorical_comparison_threshold"),
                CategoricalDriftMethod = Parse<CategoricalDriftMethod>(kwargs, "categorical_drift_method", "LInfinity or ChiSquared"),
                CompletenessMargin = Share(kwargs, "completeness_margin"),
                CompletenessAlpha = Share(kwargs, "completeness_alpha"),
            },
        };
        if (Filter is not null)
        {
            throw kwargs.Error("row_condition", "is not supported here: a baseline describes the whole table", "filter the data before monitoring it, or use expect_column_distribution_to_match_baseline per column");
        }
        kwargs.RejectUnknown();
    }

    /// <summary>The baseline folder, as given.</summary>
    public string BaselineFolder { get; }

    private static double? Share(KwargReader kwargs, string name)
    {
        if (kwargs.OptionalNumber(name) is not { } number)
        {
            return null;
        }
        var value = Convert.ToDouble(number, CultureInfo.InvariantCulture);
        return value is >= 0 and <= 1 ? value : throw kwargs.Error(name, $"is {value.ToString(CultureInfo.InvariantCulture)}", "give a share between 0 and 1");
    }

    private static T? Parse<T>(KwargReader kwargs, string name, string expected)
        where T : struct, Enum =>
        kwargs.OptionalString(name) is not { } text ? null
            : Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) ? value
            : throw kwargs.Error(name, $"is `{text}`", $"give {expected}");

    private IEnumerable<string> Columns => _baseline.Constraints.Features.Select(f => f.Name)
        .Concat(_baseline.Statistics.Features.Select(f => f.Name)).Distinct(StringComparer.Ordinal);

    /// <summary>Without the data's schema nothing can be profiled by type; the validator always asks with it.</summary>
    internal override IEnumerable<MetricRequest> Requests(ResultFormat format) => [new MetricRequest(new RowCountKey())];

    /// <summary>
    /// The profile's metrics for each baseline column the data has, by the column's type (as <c>dq monitor</c> asks
    /// for them), and the set-membership count of each text column with a baseline domain.
    /// </summary>
    internal override IEnumerable<MetricRequest> Requests(ResultFormat format, Schema schema)
    {
        yield return new MetricRequest(new RowCountKey());
        var known = Columns.ToHashSet(StringComparer.Ordinal);
        foreach (var field in schema.FieldsList.Where(f => known.Contains(f.Name)))
        {
            foreach (var key in ProfileKeys(field))
            {
                yield return new MetricRequest(key);
            }
            if (BaselineMonitor.DomainKey(_baseline, field) is { } domainKey)
            {
                yield return new MetricRequest(domainKey, DomainCount.ExampleLimit);
            }
        }
    }

    private static IEnumerable<MetricKey> ProfileKeys(Field field) =>
        Profiler.Requests(field.Name, Profiler.ValueType(field.DataType), ProfileOptions.DefaultCategoricalThreshold);

    internal override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format)
    {
        var rows = metrics.RowCount;
        var known = Columns.ToHashSet(StringComparer.Ordinal);
        var columns = new List<ColumnProfile>();
        var outside = new Dictionary<string, DomainCount>(StringComparer.Ordinal);
        foreach (var field in schema.FieldsList)
        {
            if (!known.Contains(field.Name))
            {
                columns.Add(new ColumnProfile { Name = field.Name, Type = FeatureType.Unknown, Present = 0, Missing = rows, Distinct = new HyperLogLogPlusPlus() });
                continue;
            }
            if (ProfileKeys(field).Select(metrics.FailureOf).FirstOrDefault(f => f is not null) is { } failure)
            {
                return CannotJudge($"`{field.Name}` could not be profiled: {failure}");
            }
            columns.Add(Profiler.Column(field.Name, Profiler.ValueType(field.DataType), rows, metrics, ProfileOptions.DefaultCategoricalThreshold));
            if (BaselineMonitor.DomainKey(_baseline, field) is { } domainKey)
            {
                outside[field.Name] = BaselineMonitor.DomainCountOf(metrics.UnexpectedRows(domainKey));
            }
        }
        var report = BaselineMonitor.Compare(_baseline, new DataProfile("", rows, columns), _options, outside);
        return Judged(report.Success, format, () => new ResultDetails
        {
            HasObservedValue = true,
            ObservedValue = (long)report.Violations.Count,
            Details = new Dictionary<string, object?>
            {
                ["baseline"] = BaselineFolder,
                ["violations"] = report.Violations.Select(v => (object?)new Dictionary<string, object?>
                {
                    ["feature_name"] = v.FeatureName,
                    ["constraint_check_type"] = v.CheckType,
                    ["description"] = v.Description,
                }).ToList(),
                ["drift"] = new Dictionary<string, object?>
                {
                    ["share_drifted"] = report.Drift.ShareDrifted,
                    ["dataset_drift"] = report.Drift.DatasetDrift,
                    ["drifted_columns"] = report.Drift.Features.Where(f => f.DriftDetected).Select(f => (object?)f.Name).ToList(),
                },
            },
        });
    }
}
