using Dq.Expectations;
using Dq.Expectations.Suites;

namespace Dq.Sql.Tests;

/// <summary>
/// Untrusted names and values never become SQL: a column named <c>x"; DROP TABLE t; --</c>, and literals of the same
/// kind in a row condition and a value set, are identifiers and parameters, and the table survives with right answers.
/// </summary>
public sealed class InjectionTests
{
    private const string HostileColumn = "x\"; DROP TABLE t; --";

    [Theory]
    [InlineData(SqlEngine.DuckDb)]
    [InlineData(SqlEngine.PostgreSql)]
    public void HostileColumnAndLiterals_AreQuotedAndParameterized(SqlEngine engine)
    {
        using var connection = TestDatabases.Open(engine);
        var table = TestDatabases.UniqueName("t");
        var quotedColumn = "\"" + HostileColumn.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        TestDatabases.Execute(connection, $"CREATE TABLE {table} ({quotedColumn} TEXT, n BIGINT)");
        TestDatabases.Execute(connection, $"INSERT INTO {table} VALUES ('a', 1), ('''; DROP TABLE {table}; --', 2), ('b', 3), (NULL, 4), ('a', 5)");
        try
        {
            var condition = "`x\\\"; DROP TABLE t; --` != \"'; DROP TABLE " + table + "; --\"";
            var suite = SuiteJson.Parse($$$"""
                {"name": "hostile", "expectations": [
                  {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": {{{Json(HostileColumn)}}}, "value_set": ["a", "b"]}},
                  {"type": "expect_column_values_to_be_unique", "kwargs": {"column": {{{Json(HostileColumn)}}}}},
                  {"type": "expect_column_values_to_be_in_set", "kwargs": {"column": {{{Json(HostileColumn)}}}, "value_set": ["a", "b"], "row_condition": {{{Json(condition)}}}, "condition_parser": "pandas"}},
                  {"type": "expect_column_values_to_match_regex", "kwargs": {"column": {{{Json(HostileColumn)}}}, "regex": "^[ab]$"}}
                ]}
                """);
            var result = SqlValidator.Validate(SqlSource.OnConnection(connection, table: table), suite, new ValidationOptions(), TestContext.Current.CancellationToken);

            Assert.Equal([false, false, true, false], result.Results.Select(r => r.Success));
            Assert.All(result.Results, r => Assert.Null(r.ExceptionInfo));
            Assert.Equal([1L, 2L, 0L, 1L], result.Results.Select(r => r.Result?.UnexpectedCount ?? -1));
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM {table}";
            Assert.Equal(5L, Convert.ToInt64(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            TestDatabases.Execute(connection, $"DROP TABLE IF EXISTS {table}");
        }
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
