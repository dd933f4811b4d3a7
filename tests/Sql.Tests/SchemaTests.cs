using Apache.Arrow.Types;
using Dq.Sql.Schema;

namespace Dq.Sql.Tests;

/// <summary>Database types arrive as the Arrow types dq's readers give the same data.</summary>
public sealed class SchemaTests
{
    [Theory]
    [InlineData(SqlEngine.DuckDb)]
    [InlineData(SqlEngine.PostgreSql)]
    public void Schema_MapsEachTypeToItsArrowType(SqlEngine engine)
    {
        using var connection = TestDatabases.Open(engine);
        var table = TestDatabases.UniqueName("types");
        var zoned = engine == SqlEngine.PostgreSql ? "timestamp with time zone" : "TIMESTAMPTZ";
        TestDatabases.Execute(connection, $"CREATE TABLE {table} (i BIGINT, n INTEGER, d DOUBLE PRECISION, t TEXT, b BOOLEAN, day DATE, ts TIMESTAMP, tz {zoned}, m NUMERIC(10,2))");
        try
        {
            using var session = SqlSource.OnConnection(connection, table: table).Open();
            var schema = SqlSchemaReader.Read(session);
            Assert.Equal(
                ["Int64", "Int32", "Double", "String", "Boolean", "Date32", "Timestamp()", "Timestamp(UTC)", "Decimal128(10,2)"],
                schema.FieldsList.Select(f => f.DataType switch
                {
                    TimestampType t => $"Timestamp({t.Timezone})",
                    Decimal128Type m => $"Decimal128({m.Precision},{m.Scale})",
                    var other => other.TypeId.ToString(),
                }));
        }
        finally
        {
            TestDatabases.Execute(connection, $"DROP TABLE {table}");
        }
    }
}
