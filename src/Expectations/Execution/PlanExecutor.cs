using System.Collections.Concurrent;
using System.Diagnostics;
using System.Numerics;
using Apache.Arrow;
using Dq.Expectations.Columns;
using Dq.Expectations.Conditions;
using Dq.Expectations.Kernels;
using Dq.Expectations.Metrics;
using Dq.Expectations.Planning;

namespace Dq.Expectations.Execution;

/// <summary>
/// Runs a plan over a stream of batches: the calling thread reads batches in order and numbers their rows,
/// workers scan them in parallel, each into its own states, and the states merge at the end.
/// </summary>
/// <remarks>
/// The queue between reader and workers is bounded, so at most a few batches are in memory however large the
/// source. States merge associatively and commutatively, so neither the thread count nor which worker saw which
/// batch changes a result.
/// </remarks>
internal static class PlanExecutor
{
    public static MetricResults Run(IBatchSource source, ExecutionPlan plan, ExecutionOptions options, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var threads = options.EffectiveThreads;
        var statesBySlot = new MetricState[plan.SlotCount][];
        var expectedRows = source.KnownRowCount ?? 0;
        foreach (var metric in plan.Metrics)
        {
            statesBySlot[metric.Slot] = metric.Kernel.CreateStates(threads, expectedRows);
        }
        var workers = Enumerable.Range(0, threads).Select(w => new Worker(plan, options.EffectiveBlockRows, statesBySlot, w)).ToArray();
        long rows = 0, batches = 0;

        if (threads == 1)
        {
            foreach (var batch in source.ReadBatches(plan.Columns, cancellationToken))
            {
                workers[0].Scan(batch, rows);
                rows += batch.Length;
                batches++;
                source.ReleaseBatch(batch);
            }
        }
        else
        {
            (rows, batches) = RunParallel(source, plan, workers, cancellationToken);
        }

        var merged = workers[0].States;
        foreach (var worker in workers.Skip(1))
        {
            for (var slot = 0; slot < merged.Length; slot++)
            {
                merged[slot].Merge(worker.States[slot]);
            }
        }
        var states = plan.Metrics.Select(m => (m.Key, m.Slot)).Concat(plan.RowCounts.Select(r => ((MetricKey)r.Key, r.Slot)))
            .ToDictionary(m => m.Item1, m => merged[m.Item2]);
        var scans = workers.Sum(w => w.ColumnScans);
        return new MetricResults(states, plan.Failures, new ExecutionStatistics(rows, batches, scans, stopwatch.Elapsed));
    }

    private static (long Rows, long Batches) RunParallel(IBatchSource source, ExecutionPlan plan, Worker[] workers, CancellationToken cancellationToken)
    {
        using var queue = new BlockingCollection<(RecordBatch Batch, long FirstRowIndex)>(boundedCapacity: workers.Length * 2);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var tasks = workers.Select(worker => Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var (batch, first) in queue.GetConsumingEnumerable(failed.Token))
                {
                    worker.Scan(batch, first);
                    source.ReleaseBatch(batch);
                }
            }
            catch (Exception) when (!failed.IsCancellationRequested)
            {
                failed.Cancel(); // stop the reader and the other workers; the exception surfaces from WaitAll
                throw;
            }
        }, failed.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();

        long rows = 0, batches = 0;
        try
        {
            foreach (var batch in source.ReadBatches(plan.Columns, failed.Token))
            {
                var length = batch.Length; // read before a worker may release it
                queue.Add((batch, rows), failed.Token);
                rows += length;
                batches++;
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // A worker failed: its exception is the one to report.
        }
        finally
        {
            queue.CompleteAdding();
        }
        try
        {
            Task.WaitAll(tasks);
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault(x => x is not OperationCanceledException) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
        cancellationToken.ThrowIfCancellationRequested();
        return (rows, batches);
    }

    /// <summary>One thread's states, and the scan loop.</summary>
    private sealed class Worker
    {
        private readonly ExecutionPlan _plan;
        private readonly int _blockRows;

        public Worker(ExecutionPlan plan, int blockRows, MetricState[][] statesBySlot, int index)
        {
            _plan = plan;
            _blockRows = blockRows;
            States = new MetricState[plan.SlotCount];
            foreach (var metric in plan.Metrics)
            {
                States[metric.Slot] = statesBySlot[metric.Slot][index];
            }
            foreach (var count in plan.RowCounts)
            {
                States[count.Slot] = new RowCountState();
            }
        }

        public MetricState[] States { get; }

        public long ColumnScans { get; private set; }

        public void Scan(RecordBatch batch, long firstRowIndex)
        {
            // Each row condition is evaluated once per batch, whatever the number of scans and counts that use it.
            var selections = new Dictionary<RowFilter, ulong[]>();
            ulong[]? Selection(RowFilter? filter) =>
                filter is null ? null : selections.TryGetValue(filter, out var words) ? words : selections[filter] = ConditionEvaluator.Evaluate(filter, batch);

            foreach (var count in _plan.RowCounts)
            {
                var selection = Selection(count.Key.Filter);
                ((RowCountState)States[count.Slot]).Rows += selection is null ? batch.Length : selection.Sum(w => (long)BitOperations.PopCount(w));
            }
            foreach (var scan in _plan.Scans)
            {
                var arrays = scan.Columns.Select(c => ColumnOf(batch, c, scan.Decode)).ToArray();
                ColumnScans++;
                // Block by block, every kernel of the scan in turn: the columns are read from memory once.
                var selection = Selection(scan.Filter);
                for (var start = 0; start < batch.Length; start += _blockRows)
                {
                    var block = new ColumnBlock(arrays, start, Math.Min(_blockRows, batch.Length - start), firstRowIndex, selection);
                    foreach (var metric in scan.Metrics)
                    {
                        metric.Kernel.Accumulate(block, States[metric.Slot]);
                    }
                }
            }
        }

        private static IArrowArray ColumnOf(RecordBatch batch, string column, bool decode)
        {
            var index = batch.Schema.GetFieldIndex(column);
            if (index < 0)
            {
                throw new DataReadException($"A batch of the data lacks column `{column}`, which the schema announced; the source is inconsistent.");
            }
            // Dictionary-encoded numbers and dates are scanned decoded; text stays encoded (its kernels judge each
            // entry once), with rows pointing at a null entry marked null like null slots.
            return batch.Column(index) switch
            {
                DictionaryArray numbers when DictionaryDecoder.Decodes(numbers.Data.DataType) => decode ? DictionaryDecoder.Decode(numbers) : numbers,
                DictionaryArray text => DictionaryNulls.AsRowNulls(text),
                var array => array,
            };
        }
    }
}
