using System.Diagnostics;
using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Expectations.Conditions;
using Dq.Expectations.Execution;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Text;
using Dq.Expectations.Metrics;
using Dq.Expectations.Planning;

namespace Dq.Sql.Pushdown;

/// <summary>
/// Computes a suite's metric keys inside the database, giving the same states the in-memory engine gives, so
/// every expectation judges exactly as it does over a file. Each key takes one of three paths:
/// <list type="number">
/// <item>aggregates: one query per row condition (split at <see cref="MaxExpressionsPerQuery"/> expressions);</item>
/// <item>distinct values: <c>GROUP BY</c> the column, judged by dq's own kernel, weighted by the counts (regex,
/// strftime, JSON, dateutil and type checks, whose semantics SQL does not share, and sets or ranges of mixed types);</item>
/// <item>pulled: the few keys that need rows in order or several columns are computed by dq's engine over only
/// the columns they read.</item>
/// </list>
/// Preconditions (a missing column, a rule that does not fit a type) are the engine's own: the planner checks
/// every key against the schema first.
/// </summary>
internal sealed class SqlMetrics
{
    public const int MaxExpressionsPerQuery = 50;

    /// <summary>The most unexpected rows brought back for one expectation in the COMPLETE result format.</summary>
    public const int CompleteRowCap = 100_000;

    private readonly SqlSession _session;
    private readonly Apache.Arrow.Schema _schema;
    private readonly KernelVariant _variant;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<MetricKey, MetricState> _states = [];
    private readonly Dictionary<MetricKey, string> _failures = [];

    private readonly int _expressionsPerQuery;

    private SqlMetrics(SqlSession session, Apache.Arrow.Schema schema, KernelVariant variant, int expressionsPerQuery, CancellationToken cancellationToken)
    {
        _expressionsPerQuery = expressionsPerQuery;
        _session = session;
        _schema = schema;
        _variant = variant;
        _cancellationToken = cancellationToken;
    }

    /// <summary>How each key was computed, for tests and the documentation's claims.</summary>
    public Dictionary<MetricKey, string> Paths { get; } = [];

    private string From => _session.Source.Relation.FromText;

    /// <param name="session">The validation's connection.</param>
    /// <param name="schema">The relation's schema.</param>
    /// <param name="requests">The suite's metric requests.</param>
    /// <param name="expressionsPerQuery">The most aggregate expressions per query (1 gives the one-query-per-metric baseline of the benchmarks).</param>
    /// <param name="cancellationToken">Stops between statements and rows.</param>
    public static (MetricResults Results, Dictionary<MetricKey, string> Paths) Compute(
        SqlSession session, Apache.Arrow.Schema schema, IEnumerable<MetricRequest> requests, int expressionsPerQuery, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var metrics = new SqlMetrics(session, schema, KernelVariants.Best, Math.Clamp(expressionsPerQuery, 1, MaxExpressionsPerQuery), cancellationToken);
        var limits = new Dictionary<MetricKey, int> { [new RowCountKey()] = 0 };
        foreach (var request in requests)
        {
            limits[request.Key] = Math.Max(request.SampleLimit, limits.GetValueOrDefault(request.Key));
        }
        var dependent = limits.Keys.Where(k => k.Prerequisites.Any()).ToList();
        var first = limits.Where(l => !l.Key.Prerequisites.Any()).ToDictionary(l => l.Key, l => l.Value);
        foreach (var prerequisite in dependent.SelectMany(d => d.Prerequisites.Select(p => p with { Filter = d.Filter })))
        {
            first.TryAdd(prerequisite, 0);
        }
        metrics.Run(first, prior: null);
        if (dependent.Count > 0)
        {
            var prior = metrics.Results(stopwatch.Elapsed);
            metrics.Run(dependent.ToDictionary(k => k, k => limits[k]), prior);
        }
        return (metrics.Results(stopwatch.Elapsed), metrics.Paths);
    }

