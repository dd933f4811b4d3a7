using Apache.Arrow;
using Dq.Expectations.Conditions;
using Dq.Expectations.Execution;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// A declared rule about data: an immutable value that checks its kwargs when created, lists the metrics it
/// needs, and judges their values. It never touches data.
/// </summary>
/// <remarks>
/// Create expectations through <see cref="ExpectationCatalog.Create"/>, a suite file or <see cref="SuiteBuilder"/>.
/// Each subclass is one GX expectation type, named after it.
/// </remarks>
public abstract class Expectation
{
    private protected Expectation(ExpectationConfiguration configuration, KwargReader kwargs)
    {
        Configuration = configuration;
        var format = kwargs.Node("result_format");
        try
        {
            ResultFormatOverride = format is null ? null : ResultFormat.Parse(format, ResultFormat.Summary);
        }
        catch (ConfigurationException e)
        {
            throw new ConfigurationException($"{kwargs.Location}: {e.Message}", e);
        }
        kwargs.Boolean("catch_exceptions", true);
        kwargs.Boolean("include_config", true);
        Filter = ReadFilter(kwargs);
    }

    /// <summary>The rows the expectation applies to, from <c>row_condition</c>; null for all rows.</summary>
    internal RowFilter? Filter { get; }

    /// <summary>The expectation as declared.</summary>
    public ExpectationConfiguration Configuration { get; }

    /// <summary>The GX type name.</summary>
    public string Type => Configuration.Type;

    /// <summary>The expectation's own <c>result_format</c> kwarg, which overrides the run's.</summary>
    internal ResultFormat? ResultFormatOverride { get; }

    /// <summary>The metrics this expectation needs at a given result format.</summary>
    internal abstract IEnumerable<MetricRequest> Requests(ResultFormat format);

    /// <summary>Turns the computed metrics into a result. Pure: no data access.</summary>
    internal abstract ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format);

    /// <summary>
    /// Judges with what the run knows beyond the metrics: the suite, the data asset and the metric history. Only
    /// expectations that compare with earlier runs need it; the others judge from the metrics alone.
    /// </summary>
    internal virtual ExpectationResult Judge(MetricResults metrics, Schema schema, ResultFormat format, JudgeContext context) =>
        Judge(metrics, schema, format);

    /// <summary>
    /// The metrics to compute when what to ask for depends on the data's column types (a baseline comparison profiles
    /// each column by its type); by default the same as <see cref="Requests(ResultFormat)"/>.
    /// </summary>
    internal virtual IEnumerable<MetricRequest> Requests(ResultFormat format, Schema schema) => Requests(format);

    /// <summary>The requests with the expectation's row filter applied: what the planner receives.</summary>
    internal IEnumerable<MetricRequest> FilteredRequests(ResultFormat format, Schema schema) =>
        Filter is null ? Requests(format, schema) : Requests(format, schema).Select(r => r with { Key = r.Key with { Filter = Filter } });

    private static RowFilter? ReadFilter(KwargReader kwargs)
    {
        var parser = kwargs.OptionalString("condition_parser");
        if (parser == "spark")
        {
            throw kwargs.Error("condition_parser", "(\"spark\") takes Spark SQL conditions, which dq does not read",
                "rewrite the condition in dq's language (pandas-style, see docs/conditions.md) and set \"pandas\" or \"great_expectations\"");
        }
        if (parser is not (null or "pandas" or "great_expectations" or "great_expectations__experimental__"))
        {
            throw kwargs.Error("condition_parser", $"(\"{parser}\") is not a valid condition parser",
                "use \"pandas\" or \"great_expectations\" (dq reads both with one condition language, see docs/conditions.md)");
        }
        if (kwargs.OptionalString("row_condition") is not { Length: > 0 } condition)
        {
            return null;
        }
        try
        {
            return RowFilter.Parse(condition);
        }
        catch (ConditionSyntaxException e)
        {
            throw kwargs.Error("row_condition", $"does not parse: {e.Message}", "see docs/conditions.md for the condition language");
        }
    }

    /// <summary>A failed result for an expectation that could not be evaluated (missing column, wrong type).</summary>
    private protected ExpectationResult CannotJudge(string reason) =>
        new(Configuration, success: false, result: new ResultDetails(), new ExceptionInfo(true, reason));

    /// <summary>A column with no value has nothing to measure: a failed result with <c>observed_value: null</c>, as in GX.</summary>
    private protected ExpectationResult NothingObserved(ResultFormat format) =>
        Judged(false, format, () => new ResultDetails { HasObservedValue = true, ObservedValue = null });

    /// <summary>A result with only <c>success</c> at BOOLEAN_ONLY, else the given details.</summary>
    private protected ExpectationResult Judged(bool success, ResultFormat format, Func<ResultDetails> details) =>
        new(Configuration, success, format.Level == ResultFormatLevel.BooleanOnly ? null : details());
}
