using Apache.Arrow;
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
    }

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

    /// <summary>A failed result for an expectation that could not be evaluated (missing column, wrong type).</summary>
    private protected ExpectationResult CannotJudge(string reason) =>
        new(Configuration, success: false, result: new ResultDetails(), new ExceptionInfo(true, reason));

    /// <summary>A result with only <c>success</c> at BOOLEAN_ONLY, else the given details.</summary>
    private protected ExpectationResult Judged(bool success, ResultFormat format, Func<ResultDetails> details) =>
        new(Configuration, success, format.Level == ResultFormatLevel.BooleanOnly ? null : details());
}
