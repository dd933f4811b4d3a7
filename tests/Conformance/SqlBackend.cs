using System.Data.Common;
using System.Text.Json;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations;
using Dq.Expectations.Columns;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Sql;
using DuckDB.NET.Data;
using Npgsql;

namespace Dq.Conformance;

/// <summary>
/// A database the corpus also runs in: each case's table is created there with its column types and rows, and
/// the case is validated by <see cref="SqlValidator"/> instead of the in-memory engine.
/// </summary>
public sealed class SqlBackend : IDisposable
{
    private readonly DbConnection _connection;
    private readonly SqlEngine _engine;
    private readonly string _schema;
    private readonly Lock _lock = new();

    private SqlBackend(SqlEngine engine, DbConnection connection, string schema)
    {
        _engine = engine;
        _connection = connection;
        _schema = schema;
        KnownGaps = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, $"known-gaps.{Name}.json")))!;
    }

    /// <summary>"postgresql" or "duckdb", as the summary line names it.</summary>
    public string Name => _engine == SqlEngine.PostgreSql ? "postgresql" : "duckdb";

    /// <summary>Cases this backend cannot pass, with the reason: known-gaps.&lt;name&gt;.json.</summary>
    public IReadOnlyDictionary<string, string> KnownGaps { get; }

    /// <summary>An in-memory DuckDB database.</summary>
    public static SqlBackend DuckDb()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return new SqlBackend(SqlEngine.DuckDb, connection, "main");
    }

    /// <summary>The server of <c>DQ_TEST_POSTGRES</c> (a libpq URI), in a schema of its own; null when the variable is unset.</summary>
    public static SqlBackend? PostgreSql()
    {
        if (Environment.GetEnvironmentVariable("DQ_TEST_POSTGRES") is not { Length: > 0 } uri)
        {
            return null;
        }
        var connection = new NpgsqlConnection(PostgresConnectionString.FromUri(uri, Environment.GetEnvironmentVariable("PGPASSWORD")).ConnectionString);
        connection.Open();
        var schema = $"dq_conformance_{Environment.ProcessId}_{Environment.TickCount64 % 100000}";
        Execute(connection, $"CREATE SCHEMA \"{schema}\"");
        return new SqlBackend(SqlEngine.PostgreSql, connection, schema);
    }

    public static string NotConfigured => "DQ_TEST_POSTGRES is not set (a libpq URI of a PostgreSQL server the tests may create schemas in; .ci/run starts one)";

    public ValidationResult Validate(GxCase gxCase, RecordBatch table, ExpectationSuite suite, ValidationOptions options)
    {
        // One connection serves every case; cases of a theory may run in parallel.
        lock (_lock)
        {
            var name = Load(gxCase.Id, table);
            return SqlValidator.Validate(SqlSource.OnConnection(_connection, table: $"\"{_schema}\".\"{name}\""), suite, options);
        }
    }

    private string Load(string id, RecordBatch table)
    {
        var name = "t_" + string.Concat(id.Select(c => char.IsLetterOrDigit(c) ? c : '_'));
        var quoted = $"\"{_schema}\".\"{name}\"";
        Execute(_connection, $"DROP TABLE IF EXISTS {quoted}");
        var columns = table.Schema.FieldsList.Select(f => $"{Quote(f.Name)} {SqlType(f.DataType)}");
        Execute(_connection, $"CREATE TABLE {quoted} ({string.Join(", ", columns)})");
        if (table.Length == 0 || table.ColumnCount == 0)
        {
            return name;
        }
        using var transaction = _connection.BeginTransaction();
        for (var row = 0; row < table.Length; row++)
        {
            using var insert = _connection.CreateCommand();
            insert.Transaction = transaction;
            var markers = new List<string>();
            for (var c = 0; c < table.ColumnCount; c++)
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = $"p{c}";
                parameter.Value = DatabaseValue(ArrowValues.Get(table.Column(c), row)) ?? DBNull.Value;
                insert.Parameters.Add(parameter);
                var marker = _engine == SqlEngine.PostgreSql ? $"@p{c}" : $"$p{c}";
                markers.Add($"CAST({marker} AS {SqlType(table.Schema.GetFieldByIndex(c).DataType)})");
            }
            insert.CommandText = $"INSERT INTO {quoted} VALUES ({string.Join(", ", markers)})";
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
        return name;
    }

    private static object? DatabaseValue(object? value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset d => d.UtcDateTime,
        _ => value,
    };

    private string SqlType(IArrowType type) => (type is DictionaryType d ? d.ValueType : type) switch
    {
        Int64Type => "BIGINT",
        DoubleType => "DOUBLE PRECISION",
        BooleanType => "BOOLEAN",
        Date32Type => "DATE",
        TimestampType { Timezone: null or "" } => "TIMESTAMP",
        TimestampType => _engine == SqlEngine.PostgreSql ? "TIMESTAMP WITH TIME ZONE" : "TIMESTAMPTZ",
        _ => "TEXT",
    };

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Execute(DbConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (_engine == SqlEngine.PostgreSql)
        {
            Execute(_connection, $"DROP SCHEMA \"{_schema}\" CASCADE");
        }
        _connection.Dispose();
    }
}
