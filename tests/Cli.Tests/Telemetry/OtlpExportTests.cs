using System.Net;
using System.Net.Sockets;
using System.Text;
using Dq.Cli.Telemetry;
using Dq.Expectations.Telemetry;

namespace Dq.Cli.Tests.Telemetry;

/// <summary>
/// The OTLP push as CI would see it: <c>dq</c> runs as a child process with OpenTelemetry's variables set (they are
/// process-wide, so never set in this test process), against a local receiver or a port nobody listens on.
/// </summary>
public sealed class OtlpExportTests : TempFolderTest
{
    private static readonly string s_orders = Repository.PathOf("samples", "orders", "orders.csv");
    private static readonly string s_ordersSuite = Repository.PathOf("samples", "orders", "orders.suite.json");

    [Fact]
    public async Task Endpoint_ReceivesOneProtobufPostToV1Metrics_WithTheHeadersServiceAndMetrics()
    {
        await using var receiver = new OtlpReceiver();

        var (code, _, error) = RunDq(Otlp($"http://127.0.0.1:{receiver.Port}", "http/protobuf", ("OTEL_SERVICE_NAME", "dq-otlp-test"), ("OTEL_EXPORTER_OTLP_HEADERS", "x-dq-test=yes")),
            "validate", s_orders, "--suite", s_ordersSuite, "--store", "none");

        Assert.True(code == ExitCodes.ExpectationFailed, error);
        Assert.DoesNotContain("warning", error, StringComparison.Ordinal);
        var request = Assert.Single(receiver.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/metrics", request.Path);
        Assert.Equal("application/x-protobuf", request.Headers["Content-Type"]);
        Assert.Equal("yes", request.Headers["x-dq-test"]);
        // Protobuf carries strings as UTF-8 bytes: the service name, the metric names and the suite name are all in the body.
        var body = Encoding.UTF8.GetString(request.Body);
        Assert.Contains("dq-otlp-test", body, StringComparison.Ordinal);
        Assert.Contains(RunMetricNames.ExpectationsFailed, body, StringComparison.Ordinal);
        Assert.Contains(RunMetricNames.ExpectationUnexpectedPercent, body, StringComparison.Ordinal);
        Assert.Contains("DataAsset", body, StringComparison.Ordinal);
        Assert.Contains("orders", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http/protobuf", false)]
    [InlineData("grpc", true)]
    public void UnreachableEndpoint_WarnsAndLeavesTheExitCodeAsItWas(string protocol, bool passingSuite)
    {
        var suite = passingSuite
            ? Write("pass.suite.json", """{ "name": "pass", "expectations": [{ "type": "expect_table_row_count_to_be_between", "kwargs": { "min_value": 1 } }] }""")
            : s_ordersSuite;
        string[] args = ["validate", s_orders, "--suite", suite, "--store", "none"];
        var (expected, _, _) = RunDq(Otlp(null, null), args);

        var (code, _, error) = RunDq(Otlp($"http://127.0.0.1:{ClosedPort()}", protocol), args);

        Assert.Equal(passingSuite ? ExitCodes.Success : ExitCodes.ExpectationFailed, expected);
        Assert.Equal(expected, code);
        Assert.Contains($"dq: warning: could not send metrics over OTLP ({protocol}) to http://127.0.0.1:", error, StringComparison.Ordinal);
        Assert.Contains("The exit code is not affected.", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UnsupportedProtocol_WarnsAndSendsNothing()
    {
        var (code, _, error) = RunDq(Otlp("http://127.0.0.1:4318", "http/json"), "validate", s_orders, "--suite", s_ordersSuite, "--store", "none");

        Assert.Equal(ExitCodes.ExpectationFailed, code);
        Assert.Contains("metrics not sent over OTLP: OTEL_EXPORTER_OTLP_PROTOCOL is `http/json`; dq sends `http/protobuf` or `grpc`.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoEndpointVariable_BuildsNothingAndSaysNothing()
    {
        using var stderr = new StringWriter();
        var run = new RunFigures("s", "a", DateTimeOffset.UtcNow, true, 1, 0, 1, TimeSpan.FromSeconds(1));

        var sent = OtlpMetricsExport.Send([run], _ => null, stderr);

        Assert.Null(sent);
        Assert.Equal("", stderr.ToString());
    }

    /// <summary>The variables for the child: every OTLP variable dq reads is set (empty means unset), so the test host's own cannot leak in.</summary>
    private static Dictionary<string, string> Otlp(string? endpoint, string? protocol, params (string Name, string Value)[] more)
    {
        var environment = new Dictionary<string, string>
        {
            [OtlpSettings.EndpointVariable] = endpoint ?? "",
            [OtlpSettings.ProtocolVariable] = protocol ?? "",
            [OtlpSettings.MetricsEndpointVariable] = "",
            [OtlpSettings.MetricsProtocolVariable] = "",
            [OtlpSettings.HeadersVariable] = "",
            [OtlpSettings.MetricsHeadersVariable] = "",
            [OtlpSettings.TimeoutVariable] = "",
            [OtlpSettings.MetricsTimeoutVariable] = "",
        };
        foreach (var (name, value) in more)
        {
            environment[name] = value;
        }
        return environment;
    }

    private (int Code, string Out, string Err) RunDq(Dictionary<string, string> environment, params string[] args) =>
        DqRunner.Complete(DqRunner.Start(Folder, environment, args), TimeSpan.FromMinutes(2), $"dq {string.Join(' ', args)}");

    /// <summary>A loopback port nothing listens on: one the OS just handed out and that was closed again.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
