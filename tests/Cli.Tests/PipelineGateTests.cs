using Dq.Samples.Pipeline;

namespace Dq.Cli.Tests;

/// <summary>
/// The sample pipeline end to end, as samples/pipeline/run.sh runs it: the transforms write Parquet, then
/// <c>dq validate --checkpoint</c> gates it. A copy of the pipeline folder keeps the checkout clean.
/// </summary>
public sealed class PipelineGateTests : IDisposable
{
    private readonly string _copy = Directory.CreateTempSubdirectory("dq-pipeline-gate-").FullName;

    public PipelineGateTests()
    {
        var source = Repository.PathOf("samples", "pipeline");
        foreach (var folder in (string[])["checkpoints", "suites", "data"])
        {
            Directory.CreateDirectory(Path.Combine(_copy, folder));
            foreach (var file in Directory.GetFiles(Path.Combine(source, folder)))
            {
                File.Copy(file, Path.Combine(_copy, folder, Path.GetFileName(file)));
            }
        }
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    private async Task<(int Code, string Out)> RunPipeline()
    {
        await EtlPipeline.RunAsync(Path.Combine(_copy, "data"), Path.Combine(_copy, "output"), TestContext.Current.CancellationToken);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = DqApp.Run(["validate", "--checkpoint", Path.Combine(_copy, "checkpoints", "pipeline.yml"), "--quiet"], stdout, stderr);
        return (code, stdout + stderr.ToString());
    }

    [Fact]
    public async Task SampleData_PassesTheGateAndWritesTheReports()
    {
        var (code, output) = await RunPipeline();

        Assert.True(code == ExitCodes.Success, output);
        Assert.True(File.Exists(Path.Combine(_copy, "output", "reports", "pipeline.result.json")));
        Assert.True(File.Exists(Path.Combine(_copy, "output", "reports", "pipeline.junit.xml")));
    }

    [Fact]
    public async Task NegativeUnitPrice_FailsTheGate()
    {
        var orders = Path.Combine(_copy, "data", "orders.csv");
        var lines = File.ReadAllLines(orders);
        var header = lines[0].Split(',');
        var price = Array.IndexOf(header, "unit_price");
        var fields = lines[1].Split(',');
        fields[price] = "-" + fields[price];
        lines[1] = string.Join(',', fields);
        File.WriteAllLines(orders, lines);

        var (code, output) = await RunPipeline();

        Assert.True(code == ExitCodes.ExpectationFailed, output);
    }
}
