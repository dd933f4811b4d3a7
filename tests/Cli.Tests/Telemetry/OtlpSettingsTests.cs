using Dq.Cli.Telemetry;

namespace Dq.Cli.Tests.Telemetry;

public sealed class OtlpSettingsTests
{
    private static OtlpSettings? Read(out string? problem, params (string Name, string Value)[] variables)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value);
        return OtlpSettings.Read(name => environment.GetValueOrDefault(name), out problem);
    }

    [Fact]
    public void NoEndpoint_IsNoSettingsAndNoProblem()
    {
        Assert.Null(Read(out var problem, ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"), ("OTEL_EXPORTER_OTLP_ENDPOINT", "  ")));
        Assert.Null(problem);
    }

    [Fact]
    public void GeneralEndpoint_WithHttpProtobuf_GetsTheMetricsPath_AsTheSpecificationSays()
    {
        var settings = Read(out _, ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318/"))!;

        // http/protobuf is the specification's default protocol.
        Assert.True(settings.HttpProtobuf);
        Assert.Equal("http://collector:4318/v1/metrics", settings.Endpoint.AbsoluteUri);
        Assert.Equal(OtlpSettings.DefaultTimeout, settings.Timeout);

        var withBase = Read(out _, ("OTEL_EXPORTER_OTLP_ENDPOINT", "https://otlp.example.com/base"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"))!;
        Assert.Equal("https://otlp.example.com/base/v1/metrics", withBase.Endpoint.AbsoluteUri);
    }

    [Fact]
    public void MetricsVariables_WinAndTheirEndpointIsUsedAsGiven()
    {
        var settings = Read(out _,
            ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://general:4318"),
            ("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "http://metrics:9000/custom"),
            ("OTEL_EXPORTER_OTLP_HEADERS", "a=1"),
            ("OTEL_EXPORTER_OTLP_METRICS_HEADERS", "b=2"),
            ("OTEL_EXPORTER_OTLP_TIMEOUT", "9000"),
            ("OTEL_EXPORTER_OTLP_METRICS_TIMEOUT", "1500"))!;

        Assert.Equal("http://metrics:9000/custom", settings.Endpoint.AbsoluteUri);
        Assert.Equal("b=2", settings.Headers);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), settings.Timeout);
    }

    [Fact]
    public void Grpc_UsesTheEndpointAsGiven()
    {
        var settings = Read(out _, ("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"), ("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc"))!;

        Assert.False(settings.HttpProtobuf);
        Assert.Equal("http://collector:4317/", settings.Endpoint.AbsoluteUri);
    }

    [Theory]
    [InlineData("OTEL_EXPORTER_OTLP_PROTOCOL", "http/json", "OTEL_EXPORTER_OTLP_PROTOCOL is `http/json`")]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318", "not an http:// or https:// URL")]
    [InlineData("OTEL_EXPORTER_OTLP_TIMEOUT", "3s", "OTEL_EXPORTER_OTLP_TIMEOUT is `3s`, not a positive whole number of milliseconds")]
    public void UnusableValues_AreAProblemNamingTheVariable(string variable, string value, string message)
    {
        var variables = new Dictionary<string, string> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://collector:4318", [variable] = value };

        Assert.Null(Read(out var problem, [.. variables.Select(v => (v.Key, v.Value))]));

        Assert.Contains(message, problem, StringComparison.Ordinal);
    }
}
