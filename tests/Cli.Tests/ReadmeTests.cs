using System.Text.RegularExpressions;
using Dq.Expectations;
using Dq.Expectations.Suites;
using Dq.Readers;

namespace Dq.Cli.Tests;

/// <summary>The README's C# sample is this file's <see cref="Sample"/>, compiled here and run against the sample data.</summary>
public sealed partial class ReadmeTests
{
    [Fact]
    public void ReadmeSample_IsTheCompiledSample()
    {
        var readme = File.ReadAllText(Repository.PathOf("README.md"));
        var block = CSharpBlock().Match(readme).Groups["code"].Value;
        var source = File.ReadAllText(Repository.PathOf("tests", "Cli.Tests", "ReadmeTests.cs"));
        var body = SampleBody().Match(source).Groups["body"].Value;

        Assert.Equal(Normalize(Code(block)), Normalize(body));
    }

    [Fact]
    public void ReadmeSample_RunsAndReportsTheSampleDefects()
    {
        var lines = Sample(Repository.PathOf("samples", "orders", "orders.csv"));

        Assert.Contains(lines, l => l.StartsWith("expect_column_values_to_be_unique on order_id: 2 unexpected", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("expect_column_values_to_be_in_set on status: 1 unexpected", StringComparison.Ordinal));
    }

    private static List<string> Sample(string ordersPath)
    {
        var output = new List<string>();
        // sample-begin
        var suite = ExpectationSuite.Create("orders")
            .ExpectColumnValuesToNotBeNull("order_id")
            .ExpectColumnValuesToBeUnique("order_id")
            .ExpectColumnValuesToBeBetween("amount", min: 0, max: 1_000_000)
            .ExpectColumnValuesToBeInSet("status", ["placed", "shipped", "delivered", "cancelled"])
            .ExpectColumnValuesToMatchStrftimeFormat("order_date", "%Y-%m-%d")
            .ExpectColumnValuesToNotBeNull("customer_id", mostly: 0.99).AsWarning()
            .ExpectTableRowCountToBeBetween(100, 10_000_000)
            .Build();

        using var source = BatchSources.Open(ordersPath);
        var result = Validator.Validate(source, suite);
        if (!result.Success)
        {
            foreach (var failed in result.Results.Where(r => !r.Success))
            {
                output.Add($"{failed.Configuration.Type} on {failed.Configuration.Column}: {failed.Result?.UnexpectedCount} unexpected");
            }
        }
        // sample-end
        return output;
    }

    /// <summary>The README block with its path literal and Console call mapped to this test's variables.</summary>
    private static string Code(string block) => block
        .Replace("using Dq.Expectations;\nusing Dq.Expectations.Suites;\nusing Dq.Readers;\n", "", StringComparison.Ordinal)
        .Replace("\"samples/orders/orders.csv\"", "ordersPath", StringComparison.Ordinal)
        .Replace("Console.WriteLine(", "output.Add(", StringComparison.Ordinal);

    private static string Normalize(string code) => Regex.Replace(code, @"\s+", " ").Trim();

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"// sample-begin\n(?<body>.*?)// sample-end", RegexOptions.Singleline)]
    private static partial Regex SampleBody();
}
