namespace Dq.Cli.Tests.Commands;

/// <summary>
/// Suites with <c>{"$PARAMETER": "name"}</c> kwargs run from the command line (<c>--param</c>) and from checkpoints
/// (<c>parameters:</c> per checkpoint and per validation), later ones winning, as GX's runtime suite parameters.
/// </summary>
public sealed class SuiteParameterTests : TempFolderTest
{
    private static readonly string s_orders = Repository.PathOf("samples", "orders", "orders.csv");

    // The sample's smallest amount is negative (one deliberate defect): a minimum of 0 fails, of -1e9 passes.
    private string Suite() => Write("suites/param.suite.json", """
        {"name": "param", "expectations": [
          {"type": "expect_column_values_to_be_between", "kwargs": {"column": "amount", "min_value": {"$PARAMETER": "min_amount"}}}
        ]}
        """);

    [Theory]
    [InlineData("min_amount=0", 1)]
    [InlineData("min_amount=-1000000000", 0)]
    [InlineData("min_amount=-1e9", 0)]
    public void Param_OnTheCommandLine_SetsTheKwarg(string pair, int expectedCode)
    {
        var (code, output, error) = DqRunner.Run("validate", s_orders, "--suite", Suite(), "--param", pair, "--store", "none");

        Assert.True(code == expectedCode, output + error);
    }

    [Fact]
    public void MissingParam_IsAConfigurationErrorThatSaysHowToPassIt()
    {
        var (code, _, error) = DqRunner.Run("validate", s_orders, "--suite", Suite(), "--store", "none");

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("unknown parameter `min_amount`", error, StringComparison.Ordinal);
        Assert.Contains("--param min_amount=VALUE", error, StringComparison.Ordinal);
    }

    [Fact]
    public void ParamWithoutName_IsRefused()
    {
        var (code, _, error) = DqRunner.Run("validate", s_orders, "--suite", Suite(), "--param", "=3", "--store", "none");

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("--param `=3` is not name=value", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckpointParameters_ValidationOverridesCheckpoint_AndParamOverridesBoth()
    {
        string suite = Suite();
        string checkpoint = Write("checkpoints/param.yml", $"""
            parameters: {"{"} min_amount: 0 {"}"}
            validations:
              - data: {s_orders}
                suite: {suite}
              - data: {s_orders}
                suite: {suite}
                parameters: {"{"} min_amount: -1000000000 {"}"}
            actions: []
            """);

        var (code, output, _) = DqRunner.Run("validate", "--checkpoint", checkpoint, "--store", "none");
        var (overridden, overriddenOutput, overriddenError) = DqRunner.Run("validate", "--checkpoint", checkpoint, "--store", "none", "--param", "min_amount=-1e12");

        // The first validation (checkpoint's 0) fails, the second (its own -1e9) passes.
        Assert.Equal(ExitCodes.ExpectationFailed, code);
        Assert.Contains("1 of 2 validations passed", output, StringComparison.Ordinal);
        Assert.True(overridden == ExitCodes.Success, overriddenOutput + overriddenError);
        Assert.Contains("2 of 2 validations passed", overriddenOutput, StringComparison.Ordinal);
    }
}
