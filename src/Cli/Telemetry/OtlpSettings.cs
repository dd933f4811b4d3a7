using System.Globalization;

namespace Dq.Cli.Telemetry;

/// <summary>
/// Where and how to push metrics over OTLP, read from OpenTelemetry's standard variables (the signal-specific
/// <c>OTEL_EXPORTER_OTLP_METRICS_*</c> first, then <c>OTEL_EXPORTER_OTLP_*</c>).
/// </summary>
/// <param name="Endpoint">The full URL requests go to (for http/protobuf, the base endpoint with <c>v1/metrics</c> appended).</param>
/// <param name="HttpProtobuf">True for <c>http/protobuf</c>, false for <c>grpc</c>.</param>
/// <param name="Headers">The headers variable as given (<c>key=value,key2=value2</c>), or null.</param>
/// <param name="Timeout">How long one export may take.</param>
internal sealed record OtlpSettings(Uri Endpoint, bool HttpProtobuf, string? Headers, TimeSpan Timeout)
{
    public const string EndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string MetricsEndpointVariable = "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT";
    public const string ProtocolVariable = "OTEL_EXPORTER_OTLP_PROTOCOL";
    public const string MetricsProtocolVariable = "OTEL_EXPORTER_OTLP_METRICS_PROTOCOL";
    public const string HeadersVariable = "OTEL_EXPORTER_OTLP_HEADERS";
    public const string MetricsHeadersVariable = "OTEL_EXPORTER_OTLP_METRICS_HEADERS";
    public const string TimeoutVariable = "OTEL_EXPORTER_OTLP_TIMEOUT";
    public const string MetricsTimeoutVariable = "OTEL_EXPORTER_OTLP_METRICS_TIMEOUT";

    /// <summary>
    /// dq's export timeout when no variable sets one: a run's figures are a few points in one request, and a gate
    /// should not wait the SDK's 10 s for a collector that is not there.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// The settings, or null when no endpoint variable is set (then nothing is built and nothing is sent).
    /// </summary>
    /// <param name="environment">Reads an environment variable (null when unset).</param>
    /// <param name="problem">Why the variables cannot be used (metrics are then not sent), or null.</param>
    public static OtlpSettings? Read(Func<string, string?> environment, out string? problem)
    {
        problem = null;
        var specific = Value(environment, MetricsEndpointVariable);
        var general = Value(environment, EndpointVariable);
        if (specific is null && general is null)
        {
            return null;
        }
        var variable = specific is null ? EndpointVariable : MetricsEndpointVariable;
        var protocolVariable = Value(environment, MetricsProtocolVariable) is null ? ProtocolVariable : MetricsProtocolVariable;
        // The specification's default. (The .NET SDK alone defaults to grpc; dq follows the specification.)
        var protocol = Value(environment, protocolVariable) ?? "http/protobuf";
        if (protocol is not ("http/protobuf" or "grpc"))
        {
            problem = $"{protocolVariable} is `{protocol}`; dq sends `http/protobuf` or `grpc`.";
            return null;
        }
        if (!Uri.TryCreate(specific ?? general, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
        {
            problem = $"{variable} is `{specific ?? general}`, not an http:// or https:// URL (such as http://localhost:4318).";
            return null;
        }
        var httpProtobuf = protocol == "http/protobuf";
        if (httpProtobuf && specific is null)
        {
            // The general endpoint is a base: the metrics path is appended to it; a signal-specific one is used as given.
            endpoint = new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/v1/metrics");
        }
        var timeoutVariable = Value(environment, MetricsTimeoutVariable) is null ? TimeoutVariable : MetricsTimeoutVariable;
        var timeout = DefaultTimeout;
        if (Value(environment, timeoutVariable) is { } ms)
        {
            if (!int.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) || milliseconds <= 0)
            {
                problem = $"{timeoutVariable} is `{ms}`, not a positive whole number of milliseconds.";
                return null;
            }
            timeout = TimeSpan.FromMilliseconds(milliseconds);
        }
        var headers = Value(environment, MetricsHeadersVariable) ?? Value(environment, HeadersVariable);
        return new OtlpSettings(endpoint, httpProtobuf, headers, timeout);
    }

    /// <summary>The protocol's name as the variables spell it.</summary>
    public string ProtocolName => HttpProtobuf ? "http/protobuf" : "grpc";

    private static string? Value(Func<string, string?> environment, string name) =>
        environment(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
}