    private MetricResults Results(TimeSpan elapsed)
    {
        var rows = ((RowCountState)_states[new RowCountKey()]).Rows;
        return new MetricResults(new Dictionary<MetricKey, MetricState>(_states), new Dictionary<MetricKey, string>(_failures), new ExecutionStatistics(rows, 1, Paths.Count, elapsed));
    }

    private void Run(Dictionary<MetricKey, int> limits, MetricResults? prior)
    {
        // The engine's planner checks every key against the schema: the same failures, in the same words.
        var check = Planner.Plan(limits.Select(l => new MetricRequest(l.Key, l.Value)), _schema, _variant, prior);
        foreach (var (key, failure) in check.Failures)
        {
            _failures[key] = failure;
        }
        var aggregates = new List<(MetricKey Key, IPushdown Pushdown)>();
        var distinct = new List<MetricKey>();
        var pulled = new List<MetricKey>();
        foreach (var key in limits.Keys.Where(k => !check.Failures.ContainsKey(k)))
        {
            if (prior is null && !key.Prerequisites.Any() && FilterCompiles(key.Filter) && PushdownCatalog.TryCreate(key, _schema, From) is { } pushdown)
            {
                aggregates.Add((key, pushdown));
            }
            else if (prior is null && FilterCompiles(key.Filter) && DistinctValuesPath.Accepts(key, _schema))
            {
                distinct.Add(key);
            }
            else
            {
                pulled.Add(key);
            }
        }
        RunUniqueness(aggregates, limits);
        RunAggregates(aggregates, limits);
        RunDistinct(distinct, limits);
        SampleQuery.ResolvePositions(_session, _cancellationToken);
        RunPulled(pulled, limits, prior);
    }

    private bool FilterCompiles(RowFilter? filter)
    {
        if (filter is null)
        {
            return true;
        }
        var dry = new SqlCommandText(_session);
        using (dry.Command)
        {
            return ConditionSql.TryCompile(filter, _schema, dry) is not null;
        }
    }

