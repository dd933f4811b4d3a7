using System.Diagnostics;
using System.Reflection;
using Apache.Arrow;
using Dq.Expectations.Catalog;
using Dq.Expectations.Columns;
using Dq.Expectations.Execution;
using Dq.Expectations.Kernels;
using Dq.Expectations.Planning;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Expectations.Telemetry;

namespace Dq.Expectations;

/// <summary>
/// Validates data against a suite: plans the metrics of every expectation, computes them in shared scans over the
/// batches (in parallel), and judges each expectation.
/// </summary>
public static class Validator
{
    /// <summary>The version of dq, written into every result.</summary>
    public static string Version { get; } =
        typeof(Validator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Validates the batches of <paramref name="source"/> against <paramref name="suite"/>.</summary>
    /// <remarks>
    /// Bad data gives failed results, never an exception; a missing column or a rule that does not fit the column's
    /// type gives a failed result with <see cref="ExpectationResult.ExceptionInfo"/>. The run's figures are recorded on
    /// <see cref="DqMeter"/>.
    /// </remarks>
    /// <exception cref="DataReadException">The source could not be read.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static ValidationResult Validate(IBatchSource source, ExpectationSuite suite, ValidationOptions? options = null, CancellationToken cancellationToken = default) =>
        Validate(source, suite, options, variant: null, cancellationToken).Result;

    /// <summary>Validates one in-memory batch.</summary>
    public static ValidationResult Validate(RecordBatch batch, ExpectationSuite suite, ValidationOptions? options = null)
    {
        using var source = new RecordBatchSource(batch);
        return Validate(source, suite, options);
    }

    /// <summary>The full run, with the engine's statistics, for tests and benchmarks.</summary>
    internal static (ValidationResult Result, ExecutionStatistics Statistics) Validate(
        IBatchSource source, ExpectationSuite suite, ValidationOptions? options, KernelVariant? variant, CancellationToken cancellationToken, int blockRows = 0)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(suite);
        options ??= new ValidationOptions();
        var started = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        var schema = source.Schema;

        var formats = suite.Expectations.Select(e => e.ResultFormatOverride ?? options.ResultFormat).ToList();
        var requests = suite.Expectations.SelectMany((e, i) => e.FilteredRequests(formats[i], schema)).ToList();
        var execution = new ExecutionOptions { Threads = options.Threads, Variant = variant, BlockRows = blockRows };
        var metrics = Compute(source, schema, requests, execution, variant ?? KernelVariants.Best, cancellationToken);

        var context = new JudgeContext(suite.Name, source.Name, options.MetricHistory);
        var results = suite.Expectations.Select((e, i) => e.Judge(metrics.Scoped(e.Filter), schema, formats[i], context)).ToList();
        var run = new ValidationRunInfo(
            options.RunId ?? Guid.NewGuid().ToString("N"), started, source.Name, metrics.RowCount, stopwatch.Elapsed, Version);
        var result = new ValidationResult(suite.Name, results, run);
        DqMeter.Record(RunFigures.From(result));
        return (result, metrics.Statistics);
    }

    /// <summary>
    /// Computes the requests in one pass over the data, or two when some metric needs another first (a z-score
    /// needs the mean): the first pass computes everything that needs nothing, the second the rest.
    /// </summary>
    private static MetricResults Compute(IBatchSource source, Schema schema, List<MetricRequest> requests, ExecutionOptions execution, KernelVariant variant, CancellationToken cancellationToken)
    {
        var dependent = requests.Where(r => r.Key.Prerequisites.Any()).ToList();
        var first = requests.Except(dependent)
            .Concat(dependent.SelectMany(r => r.Key.Prerequisites.Select(p => new MetricRequest(p with { Filter = r.Key.Filter }))));
        var metrics = PlanExecutor.Run(source, Planner.Plan(first, schema, variant), execution, cancellationToken);
        if (dependent.Count == 0)
        {
            return metrics;
        }
        var second = PlanExecutor.Run(source, Planner.Plan(dependent, schema, variant, metrics), execution, cancellationToken);
        return metrics.Union(second);
    }
}
