using Dq.Cli.Checkpoints;
using Dq.Cli.Telemetry;
using Dq.Expectations;

namespace Dq.Cli.Running;

/// <summary>
/// Everything one <c>dq validate</c> invocation does: the validations to run, where results go, and the gate policy.
/// Both forms of the command (a data file with <c>--suite</c>, or <c>--checkpoint</c>) become a plan.
/// </summary>
/// <param name="CheckpointName">The checkpoint's name, or null for <c>dq validate &lt;data&gt; --suite</c>.</param>
/// <param name="Jobs">The validations, in report order.</param>
/// <param name="Missing">Data patterns that matched no file: reported as errored validations (exit 3).</param>
/// <param name="StorePath">The validation store to keep the runs in, or null for none.</param>
/// <param name="JsonPaths">Files to write the result JSON to; <c>-</c> is stdout.</param>
/// <param name="JunitPaths">Files to write JUnit XML to.</param>
/// <param name="Gate">Which failures fail the gate.</param>
internal sealed record RunPlan(
    string? CheckpointName,
    IReadOnlyList<ValidationJob> Jobs,
    IReadOnlyList<UnreadData> Missing,
    string? StorePath,
    IReadOnlyList<string> JsonPaths,
    IReadOnlyList<string> JunitPaths,
    GatePolicy Gate)
{
    /// <summary>Folders to build data docs in: from the store's history when there is a store, else from this run's results.</summary>
    public IReadOnlyList<string> DocsPaths { get; init; } = [];

    /// <summary>Files to write a Markdown summary to (for CI job pages such as GitHub's step summary).</summary>
    public IReadOnlyList<string> SummaryMdPaths { get; init; } = [];

    /// <summary>Where to append each run's CloudWatch EMF lines (<c>--metrics-emf</c>, <c>emit_metrics</c>).</summary>
    public IReadOnlyList<EmfTarget> EmfTargets { get; init; } = [];

    /// <summary>Whether some output other than the summary goes to standard output (the summary then goes to standard error).</summary>
    public bool WritesToStandardOutput => StandardOutputs > 0;

    /// <summary>How many outputs go to standard output (<c>-</c>): more than one would interleave, so the command refuses it.</summary>
    public int StandardOutputs =>
        JsonPaths.Count(p => p == "-") + JunitPaths.Count(p => p == "-") + SummaryMdPaths.Count(p => p == "-") + EmfTargets.Count(t => t.ToStandardOutput);
}
