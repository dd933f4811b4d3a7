using Dq.Expectations.Results;
using Dq.Readers;

namespace Dq.Cli.Checkpoints;

/// <summary>
/// A checkpoint file: what to validate (data assets and their suites), what to do with the results (actions) and
/// when the gate fails. Paths are absolute, resolved against the checkpoint's folder when it was read.
/// </summary>
internal sealed record Checkpoint(
    string Name,
    string FilePath,
    IReadOnlyList<CheckpointValidation> Validations,
    IReadOnlyList<CheckpointAction> Actions,
    GatePolicy Gate);

/// <summary>One validation of a checkpoint: a data file or glob, how to read it, and the suite and/or baseline to check it against.</summary>
/// <param name="Data">The absolute path or glob pattern of the data.</param>
/// <param name="Mark">Where the validation is declared (for "matched no files" and similar messages).</param>
/// <param name="Format">The data format (auto chooses by extension).</param>
/// <param name="Csv">CSV reader options, or null for the defaults.</param>
/// <param name="Suite">The absolute path of the suite file, or null when only a baseline is given.</param>
/// <param name="SuiteMark">Where the suite (or else the baseline) is named.</param>
/// <param name="ResultFormat">The result format, or null for the checkpoint's default (SUMMARY).</param>
internal sealed record CheckpointValidation(
    string Data, SourceMark Mark, DataFormat Format, CsvReaderOptions? Csv, string? Suite, SourceMark SuiteMark, ResultFormat? ResultFormat)
{
    /// <summary>The absolute path of a baseline folder to monitor the data against (as <c>dq monitor</c>), or null.</summary>
    public string? Baseline { get; init; }

    /// <summary>Where the baseline is named.</summary>
    public SourceMark? BaselineMark { get; init; }

    /// <summary>The suite parameters: the checkpoint's <c>parameters:</c> with the validation's own on top.</summary>
    public IReadOnlyDictionary<string, object?> Parameters { get; init; } = new Dictionary<string, object?>();

    /// <summary>The table or query when <c>data:</c> names a database (with <c>table:</c> or <c>query:</c>); null for files.</summary>
    public Running.DatabaseSource? Database { get; init; }
}

/// <summary>Something done with the results once every validation has run.</summary>
internal abstract record CheckpointAction(SourceMark Mark);

/// <summary>Keep each validation as a run in the validation store (the project's, or <see cref="StorePath"/>).</summary>
internal sealed record StoreResultAction(SourceMark Mark, string? StorePath) : CheckpointAction(Mark);

/// <summary>Write one JSON file with the checkpoint's outcome and every validation result (GX shape).</summary>
internal sealed record WriteJsonAction(SourceMark Mark, string Path) : CheckpointAction(Mark);

/// <summary>Write one JUnit XML file with a testsuite per validation.</summary>
internal sealed record WriteJunitAction(SourceMark Mark, string Path) : CheckpointAction(Mark);

/// <summary>Build the data docs (from the store's history, or from this run without a store) in <see cref="Path"/>, or in the project's <c>docs:</c> location when null.</summary>
internal sealed record UpdateDataDocsAction(SourceMark Mark, string? Path) : CheckpointAction(Mark);

/// <summary>Append each validation's CloudWatch EMF lines to <see cref="EmfPath"/> (<c>-</c>: standard output) under <see cref="Namespace"/>.</summary>
internal sealed record EmitMetricsAction(SourceMark Mark, string EmfPath, string Namespace) : CheckpointAction(Mark);

/// <summary>Which failed expectations fail the gate (exit code 1).</summary>
internal enum GatePolicy
{
    /// <summary>A failed expectation of error severity fails the gate; warn failures are reported only (the default).</summary>
    Error,

    /// <summary>Any failed expectation fails the gate, warn ones included.</summary>
    Warn,

    /// <summary>Report only: failed expectations never fail the gate (unreadable data still does).</summary>
    Never,
}