    private void RunAggregates(List<(MetricKey Key, IPushdown Pushdown)> aggregates, Dictionary<MetricKey, int> limits)
    {
        foreach (var group in aggregates.GroupBy(a => a.Key.Filter))
        {
            var pending = group.ToList();
            while (pending.Count > 0)
            {
                var sql = new SqlCommandText(_session);
                var where = ConditionSql.TryCompile(group.Key, _schema, sql)!;
                var expressions = new List<string>();
                var served = new List<(MetricKey Key, IPushdown Pushdown, int First, int Count)>();
                while (pending.Count > 0)
                {
                    var (key, pushdown) = pending[0];
                    var parts = pushdown.Aggregates(sql, where);
                    if (expressions.Count > 0 && expressions.Count + parts.Count > _expressionsPerQuery)
                    {
                        break; // the next query starts with this key (its parameters are rebound there)
                    }
                    served.Add((key, pushdown, expressions.Count, parts.Count));
                    expressions.AddRange(parts);
                    pending.RemoveAt(0);
                }
                // count(*) first keeps the statement an aggregate (one row) even when it holds only uniqueness subqueries.
                sql.Command.CommandText = $"SELECT count(*),\n  {string.Join(",\n  ", expressions)}\nFROM {From}\nWHERE {where}";
                var values = new object?[expressions.Count];
                _session.Execute(sql.Command, reader =>
                {
                    for (var i = 0; i < values.Length; i++)
                    {
                        values[i] = reader.IsDBNull(i + 1) ? null : reader.GetValue(i + 1);
                    }
                }, _cancellationToken);
                foreach (var (key, pushdown, start, count) in served)
                {
                    var limit = limits[key];
                    var state = pushdown.Build(values[start..(start + count)], limit);
                    _states[key] = state;
                    Paths[key] = "aggregate";
                    if (state is UnexpectedRowsState { Count: > 0 } rows && limit > 0)
                    {
                        SampleQuery.Fill(_session, _schema, key.Filter, pushdown, rows, limit, _cancellationToken);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Uniqueness checks that show samples, on a table in storage order: one GROUP BY gives both the count of
    /// duplicated rows and the first duplicated values, where the aggregate query's subquery and a sample query
    /// would group the column twice. They leave <paramref name="aggregates"/>.
    /// </summary>
    private void RunUniqueness(List<(MetricKey Key, IPushdown Pushdown)> aggregates, Dictionary<MetricKey, int> limits)
    {
        if (!StorageOrder.Applies(_session))
        {
            return;
        }
        foreach (var (key, pushdown) in aggregates.Where(a => a.Pushdown.SamplesDuplicates && limits[a.Key] > 0).ToList())
        {
            var field = _schema.GetFieldByIndex(_schema.GetFieldIndex(((ColumnMetricKey)key).Column));
            if (SampleQuery.DuplicateGroups(_session, _schema, key.Filter, field, limits[key]) is not { } groups)
            {
                continue;
            }
            var rows = new UnexpectedRowsState(limits[key]) { Count = groups.Total };
            SampleQuery.FillDuplicates(_session, _schema, key.Filter, field, groups.Values, rows, limits[key], _cancellationToken);
            _states[key] = rows;
            Paths[key] = "aggregate";
            aggregates.Remove((key, pushdown));
        }
    }

    private void RunDistinct(List<MetricKey> keys, Dictionary<MetricKey, int> limits)
    {
        foreach (var group in keys.GroupBy(k => (((ColumnMetricKey)k).Column, k.Filter)))
        {
            var field = _schema.GetFieldByIndex(_schema.GetFieldIndex(group.Key.Column));
            var values = DistinctValues.Fetch(_session, field, group.Key.Filter, _schema);
            var unfiltered = group.Select(k => k with { Filter = null }).Where(k => k is not ValueCountsKey).ToList();
            MetricResults? judged = null;
            if (unfiltered.Count > 0)
            {
                using var source = new RecordBatchSource(values.Batch, "distinct values");
                var plan = Planner.Plan(unfiltered.Select(k => new MetricRequest(k, int.MaxValue)), values.Batch.Schema, _variant);
                judged = PlanExecutor.Run(source, plan, new ExecutionOptions { Threads = 1 }, _cancellationToken);
            }
            foreach (var key in group)
            {
                Paths[key] = "distinct values";
                if (key is ValueCountsKey)
                {
                    var column = values.Batch.Column(0);
                    _states[key] = new SqlValueCounts([.. Enumerable.Range(0, values.Batch.Length)
                        .Where(i => !column.IsNull(i)).Select(i => (ArrowValues.Get(column, i), values.Weights[i]))]);
                    continue;
                }
                var plain = key with { Filter = null };
                if (judged!.FailureOf(plain) is { } failure)
                {
                    _failures[key] = failure;
                    continue;
                }
                _states[key] = DistinctValuesPath.Weigh(_session, _schema, key, judged.State<MetricState>(plain), values, limits[key], _cancellationToken);
            }
        }
    }

    private void RunPulled(List<MetricKey> keys, Dictionary<MetricKey, int> limits, MetricResults? prior)
    {
        if (keys.Count == 0)
        {
            return;
        }
        var plan = Planner.Plan(keys.Select(k => new MetricRequest(k, limits[k])), _schema, _variant, prior);
        using var source = new SqlBatchSource(_session.Source, _session, _schema);
        var results = PlanExecutor.Run(source, plan, new ExecutionOptions(), _cancellationToken);
        foreach (var key in keys)
        {
            Paths[key] = "pulled";
            if (results.FailureOf(key) is { } failure)
            {
                _failures[key] = failure;
            }
            else
            {
                _states[key] = results.State<MetricState>(key);
            }
        }
    }
}
