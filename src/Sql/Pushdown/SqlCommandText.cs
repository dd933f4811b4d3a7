using System.Data.Common;

namespace Dq.Sql.Pushdown;

/// <summary>A statement being written: its text and its parameters, bound to the command that will run it.</summary>
internal sealed class SqlCommandText
{
    public SqlCommandText(SqlSession session)
    {
        Session = session;
        Command = session.Command();
    }

    public SqlSession Session { get; }

    public DbCommand Command { get; }

    public SqlDialect Dialect => Session.Dialect;

    /// <summary>A parameter marker for a literal: values never become SQL text.</summary>
    public string Parameter(object value) => Dialect.AddParameter(Command, value);
}
