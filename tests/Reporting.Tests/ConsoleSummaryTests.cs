using Apache.Arrow;
using Dq.Expectations;
using Dq.Expectations.Suites;

namespace Dq.Reporting.Tests;

public sealed class ConsoleSummaryTests
{
    private static string Summary(RecordBatch batch, ExpectationSuite suite)
    {
        var result = Validator.Validate(batch, suite);
        using var writer = new StringWriter();
        ConsoleSummary.Write(result, writer);
        return writer.ToString();
    }

    private static RecordBatch Statuses(params string?[] values)
    {
        var builder = new StringArray.Builder();
        foreach (var v in values)
        {
            if (v is null) { builder.AppendNull(); } else { builder.Append(v); }
        }
        return new RecordBatch.Builder().Append("status", nullable: true, builder.Build()).Build();
    }

    [Fact]
    public void Write_FailedSet_ShowsCountPercentAndSamples()
    {
        var suite = ExpectationSuite.Create("s").ExpectColumnValuesToBeInSet("status", ["a"]).Build();

        var text = Summary(Statuses("a", "b", "c", "a"), suite);

        var row = text.Split('\n').Single(l => l.Contains("expect_column_values_to_be_in_set", StringComparison.Ordinal));
        Assert.Contains("FAILED", row, StringComparison.Ordinal);
        Assert.Contains(" 2 ", row, StringComparison.Ordinal);
        Assert.Contains(" 50 ", row, StringComparison.Ordinal);
        Assert.Contains("\"b\", \"c\"", row, StringComparison.Ordinal);
        Assert.Contains("FAILED: 0 of 1 expectation met.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_ControlCharactersInData_AreEscaped()
    {
        var suite = ExpectationSuite.Create("s").ExpectColumnValuesToBeInSet("status", ["a"]).Build();

        var text = Summary(Statuses("\u001b[31mred\nnext\u202e"), suite);

        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u202e', text);
        Assert.Contains("\\u001b[31mred\\u000anext\\u202e", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_FailedWarning_PassesAndSaysSo()
    {
        var suite = ExpectationSuite.Create("s").ExpectColumnValuesToNotBeNull("status").AsWarning().Build();

        var text = Summary(Statuses("a", null), suite);

        Assert.Contains("WARN", text, StringComparison.Ordinal);
        Assert.Contains("PASSED: 0 of 1 expectation met (1 failed with severity warn).", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_MissingColumn_ShowsErrorAndTheReason()
    {
        var suite = ExpectationSuite.Create("s").ExpectColumnValuesToBeUnique("price").Build();

        var text = Summary(Statuses("a"), suite);

        Assert.Contains("ERROR", text, StringComparison.Ordinal);
        Assert.Contains("column `price` is not in the data. The columns are `status`", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LongValues_AreShortened()
    {
        var suite = ExpectationSuite.Create("s").ExpectColumnValuesToBeInSet("status", ["a"]).Build();

        var text = Summary(Statuses(new string('x', 500)), suite);

        Assert.DoesNotContain(new string('x', 100), text, StringComparison.Ordinal);
        Assert.Contains("…", text, StringComparison.Ordinal);
    }
}
