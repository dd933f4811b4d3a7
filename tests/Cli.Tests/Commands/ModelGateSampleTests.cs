using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Dq.Cli.Tests.Commands;

/// <summary>
/// samples/model-gate: the predictions pass the deployment gate, the drifted ones fail it on the metrics its README
/// names, and generate.cs writes exactly the committed files.
/// </summary>
public sealed class ModelGateSampleTests : TempFolderTest
{
    private static string Sample(string file) => Repository.PathOf("samples", "model-gate", file);

    private (int Code, JsonNode Result) Validate(string data)
    {
        var output = Path.Combine(Folder, $"{Path.GetFileNameWithoutExtension(data)}.json");
        var (code, stdout, stderr) = DqRunner.Run("validate", Sample(data), "--suite", Sample("model-gate.suite.json"), "--output", output, "--store", "none");
        Assert.True(code is 0 or 1, stderr + stdout);
        return (code, JsonNode.Parse(File.ReadAllText(output))!);
    }

    private static IEnumerable<(string Metric, bool Success, double Observed)> ModelResults(JsonNode result) =>
        result["results"]!.AsArray()
            .Where(r => r!["expectation_config"]!["kwargs"]!["metric"] is not null)
            .Select(r => (r!["expectation_config"]!["kwargs"]!["metric"]!.GetValue<string>(), r["success"]!.GetValue<bool>(),
                r["result"]!["observed_value"]!.GetValue<double>()));

    [Fact]
    public void Predictions_PassTheGate_WithTheFiguresTheReadmeGives()
    {
        var (code, result) = Validate("predictions.csv");

        Assert.Equal(ExitCodes.Success, code);
        var metrics = ModelResults(result).ToDictionary(r => r.Metric);
        Assert.Equal(0.893, metrics["accuracy"].Observed, 12);
        Assert.Equal(0.979, metrics["auc"].Observed, 3);
        Assert.Equal(0.907, metrics["recall"].Observed, 3);
        Assert.Equal(0.006, metrics["demographic_parity_difference"].Observed, 3);
    }

    [Fact]
    public void DriftedPredictions_FailAccuracyAucAndRecall()
    {
        var (code, result) = Validate("predictions-drifted.csv");

        Assert.Equal(ExitCodes.ExpectationFailed, code);
        var failed = ModelResults(result).Where(r => !r.Success).Select(r => r.Metric).Order(StringComparer.Ordinal);
        Assert.Equal(["accuracy", "auc", "recall"], failed);
        Assert.Equal(0.7055, ModelResults(result).Single(r => r.Metric == "accuracy").Observed, 12);
    }

    [Fact]
    public void ModelQuality_BaselineFromPredictions_FlagsTheDriftedModel()
    {
        string[] model = ["--problem-type", "BinaryClassification", "--label", "label", "--prediction", "predicted", "--probability", "score"];
        var baseline = Path.Combine(Folder, "model-baseline");
        Assert.Equal(ExitCodes.Success, DqRunner.Run(["model-quality", Sample("predictions.csv"), .. model, "--out", baseline]).Code);

        var report = Path.Combine(Folder, "model-report");
        var (code, stdout, stderr) = DqRunner.Run(["model-quality", Sample("predictions-drifted.csv"), .. model, "--baseline", baseline, "--out", report]);

        Assert.True(code == ExitCodes.ExpectationFailed, stderr + stdout);
        var violations = JsonNode.Parse(File.ReadAllText(Path.Combine(report, "constraint_violations.json")))!["violations"]!.AsArray();
        Assert.Contains(violations, v => v!["description"]!.GetValue<string>().StartsWith("Metric accuracy with 0.7055 +/- ", StringComparison.Ordinal)
            && v["description"]!.GetValue<string>().EndsWith("was LessThanThreshold 0.893", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Generator_WritesTheCommittedFiles()
    {
        File.Copy(Sample("generate.cs"), Path.Combine(Folder, "generate.cs"));
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("run");
        info.ArgumentList.Add("generate.cs");
        using var process = Process.Start(info)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("dotnet run generate.cs did not finish in 3 minutes");
        }
        Assert.True(process.ExitCode == 0, $"dotnet run generate.cs exited {process.ExitCode}:\n{await output}\n{await error}");

        foreach (var file in new[] { "predictions.csv", "predictions-drifted.csv" })
        {
            Assert.True(File.ReadAllText(Sample(file)) == File.ReadAllText(Path.Combine(Folder, file)), $"{file} differs from what generate.cs writes");
        }
    }
}
