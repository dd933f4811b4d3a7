using System.Text.Json.Nodes;
using Dq.Expectations;
using Dq.Expectations.Results;
using Dq.Readers;

namespace Dq.Sql.Tests;

/// <summary>
/// The seed suite over the seed orders gives, inside each database, the result dq's engine gives over the CSV file
/// (the independent reference): every expectation's success, counts, observed values and samples.
/// </summary>
public sealed class SameAnswersTests
{
    [Theory]
    [InlineData(SqlEngine.DuckDb, "SUMMARY")]
    [InlineData(SqlEngine.DuckDb, "COMPLETE")]
    [InlineData(SqlEngine.PostgreSql, "SUMMARY")]
    [InlineData(SqlEngine.PostgreSql, "COMPLETE")]
    public void SeedSuite_InTheDatabase_EqualsTheEngineOverTheCsv(SqlEngine engine, string format)
    {
        using var connection = TestDatabases.Open(engine);
        var table = TestDatabases.UniqueName("orders");
        SeedOrders.Create(connection, table, SeedOrders.CsvRows());
        try
        {
            var options = new ValidationOptions { ResultFormat = new ResultFormat(ResultFormat.ParseLevel(format)) };
            using var csv = BatchSources.Open(SeedOrders.CsvPath, DataFormat.Csv, null);
            var expected = Validator.Validate(csv, SeedOrders.Suite, options, TestContext.Current.CancellationToken);
            var actual = SqlValidator.Validate(SqlSource.OnConnection(connection, table: table), SeedOrders.Suite, options, TestContext.Current.CancellationToken);

            Assert.Equal(200, actual.Run.RowCount);
            Assert.False(expected.Success);
            Assert.Equal(Comparable(expected), Comparable(actual));
        }
        finally
        {
            TestDatabases.Execute(connection, $"DROP TABLE {table}");
        }
    }

    /// <summary>The results without the run's identity (id, time, data asset name).</summary>
    internal static string Comparable(ValidationResult result) =>
        new JsonArray([.. ValidationResultJson.ToNode(result)["results"]!.AsArray().Select(r => r!.DeepClone())]).ToJsonString();
}
