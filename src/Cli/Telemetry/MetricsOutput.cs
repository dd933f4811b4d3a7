using Dq.Expectations.Telemetry;
using Dq.Reporting.CloudWatch;

namespace Dq.Cli.Telemetry;

/// <summary>
/// Reports finished runs as metrics: CloudWatch EMF lines appended to each target (one batch of lines per run), and an
/// OTLP push when OpenTelemetry's variables name an endpoint. Any command that finishes runs (<c>dq validate</c>, a
/// checkpoint, a monitor) calls this once with every run it reports.
/// </summary>
/// <remarks>
/// Metrics are a side channel: a file that cannot be written or a collector that cannot be reached is a warning on
/// standard error, and the command's exit code stays what the runs made it.
/// </remarks>
internal static class MetricsOutput
{
    /// <summary>Writes and sends the figures of <paramref name="runs"/>.</summary>
    /// <param name="runs">The finished runs, in report order.</param>
    /// <param name="targets">Where to append EMF lines.</param>
    /// <param name="stdout">Standard output, for the <c>-</c> target.</param>
    /// <param name="stderr">Standard error, for warnings.</param>
    /// <param name="appended">Told each file appended to and how many lines it got.</param>
    /// <param name="environment">Reads an environment variable (the OTLP settings).</param>
    public static void Emit(
        IReadOnlyList<RunFigures> runs, IReadOnlyList<EmfTarget> targets, TextWriter stdout, TextWriter stderr, Action<string, int> appended, Func<string, string?> environment)
    {
        foreach (var target in targets)
        {
            WriteEmf(runs, target, stdout, stderr, appended);
        }
        OtlpMetricsExport.Send(runs, environment, stderr);
    }

    private static void WriteEmf(IReadOnlyList<RunFigures> runs, EmfTarget target, TextWriter stdout, TextWriter stderr, Action<string, int> appended)
    {
        var written = 0;
        foreach (var run in runs)
        {
            var lines = EmbeddedMetricFormat.Lines(run, target.Namespace);
            if (target.ToStandardOutput)
            {
                foreach (var line in lines)
                {
                    stdout.WriteLine(line);
                }
                continue;
            }
            try
            {
                // One append per run: a run's lines stay together, and whole, beside other runs appending at once.
                AppendOnlyFile.Append(target.Path, string.Concat(lines.Select(l => l + "\n")));
                written += lines.Count;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"dq: warning: could not append metrics to `{target.Path}`: {e.Message} Check the path and its permissions; the exit code is not affected.");
                return;
            }
        }
        if (!target.ToStandardOutput)
        {
            appended(target.Path, written);
        }
    }
}
