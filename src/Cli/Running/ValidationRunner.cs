using Dq.Cli.Store;
using Dq.Expectations;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Readers;

namespace Dq.Cli.Running;

/// <summary>One data asset to validate against one suite.</summary>
/// <param name="DataPath">The absolute path of the data file.</param>
/// <param name="AssetName">The name shown in summaries, reports and the store (a path relative to the project, or as given).</param>
/// <param name="Format">The data format.</param>
/// <param name="Csv">CSV options, or null for the defaults.</param>
/// <param name="Suite">The suite, already read and checked.</param>
/// <param name="ResultFormat">The result format of the run.</param>
internal sealed record ValidationJob(string DataPath, string AssetName, DataFormat Format, CsvReaderOptions? Csv, ExpectationSuite Suite, ResultFormat ResultFormat)
{
    /// <summary>The table or query when the data is a database (the suite then runs inside it); null for a file.</summary>
    public DatabaseSource? Database { get; init; }

    /// <summary>Hive-style <c>name=value</c> folders of the file below its folder or glob argument, added as text columns.</summary>
    public IReadOnlyList<(string Name, string Value)> Partitions { get; init; } = [];
}

/// <summary>What became of a job: a result, or the reason its data could not be read.</summary>
internal sealed record ValidationOutcome(ValidationJob Job, ValidationResult? Result, DataReadException? Error)
{
    /// <summary>What the run had to change to read the data (CSV columns read as text), for standard error.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The result to report: the validation's, or an errored one when the data could not be read.</summary>
    public ValidationResult Reported => Result ?? ValidationResult.Unreadable(Job.Suite, Job.AssetName, Error!.Message);
}

/// <summary>A validation whose data is known to be unreadable before any job runs (a pattern that matched no file).</summary>
/// <param name="Suite">The suite it would have run.</param>
/// <param name="AssetName">The data as given.</param>
/// <param name="Error">Why there is nothing to read.</param>
internal sealed record UnreadData(ExpectationSuite Suite, string AssetName, DataReadException Error)
{
    /// <summary>The errored result reports show for it.</summary>
    public ValidationResult Reported => ValidationResult.Unreadable(Suite, AssetName, Error.Message);
}

/// <summary>Runs validation jobs, several at once, each on its share of the cores.</summary>
internal static class ValidationRunner
{
    /// <summary>
    /// Runs every job; unreadable data is an outcome (the other jobs still run), any other exception stops the
    /// rest and is rethrown, and cancellation throws <see cref="OperationCanceledException"/> once every job stopped.
    /// </summary>
    /// <param name="jobs">The jobs, reported in this order.</param>
    /// <param name="threads">Worker threads per validation; 0 shares the cores among the validations running at once.</param>
    /// <param name="tracker">Receives each job's progress.</param>
    /// <param name="cancellationToken">Stops every job between batches.</param>
    /// <param name="storePath">The validation store the runs will be kept in, whose earlier runs give anomaly expectations their history; null for none.</param>
    public static async Task<IReadOnlyList<ValidationOutcome>> RunAsync(
        IReadOnlyList<ValidationJob> jobs, int threads, ProgressTracker tracker, CancellationToken cancellationToken, string? storePath = null)
    {
        var history = storePath is null ? null : new StoreMetricHistory(storePath);
        var parallel = Math.Clamp(jobs.Count, 1, Math.Max(2, Environment.ProcessorCount / 2));
        var perJob = threads > 0 ? threads : Math.Max(1, Environment.ProcessorCount / parallel);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var gate = new SemaphoreSlim(parallel);
        var tasks = jobs.Select(job => Task.Run(async () =>
        {
            await gate.WaitAsync(stop.Token).ConfigureAwait(false);
            try
            {
                return Run(job, perJob, tracker, history, stop.Token);
            }
            catch (Exception e) when (e is not (DataReadException or OperationCanceledException))
            {
                // A configuration error or a bug: the checkpoint cannot pass, so stop the other validations now.
                await stop.CancelAsync().ConfigureAwait(false);
                throw;
            }
            finally
            {
                gate.Release();
            }
        }, CancellationToken.None)).ToList();
        try
        {
            return await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Stopped because another job failed: report that job's exception, not the cancellation it caused.
            throw tasks.Select(t => t.Exception?.InnerException).First(e => e is not null and not OperationCanceledException)!;
        }
    }

    private static ValidationOutcome Run(ValidationJob job, int threads, ProgressTracker tracker, IMetricHistory? history, CancellationToken cancellationToken)
    {
        var entry = tracker.Add(job.AssetName);
        var notes = new List<string>();
        try
        {
            if (job.Database is { } database)
            {
                var databaseOptions = new ValidationOptions { ResultFormat = job.ResultFormat, Threads = threads, MetricHistory = history };
                return new ValidationOutcome(job, database.Validate(job.Suite, databaseOptions, cancellationToken), null);
            }
            var csv = job.Csv;
            var asText = new List<string>();
            while (true)
            {
                try
                {
                    var inner = BatchSources.Open(job.DataPath, job.Format, csv);
                    using var source = new CountingSource(HivePartitions.With(inner, job.Partitions), job.AssetName, entry);
                    var options = new ValidationOptions { ResultFormat = job.ResultFormat, Threads = threads, MetricHistory = history };
                    var result = Validator.Validate(source, job.Suite, options, cancellationToken);
                    if (inner is IBadRowReport { BadRows.Count: > 0 } report)
                    {
                        result = result.WithBadRows(report.BadRows);
                    }
                    return new ValidationOutcome(job, result, null) { Notes = notes };
                }
                catch (DataReadException e) when (e.InferredColumn is { } column && CsvTypes.CanReadAgain(asText, column))
                {
                    // A later value did not fit the type inferred from the first rows. pandas would hold such a column
                    // as object (text), so GX sees text: validate the file again with that column read as text.
                    asText.Add(column);
                    csv = CsvTypes.WithText(csv, column);
                    notes.Add(CsvTypes.Note(e, column));
                }
            }
        }
        catch (DataReadException e)
        {
            return new ValidationOutcome(job, null, e) { Notes = notes };
        }
        finally
        {
            entry.Finish();
        }
    }
}
