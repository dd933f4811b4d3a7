using System.Data.Common;
using Npgsql;

namespace Dq.Sql;

/// <summary>Database errors as one sentence for the user: the server's message, never the connection string.</summary>
internal static class SqlErrors
{
    public static string Describe(Exception e) => e switch
    {
        PostgresException p => $"{p.MessageText} (SQLSTATE {p.SqlState})",
        NpgsqlException { InnerException: System.Net.Sockets.SocketException s } => $"{s.Message} (is the server running and accepting TCP connections?)",
        NpgsqlException { InnerException: TimeoutException } => "the connection timed out",
        DbException d => d.Message,
        _ => e.Message,
    };
}
