using Dq.Expectations.Suites;
using Dq.Readers;
using Dq.Samples.Pipeline;
using Dq.Testing;

namespace Dq.Samples.Etl.Tests;

/// <summary>
/// The sample pipeline (samples/pipeline): its transform step on the bundled CSV files, its Parquet outputs read back
/// by dq, and the suites and checkpoint that the gate (<c>dq validate --checkpoint</c> in run.sh) uses.
/// </summary>
public sealed class PipelineTests : IDisposable
{
    private static readonly string s_pipeline = Path.Combine(FindRoot(), "samples", "pipeline");
    private readonly string _output = Directory.CreateTempSubdirectory("dq-pipeline-").FullName;

    public void Dispose() => Directory.Delete(_output, recursive: true);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "dq.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new DirectoryNotFoundException("dq.slnx not found above the test binaries.");
    }

    private static List<object?> Column(string parquet, string column)
    {
        using var source = new ParquetSource(parquet);
        var values = new List<object?>();
        foreach (var batch in source.ReadBatches([column], Token))
        {
            var array = batch.Column(batch.Schema.GetFieldIndex(column));
            for (var i = 0; i < batch.Length; i++)
            {
                values.Add(array switch
                {
                    _ when array.IsNull(i) => null,
                    Apache.Arrow.StringArray s => s.GetString(i),
                    Apache.Arrow.DoubleArray d => d.GetValue(i),
                    Apache.Arrow.TimestampArray t => t.GetTimestamp(i)!.Value.DateTime,
                    _ => throw new NotSupportedException(array.GetType().Name),
                });
            }
        }
        return values;
    }

    [Fact]
    public async Task Run_SampleData_WritesTheCleanedCustomers()
    {
        var (customers, _) = await EtlPipeline.RunAsync(Path.Combine(s_pipeline, "data"), _output, Token);
        var parquet = Path.Combine(_output, "customers.parquet");

        Assert.Equal(3, customers);
        Assert.Equal(["C001", "C002", "C005"], Column(parquet, "customer_id"));
        Assert.Equal(["ann@example.com", "bob+news@mail.example.com", "eve@example.org"], Column(parquet, "email"));
        Assert.Equal(["active", "active", "inactive"], Column(parquet, "status"));
    }

    [Fact]
    public async Task Run_SampleData_WritesTheOrderMetrics()
    {
        var (_, orders) = await EtlPipeline.RunAsync(Path.Combine(s_pipeline, "data"), _output, Token);
        var parquet = Path.Combine(_output, "order_metrics.parquet");

        Assert.Equal(4, orders);
        Assert.Equal([new DateTime(2024, 5, 1), new DateTime(2024, 5, 1), new DateTime(2024, 5, 2), new DateTime(2024, 5, 3)], Column(parquet, "order_date"));
        double[] totals = [2 * 19.99, 5, 12.5, 22.5];
        double[] finals = [2 * 19.99 * 0.9, 5, 0, 22.5 * 0.75];
        Assert.All(totals.Zip(Column(parquet, "total_amount")), p => Assert.Equal(p.First, (double)p.Second!, 9));
        Assert.All(finals.Zip(Column(parquet, "final_amount")), p => Assert.Equal(p.First, (double)p.Second!, 9));
    }

    [Fact]
    public async Task Run_SampleData_OutputsPassTheGateSuites()
    {
        await EtlPipeline.RunAsync(Path.Combine(s_pipeline, "data"), _output, Token);

        using var customers = new ParquetSource(Path.Combine(_output, "customers.parquet"));
        using var metrics = new ParquetSource(Path.Combine(_output, "order_metrics.parquet"));
        DataAssert.Satisfies(customers, SuiteJson.Read(Path.Combine(s_pipeline, "suites", "clean_customers.suite.json")));
        DataAssert.Satisfies(metrics, SuiteJson.Read(Path.Combine(s_pipeline, "suites", "order_metrics.suite.json")));
    }

    [Fact]
    public async Task Run_NegativePrice_FailsTheGateSuiteNamingTheColumn()
    {
        var input = Directory.CreateDirectory(Path.Combine(_output, "in")).FullName;
        File.Copy(Path.Combine(s_pipeline, "data", "customers.csv"), Path.Combine(input, "customers.csv"));
        await File.WriteAllTextAsync(Path.Combine(input, "orders.csv"),
            "order_id,customer_id,quantity,unit_price,discount_rate,order_timestamp\nO1,C001,2,-4,,2024-05-01T09:15:00\n", Token);

        await EtlPipeline.RunAsync(input, _output, Token);
        using var metrics = new ParquetSource(Path.Combine(_output, "order_metrics.parquet"));
        var error = Assert.Throws<DataAssertionException>(() =>
            DataAssert.Satisfies(metrics, SuiteJson.Read(Path.Combine(s_pipeline, "suites", "order_metrics.suite.json"))));

        Assert.Contains("Values in `total_amount` must be at least 0", error.Message, StringComparison.Ordinal);
        Assert.Contains("row 0: -8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("clean_customers.suite.json", nameof(EtlSuites.CleanCustomers))]
    [InlineData("order_metrics.suite.json", nameof(EtlSuites.OrderMetrics))]
    public void GateSuiteFile_EqualsTheSuiteInCode(string file, string method)
    {
        var inCode = (ExpectationSuite)typeof(EtlSuites).GetMethod(method)!.Invoke(null, null)!;
        var fromFile = SuiteJson.Read(Path.Combine(s_pipeline, "suites", file));

        Assert.Equal(inCode.Name, fromFile.Name);
        Assert.Equal(
            inCode.Expectations.Select(e => e.Configuration.Type + " " + e.Configuration.Kwargs.ToJsonString()),
            fromFile.Expectations.Select(e => e.Configuration.Type + " " + e.Configuration.Kwargs.ToJsonString()));
    }

    [Fact]
    public void Checkpoint_PointsAtThePipelinesOutputsAndSuites()
    {
        var checkpoint = File.ReadAllLines(Path.Combine(s_pipeline, "checkpoints", "pipeline.yml"));
        string[] Values(string key) => [.. checkpoint.Select(l => l.Trim().TrimStart('-').Trim())
            .Where(l => l.StartsWith(key + ":", StringComparison.Ordinal))
            .Select(l => Path.GetFullPath(Path.Combine(s_pipeline, "checkpoints", l[(key.Length + 1)..].Trim())))];

        Assert.Equal(
            [Path.Combine(s_pipeline, "output", "customers.parquet"), Path.Combine(s_pipeline, "output", "order_metrics.parquet")],
            Values("data"));
        Assert.All(Values("suite"), suite => Assert.True(File.Exists(suite), suite));
        Assert.Contains("--checkpoint", File.ReadAllText(Path.Combine(s_pipeline, "run.sh")), StringComparison.Ordinal);
    }
}
