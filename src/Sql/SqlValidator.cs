using System.Diagnostics;
using Dq.Expectations;
using Dq.Expectations.Catalog;
using Dq.Expectations.Metrics;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Expectations.Telemetry;
using Dq.Sql.Pushdown;
using Dq.Sql.Schema;

namespace Dq.Sql;

/// <summary>
/// Validates a table or query where it lives: the suite's metrics are computed by the database (aggregate queries,
/// distinct values with counts, samples of unexpected rows) and judged by dq, giving the
/// <see cref="ValidationResult"/> <see cref="Validator"/> gives for the same rows in a file.
/// </summary>
public static class SqlValidator
{
    /// <summary>Validates <paramref name="source"/> against <paramref name="suite"/>.</summary>
    /// <exception cref="DataReadException">The database could not be reached or refused a query; the message names the server and table, never a password.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static ValidationResult Validate(SqlSource source, ExpectationSuite suite, ValidationOptions? options = null, CancellationToken cancellationToken = default) =>
        Run(source, suite, options, cancellationToken).Result;

    /// <summary>The run with what it sent to the database, for tests and benchmarks.</summary>
    internal static SqlRun Run(SqlSource source, ExpectationSuite suite, ValidationOptions? options, CancellationToken cancellationToken) =>
        Run(source, suite, options, SqlMetrics.MaxExpressionsPerQuery, cancellationToken);

    /// <summary>As above, with at most <paramref name="expressionsPerQuery"/> aggregates per statement (1: one statement per metric, the benchmarks' baseline).</summary>
    internal static SqlRun Run(SqlSource source, ExpectationSuite suite, ValidationOptions? options, int expressionsPerQuery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(suite);
        options ??= new ValidationOptions();
        var started = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        using var session = source.Open();
        var schema = SqlSchemaReader.Read(session);
        var formats = suite.Expectations.Select(e => e.ResultFormatOverride ?? options.ResultFormat).ToList();
        var requests = suite.Expectations.SelectMany((e, i) => e.FilteredRequests(formats[i], schema)).ToList();
        var (metrics, paths) = SqlMetrics.Compute(session, schema, requests, expressionsPerQuery, cancellationToken);
        var context = new JudgeContext(suite.Name, source.Name, options.MetricHistory);
        var results = suite.Expectations.Select((e, i) => e.Judge(metrics.Scoped(e.Filter), schema, formats[i], context)).ToList();
        var run = new ValidationRunInfo(options.RunId ?? Guid.NewGuid().ToString("N"), started, source.Name, metrics.RowCount, stopwatch.Elapsed, Validator.Version);
        var result = new ValidationResult(suite.Name, results, run);
        DqMeter.Record(RunFigures.From(result));
        return new SqlRun(result, session.Statements, session.RowsReceived, paths) { Log = session.Log };
    }
}

/// <summary>A validation with the statements it sent, the rows it received and each metric's path.</summary>
internal sealed record SqlRun(ValidationResult Result, int Statements, long RowsReceived, IReadOnlyDictionary<MetricKey, string> Paths)
{
    /// <summary>Each statement with its time (statements streamed to the engine are not timed).</summary>
    public IReadOnlyList<(string Statement, TimeSpan Elapsed)> Log { get; init; } = [];

    /// <summary>How many metrics took each path ("aggregate", "distinct values", "pulled").</summary>
    public IReadOnlyDictionary<string, int> PathCounts => Paths.Values.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
}
