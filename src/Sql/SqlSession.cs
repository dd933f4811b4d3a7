using System.Data.Common;
using Dq.Expectations;

namespace Dq.Sql;

/// <summary>
/// One validation's connection with the statements it ran: every statement goes through <see cref="Execute"/>, so
/// database errors become <see cref="DataReadException"/> naming the source, and tests can count statements.
/// </summary>
internal sealed class SqlSession : IDisposable
{
    private readonly bool _owned;

    public SqlSession(SqlSource source, DbConnection connection, bool owned)
    {
        Source = source;
        Connection = connection;
        _owned = owned;
    }

    public SqlSource Source { get; }

    public DbConnection Connection { get; }

    public SqlDialect Dialect => Source.Dialect;

    /// <summary>Sampled rows whose row positions are still to be counted (<see cref="Pushdown.SampleQuery.ResolvePositions"/>).</summary>
    public List<(object Key, object? Value, Dq.Expectations.Metrics.UnexpectedRowsState Rows)> PendingSamples { get; } = [];

    /// <summary>Statements sent and rows received, for tests and the benchmark.</summary>
    public int Statements { get; private set; }

    public long RowsReceived { get; private set; }

    /// <summary>Each statement's text (first line) and time to its last row, for the benchmarks' breakdown.</summary>
    public List<(string Statement, TimeSpan Elapsed)> Log { get; } = [];

    public DbCommand Command()
    {
        var command = Connection.CreateCommand();
        command.CommandTimeout = 0;
        return command;
    }

    /// <summary>Runs a query and hands each row to <paramref name="row"/>.</summary>
    public void Execute(DbCommand command, Action<DbDataReader> row, CancellationToken cancellationToken = default) =>
        Read(command, reader =>
        {
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                RowsReceived++;
                row(reader);
            }
            return 0;
        });

    /// <summary>Runs a query and hands its reader to <paramref name="read"/>; database errors name the source.</summary>
    public T Read<T>(DbCommand command, Func<DbDataReader, T> read)
    {
        Statements++;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            using var reader = command.ExecuteReader();
            var result = read(reader);
            Log.Add((command.CommandText, stopwatch.Elapsed));
            return result;
        }
        catch (DbException e)
        {
            throw new DataReadException($"{Source.Name}: the database refused a query: {SqlErrors.Describe(e)}", e);
        }
        finally
        {
            command.Dispose();
        }
    }

    /// <summary>Opens a reader the caller disposes, for rows streamed through <see cref="ReadRow"/>.</summary>
    public DbDataReader OpenReader(DbCommand command)
    {
        Statements++;
        try
        {
            return command.ExecuteReader();
        }
        catch (DbException e)
        {
            command.Dispose();
            throw new DataReadException($"{Source.Name}: the database refused a query: {SqlErrors.Describe(e)}", e);
        }
    }

    /// <summary>Advances a streamed reader, counting the row; database errors name the source.</summary>
    public bool ReadRow(DbDataReader reader)
    {
        try
        {
            if (!reader.Read())
            {
                return false;
            }
            RowsReceived++;
            return true;
        }
        catch (DbException e)
        {
            throw new DataReadException($"{Source.Name}: the database failed while sending rows: {SqlErrors.Describe(e)}", e);
        }
    }

    /// <summary>Counts rows a caller read through <see cref="Read{T}"/> itself.</summary>
    public void CountRows(long rows) => RowsReceived += rows;

    public void Dispose()
    {
        if (_owned)
        {
            Connection.Dispose();
        }
    }
}
