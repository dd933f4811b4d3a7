using System.Globalization;
using Apache.Arrow;
using Dq.Expectations.Anomalies;
using Dq.Expectations.Execution;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// <c>expect_metric_to_not_be_anomalous</c> (a dq expectation, after Deequ's anomaly checks): today's value of a metric
/// (the row count, or a column's null fraction, mean, sum, minimum, maximum, standard deviation or distinct count) must
/// not be an anomaly given the same metric in earlier runs, by one of Deequ's strategies.
/// </summary>
/// <remarks>
/// <para>Kwargs: <c>metric</c>, <c>column</c> (for the column metrics), <c>strategy</c> (a name, or an object with a
/// <c>name</c> and the strategy's parameters: see <see cref="AnomalyStrategyReader"/>), and <c>window</c>, the number
/// of earlier runs to use (default 100, the newest).</para>
/// <para>The history comes from <see cref="ValidationOptions.MetricHistory"/>; the dq tool reads it from its
/// validation store. Without a history, or with fewer earlier values than the strategy needs, the expectation passes
/// and says so in <c>details.note</c>. The result holds <c>observed_value</c> and <c>details</c>: <c>history</c> (the
/// values used, oldest first), <c>expected_range</c> <c>[low, high]</c> (null for an open side) and <c>strategy</c>.</para>
/// </remarks>
public sealed class ExpectMetricToNotBeAnomalous : Expectation
{
    /// <summary>The type name.</summary>
    public const string TypeName = "expect_metric_to_not_be_anomalous";

    /// <summary>How many earlier runs are used when <c>window</c> is not given.</summary>
    public const int DefaultWindow = 100;

    /// <summary>The catalogue row: the type's name, constructor and sentence.</summary>
    internal static ExpectationDescriptor Descriptor { get; } = new(TypeName, static (c, k) => new ExpectMetricToNotBeAnomalous(c, k),
        static d =>
        {
            var what = AnomalyMetric.Find(d.Text("metric") ?? "")?.Words ?? "{metric}";
            var over = d.Has("window") ? " over the last {window} runs" : "";
            return d.Sentence($"{what} must not be anomalous compared with earlier runs{over}, by {{strategy}}");
        });

    private readonly AnomalyMetric _metric;

    internal ExpectMetricToNotBeAnomalous(ExpectationConfiguration configuration, KwargReader kwargs)
        : base(configuration, kwargs)
    {
        var metric = kwargs.RequiredString("metric");
        _metric = AnomalyMetric.Find(metric)
            ?? throw kwargs.Error("metric", $"is `{metric}`, which dq cannot watch.{Spelling.DidYouMean(metric, AnomalyMetric.All.Select(m => m.Name))}",
                $"use one of {string.Join(", ", AnomalyMetric.All.Select(m => $"`{m.Name}`"))}");
        Column = _metric.HasColumn ? kwargs.RequiredString("column") : kwargs.OptionalString("column");
        if (!_metric.HasColumn && Column is not null)
        {
            throw kwargs.Error("column", "is given for `row_count`, a metric of the whole table", "remove it, or watch a column metric such as `column_null_fraction`");
        }
        Strategy = AnomalyStrategyReader.Read(kwargs);
        var window = kwargs.OptionalInteger("window") ?? DefaultWindow;
        if (window is < 1 or > 1_000_000)
        {
            throw kwargs.Error("window", $"is {window.ToString(CultureInfo.InvariantCulture)}", "give how many earlier runs to use, 1 or more (default 100)");
        }
        Window = (int)window;
        RowCondition = kwargs.OptionalString("row_condition") is { Length: > 0 } condition ? condition : null;
        kwargs.RejectUnknown();
    }

    /// <summary>The metric watched, such as <c>row_count</c> or <c>column_mean</c>.</summary>
    public string Metric => _metric.Name;

    /// <summary>The column measured, or null for <c>row_count</c>.</summary>
    public string? Column { get; }

    /// <summary>The strategy that judges today's value.</summary>
    public AnomalyStrategy Strategy { get; }

    /// <summary>How many earlier runs are used at most.</summary>
    public int Window { get; }

    private string? RowCondition { get; }

    /// <summary>
    /// The history key of an expectation of this type (<see cref="MetricHistoryQuery.Key"/>), read leniently from its
    /// configuration, as a store does for each stored result; null for other types or unreadable kwargs.
    /// </summary>
    public static string? HistoryKey(ExpectationConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.Type != TypeName || Text(configuration, "metric") is not { Length: > 0 } metric)
        {
            return null;
        }
        return MetricHistoryQuery.KeyOf(metric, configuration.Column, Text(configuration, "row_condition"));
    }

    private static string? Text(ExpectationConfiguration configuration, string kwarg) =>
        JsonScalars.TryGetScalar(configuration.Kwargs[kwarg], out var value) ? value as string : null;

    internal override IEnumerable<MetricRequest> Requests(ResultFormat format) => _metric.Keys(Column).Select(k => new MetricRequest(k));

    internal override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format) =>
        Judge(metrics, schema, format, new JudgeContext("", "", null));

    internal override ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format, JudgeContext context)
    {
        if (_metric.Keys(Column).Select(metrics.FailureOf).FirstOrDefault(f => f is not null) is { } failure)
        {
            return CannotJudge(failure);
        }
        object? observed;
        try
        {
            observed = _metric.Observe(metrics, Column);
        }
        catch (Kernels.MetricPreconditionException e)
        {
            return CannotJudge(e.Message);
        }
        var value = observed is null ? double.NaN : Convert.ToDouble(observed, CultureInfo.InvariantCulture);
        if (observed is null || !double.IsFinite(value))
        {
            return NothingObserved(format);
        }
        if (context.History is null)
        {
            return Passed(format, observed, [], null, "no metric history was given to this run (the dq tool keeps one in its validation store), so there is nothing to compare with");
        }
        var history = context.History.Values(new MetricHistoryQuery(context.Suite, context.DataAsset, Metric, Column, RowCondition, Window))
            .Where(double.IsFinite).TakeLast(Window).ToList();
        if (history.Count < Strategy.MinimumHistory)
        {
            return Passed(format, observed, history, null,
                $"too little history: {history.Count} earlier value{(history.Count == 1 ? "" : "s")}, and `{Strategy.Name}` needs {Strategy.MinimumHistory}");
        }
        var check = Strategy.Check(history, value);
        return Judged(!check.IsAnomalous, format, () => Details(observed, history, check, null));
    }

    private ExpectationResult Passed(ResultFormat format, object observed, IReadOnlyList<double> history, AnomalyCheckResult? check, string note) =>
        Judged(true, format, () => Details(observed, history, check, note));

    private ResultDetails Details(object observed, IReadOnlyList<double> history, AnomalyCheckResult? check, string? note)
    {
        var details = new Dictionary<string, object?>
        {
            ["history"] = history.Select(v => (object?)v).ToList(),
            ["expected_range"] = check is { } c ? new List<object?> { Finite(c.Lower), Finite(c.Upper) } : null,
            ["strategy"] = new Dictionary<string, object?>(Strategy.Parameters.Prepend(new("name", Strategy.Name))),
        };
        if (note is not null)
        {
            details["note"] = note;
        }
        return new ResultDetails { HasObservedValue = true, ObservedValue = observed, Details = details };
    }

    /// <summary>An open side of the range is null in JSON, which has no infinity.</summary>
    private static object? Finite(double limit) => double.IsFinite(limit) ? limit : null;
}
