using System.Data.Common;

namespace Dq.Sql;

/// <summary>
/// What differs between the engines in the SQL dq writes: parameter markers, the physical row order of a table,
/// and a few spellings. Identifiers are always double-quoted (both engines follow the standard), so a column
/// named <c>x"; DROP TABLE t; --</c> stays one identifier.
/// </summary>
internal sealed class SqlDialect
{
    public static readonly SqlDialect PostgreSql = new(SqlEngine.PostgreSql);
    public static readonly SqlDialect DuckDb = new(SqlEngine.DuckDb);

    private SqlDialect(SqlEngine engine) => Engine = engine;

    public SqlEngine Engine { get; }

    public static SqlDialect For(SqlEngine engine) => engine == SqlEngine.PostgreSql ? PostgreSql : DuckDb;

    /// <summary>A double-quoted identifier; embedded quotes are doubled, as the standard says.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>
    /// The pseudo-column that orders a table's rows as they are stored (load order for a table only appended to):
    /// row indices of unexpected rows and the increasing/decreasing checks follow it.
    /// </summary>
    public string PhysicalRowOrder => Engine == SqlEngine.PostgreSql ? "ctid" : "rowid";

    /// <summary>Text compared by code point, as dq compares text, whatever the database's collation.</summary>
    public string CodePointText(string expression) => Engine == SqlEngine.PostgreSql ? $"({expression} COLLATE \"C\")" : expression;

    /// <summary>A NaN literal of double precision (both engines accept <c>float8</c>).</summary>
    public const string NaN = "CAST('NaN' AS float8)";

    /// <summary>Adds a parameter holding <paramref name="value"/> and returns its marker.</summary>
    public string AddParameter(DbCommand command, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "p" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return (Engine == SqlEngine.PostgreSql ? "@" : "$") + parameter.ParameterName;
    }
}
