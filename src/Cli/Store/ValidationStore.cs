using Dq.Expectations;
using Microsoft.Data.Sqlite;

namespace Dq.Cli.Store;

/// <summary>
/// The validation store: a SQLite file that keeps every run (its id, time, checkpoint, suite, data asset, success,
/// statistics, per-expectation results and metrics, and the full result JSON).
/// </summary>
/// <remarks>
/// Several <c>dq</c> processes may write one store at once: it runs in WAL mode with a busy timeout, and each run is
/// written in one immediate transaction, so a run is either complete or absent, even when a process is killed
/// mid-write (SQLite rolls the unfinished transaction back on the next open).
/// </remarks>
internal sealed partial class ValidationStore : IDisposable
{
    /// <summary>How long a writer waits for another process's transaction before giving up.</summary>
    private const int BusyTimeoutMilliseconds = 60_000;

    private readonly SqliteConnection _connection;

    private ValidationStore(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    /// <summary>The store file.</summary>
    public string Path { get; }

    /// <summary>Opens the store at <paramref name="path"/>, creating it (and its folder) when <paramref name="create"/>, and migrates it.</summary>
    /// <exception cref="ConfigurationException">The file is not a dq store, cannot be opened, or is from a newer dq.</exception>
    public static ValidationStore Open(string path, bool create = true)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!create && !File.Exists(full))
        {
            throw new ConfigurationException($"the validation store `{path}` does not exist yet: no run has been stored. Run `dq validate` first, or pass another --store.");
        }
        SqliteConnection? connection = null;
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
            connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = full,
                Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
                Pooling = false,
                DefaultTimeout = BusyTimeoutMilliseconds / 1000,
            }.ToString());
            connection.Open();
            // The busy timeout first: switching to WAL and migrating need locks that another process may hold.
            Execute(connection, $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}");
            Execute(connection, "PRAGMA journal_mode = WAL");
            Execute(connection, "PRAGMA synchronous = FULL");
            Execute(connection, "PRAGMA foreign_keys = ON");
            StoreMigrations.Migrate(connection, path);
            return new ValidationStore(connection, full);
        }
        catch (SqliteException e)
        {
            connection?.Dispose();
            throw new ConfigurationException(
                $"the validation store `{path}` cannot be opened: {e.Message} Check that it is a dq store (a SQLite file), or pass another --store.", e);
        }
        catch
        {
            connection?.Dispose();
            throw;
        }
    }

    /// <summary>The schema version of the open store.</summary>
    public int SchemaVersion => StoreMigrations.Version(_connection);

    public void Dispose() => _connection.Dispose();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
