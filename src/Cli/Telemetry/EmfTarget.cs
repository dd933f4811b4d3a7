namespace Dq.Cli.Telemetry;

/// <summary>Where to append a run's CloudWatch EMF lines (<c>--metrics-emf</c>, the <c>emit_metrics</c> action).</summary>
/// <param name="Path">The file (absolute, or as given on the command line), or <c>-</c> for standard output.</param>
/// <param name="Namespace">The CloudWatch namespace, already checked.</param>
internal sealed record EmfTarget(string Path, string Namespace)
{
    /// <summary>The path that means standard output.</summary>
    public const string StandardOutput = "-";

    /// <summary>Whether the lines go to standard output.</summary>
    public bool ToStandardOutput => Path == StandardOutput;
}
