using System.Globalization;
using Dq.Expectations;
using Microsoft.Data.Sqlite;

namespace Dq.Cli.Store;

internal sealed partial class ValidationStore
{
    private const string RunColumns = """
        run_id, run_time, checkpoint, checkpoint_run_id, suite, data_asset, success, evaluated_expectations,
        successful_expectations, unsuccessful_expectations, warned_expectations, success_percent, row_count,
        duration_seconds, dq_version
        """;

    /// <summary>The latest runs, newest first, optionally of one suite.</summary>
    public IReadOnlyList<StoredRun> List(string? suite, int limit)
    {
        using var command = Command(null, $"""
            SELECT {RunColumns} FROM runs WHERE ($suite IS NULL OR suite = $suite)
            ORDER BY run_time DESC, run_id LIMIT $limit
            """);
        Bind(command, "$suite", suite);
        Bind(command, "$limit", limit);
        using var reader = command.ExecuteReader();
        var runs = new List<StoredRun>();
        while (reader.Read())
        {
            runs.Add(ReadRun(reader));
        }
        return runs;
    }

    /// <summary>The run whose id is <paramref name="id"/> or starts with it.</summary>
    /// <exception cref="ConfigurationException">No run, or several runs, match.</exception>
    public StoredRun Find(string id)
    {
        using var command = Command(null, $"SELECT {RunColumns} FROM runs WHERE run_id = $id OR run_id LIKE $prefix ESCAPE '\\' ORDER BY run_id LIMIT 2");
        Bind(command, "$id", id);
        Bind(command, "$prefix", id.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%");
        using var reader = command.ExecuteReader();
        var runs = new List<StoredRun>();
        while (reader.Read())
        {
            runs.Add(ReadRun(reader));
        }
        return runs switch
        {
            [var one] => one,
            [] => throw new ConfigurationException($"no run `{id}` in the store `{Path}`. `dq runs list` shows the stored runs."),
            _ => runs.FirstOrDefault(r => r.RunId == id)
                ?? throw new ConfigurationException($"run id `{id}` matches several runs in `{Path}`; give more of the id."),
        };
    }

    /// <summary>The stored per-expectation results of a run, in suite order.</summary>
    public IReadOnlyList<StoredExpectation> Expectations(string runId)
    {
        using var command = Command(null, """
            SELECT expectation_index, type, column_name, severity, success, element_count, missing_count,
                unexpected_count, unexpected_percent, observed_value, exception_message
            FROM expectation_results WHERE run_id = $id ORDER BY expectation_index
            """);
        Bind(command, "$id", runId);
        using var r = command.ExecuteReader();
        var list = new List<StoredExpectation>();
        while (r.Read())
        {
            list.Add(new StoredExpectation(
                r.GetInt32(0), r.GetString(1), Nullable(r, 2, r.GetString), r.GetString(3), r.GetInt32(4) != 0,
                Nullable(r, 5, i => (long?)r.GetInt64(i)), Nullable(r, 6, i => (long?)r.GetInt64(i)), Nullable(r, 7, i => (long?)r.GetInt64(i)),
                Nullable(r, 8, i => (double?)r.GetDouble(i)), Nullable(r, 9, r.GetString), Nullable(r, 10, r.GetString)));
        }
        return list;
    }

    /// <summary>The full GX result JSON of a run.</summary>
    public string ResultJson(string runId)
    {
        using var command = Command(null, "SELECT result_json FROM runs WHERE run_id = $id");
        Bind(command, "$id", runId);
        return (string)command.ExecuteScalar()!;
    }

    /// <summary>The number of stored runs.</summary>
    public int Count()
    {
        using var command = Command(null, "SELECT count(*) FROM runs");
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    private static StoredRun ReadRun(SqliteDataReader r) => new(
        r.GetString(0),
        DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        Nullable(r, 2, r.GetString), Nullable(r, 3, r.GetString), r.GetString(4), r.GetString(5), r.GetInt32(6) != 0,
        r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10), r.GetDouble(11), r.GetInt64(12), r.GetDouble(13), r.GetString(14));

    private static T? Nullable<T>(SqliteDataReader reader, int ordinal, Func<int, T> get) =>
        reader.IsDBNull(ordinal) ? default : get(ordinal);
}
