namespace Dq.Cli.Tests.Commands;

/// <summary>A misspelt expectation type, kwarg or column names the closest real one.</summary>
public sealed class DidYouMeanTests : TempFolderTest
{
    private static readonly string s_orders = Repository.PathOf("samples", "orders", "orders.csv");

    [Theory]
    [InlineData("""{"type": "expect_column_values_to_be_uniqe", "kwargs": {"column": "order_id"}}""", "unknown expectation type `expect_column_values_to_be_uniqe`. Did you mean `expect_column_values_to_be_unique`?")]
    [InlineData("""{"type": "expect_column_values_to_be_unique", "kwargs": {"colum": "order_id"}}""", "kwarg `column` is missing (`colum` is given: is it a misspelling of `column`?)")]
    [InlineData("""{"type": "expect_column_values_to_be_unique", "kwargs": {"column": "order_id", "mostlyy": 0.5}}""", "unknown kwarg `mostlyy`. Did you mean `mostly`?")]
    public void MisspeltSuiteNames_ExitTwoWithTheClosestName(string expectation, string message)
    {
        string suite = Write($"suites/{Guid.NewGuid():N}.json", $$"""{"name": "typo", "expectations": [{{expectation}}]}""");

        var (code, _, error) = DqRunner.Run("validate", s_orders, "--suite", suite, "--store", "none");

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void MisspeltColumn_ErrorsTheExpectationWithTheClosestColumn()
    {
        string suite = Write("suites/column.json", """{"name": "typo", "expectations": [{"type": "expect_column_values_to_be_unique", "kwargs": {"column": "order_ld"}}]}""");

        var (code, output, _) = DqRunner.Run("validate", s_orders, "--suite", suite, "--store", "none");

        Assert.Equal(ExitCodes.ExpectationFailed, code);
        Assert.Contains("column `order_ld` is not in the data. Did you mean `order_id`?", output, StringComparison.Ordinal);
    }

    [Fact]
    public void JsonSyntaxError_GivesOneOneBasedLineAndColumn()
    {
        // Line 2: the comma before `"kwargs"` (its quote is the 63rd character of the line) is missing.
        string suite = Write("suites/syntax.json", "{\"name\": \"s\",\n\"expectations\": [{\"type\": \"expect_column_values_to_be_unique\" \"kwargs\": {}}]}");

        var (code, _, error) = DqRunner.Run("validate", s_orders, "--suite", suite, "--store", "none");

        Assert.Equal(ExitCodes.UsageOrConfiguration, code);
        Assert.Contains("line 2, column 63: not valid JSON", error, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error, StringComparison.Ordinal);
    }
}
