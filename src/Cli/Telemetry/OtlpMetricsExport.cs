using Dq.Expectations;
using Dq.Expectations.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Dq.Cli.Telemetry;

/// <summary>
/// Pushes runs' figures over OTLP: builds a <see cref="MeterProvider"/> listening to <see cref="DqMeter"/> with the
/// OTLP exporter, records the figures, and shuts the provider down, which sends them in one export.
/// </summary>
/// <remarks>
/// The provider exists only for this: it is built after the runs have finished (so a cancelled or failed run sends
/// nothing, and the recordings <see cref="Validator"/> made during the runs, heard by no listener, are not counted
/// twice) and only when an endpoint variable is set. A collector that cannot be reached costs at most the export
/// timeout and a warning; the run's exit code never depends on it.
/// </remarks>
internal static class OtlpMetricsExport
{
    /// <summary>Sends <paramref name="runs"/> when the OTLP variables say where; warns on <paramref name="stderr"/> when that fails.</summary>
    /// <returns>True when the metrics were sent, false when they were not (warned), null when no endpoint is set.</returns>
    public static bool? Send(IReadOnlyList<RunFigures> runs, Func<string, string?> environment, TextWriter stderr)
    {
        var settings = OtlpSettings.Read(environment, out var problem);
        if (problem is not null)
        {
            stderr.WriteLine($"dq: warning: metrics not sent over OTLP: {problem} The exit code is not affected.");
            return false;
        }
        if (settings is null || runs.Count == 0)
        {
            return null;
        }
        MeterProvider provider;
        CheckedOtlpMetricExporter exporter;
        try
        {
            (provider, exporter) = Build(settings, environment);
        }
        catch (ArgumentException e)
        {
            // Such as headers that are not `key=value` pairs.
            stderr.WriteLine($"dq: warning: metrics not sent over OTLP: {e.Message} Check {OtlpSettings.HeadersVariable}. The exit code is not affected.");
            return false;
        }
        using (provider)
        {
            foreach (var run in runs)
            {
                DqMeter.Record(run);
            }
            // Shutdown collects and exports once; the margin covers the collection around the export's own timeout.
            provider.Shutdown((int)(settings.Timeout + TimeSpan.FromSeconds(1)).TotalMilliseconds);
        }
        if (exporter.Succeeded)
        {
            return true;
        }
        stderr.WriteLine(
            $"dq: warning: could not send metrics over OTLP ({settings.ProtocolName}) to {settings.Endpoint.GetLeftPart(UriPartial.Path)} within {settings.Timeout.TotalSeconds:0.#} s. " +
            $"Check {OtlpSettings.EndpointVariable} and that the collector is running. The exit code is not affected.");
        return false;
    }

    private static (MeterProvider Provider, CheckedOtlpMetricExporter Exporter) Build(OtlpSettings settings, Func<string, string?> environment)
    {
        var resource = ResourceBuilder.CreateEmpty()
            .AddService(environment("OTEL_SERVICE_NAME") is { Length: > 0 } name ? name : "dq", serviceVersion: Validator.Version)
            .AddTelemetrySdk()
            // OTEL_RESOURCE_ATTRIBUTES and OTEL_SERVICE_NAME, which win over the defaults above as the specification says.
            .AddEnvironmentVariableDetector();
        // Set from the settings dq read, so the variables mean the same to dq's checks and to the exporter.
        var options = new OtlpExporterOptions
        {
            Protocol = settings.HttpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc,
            Endpoint = settings.Endpoint,
            Headers = settings.Headers,
            TimeoutMilliseconds = (int)settings.Timeout.TotalMilliseconds,
        };
        var exporter = new CheckedOtlpMetricExporter(options);
        // A reader without a timer: it exports when the provider shuts down, once.
        var provider = Sdk.CreateMeterProviderBuilder()
            .SetResourceBuilder(resource)
            .AddMeter(DqMeter.Name)
            .AddReader(new BaseExportingMetricReader(exporter))
            .Build();
        return (provider, exporter);
    }

    /// <summary>
    /// The OTLP exporter, keeping the outcome of its exports: the SDK reports a failed export only to its event source
    /// (off in the native build), and the provider's shutdown succeeds even when the export failed.
    /// </summary>
    private sealed class CheckedOtlpMetricExporter(OtlpExporterOptions options) : OtlpMetricExporter(options)
    {
        private int _exports;
        private int _failures;

        /// <summary>Whether there was an export and every export succeeded.</summary>
        public bool Succeeded => _exports > 0 && _failures == 0;

        public override ExportResult Export(in Batch<Metric> metrics)
        {
            var result = base.Export(metrics);
            Interlocked.Increment(ref _exports);
            if (result != ExportResult.Success)
            {
                Interlocked.Increment(ref _failures);
            }
            return result;
        }
    }
}
