using Dq.Cli.Running;
using Dq.Expectations;
using static Dq.Cli.Checkpoints.ConfigReader;

namespace Dq.Cli.Checkpoints;

/// <summary>
/// A validation whose <c>data:</c> is a database (<c>postgresql://…</c>, <c>duckdb:&lt;file&gt;</c>): its <c>table:</c> or
/// <c>query:</c>, and <c>password_env:</c>, the environment variable holding the password (never the password itself).
/// </summary>
internal static class CheckpointDatabase
{
    /// <returns>The database, or null when <paramref name="data"/> is a file or glob (which take no table or query).</returns>
    public static DatabaseSource? Read(ConfigMap map, string data, string folder, string where, SourceMark dataMark)
    {
        var table = map["table"];
        var query = map["query"];
        var passwordEnv = map["password_env"];
        if (!DatabaseSource.IsDatabase(data))
        {
            if ((table ?? query ?? passwordEnv) is { } extra)
            {
                throw Error(extra.Mark, $"`table`, `query` and `password_env` of {where} apply to a database; `data` names a file. Give a postgresql:// URI or duckdb:<file> as `data`, or remove them.");
            }
            return null;
        }
        try
        {
            return DatabaseSource.Create(data,
                table is null ? null : Text(table, $"`table` of {where}"),
                query is null ? null : Text(query, $"`query` of {where}"),
                passwordEnv is null ? null : Text(passwordEnv, $"`password_env` of {where}"),
                folder);
        }
        catch (ConfigurationException e)
        {
            throw Error(dataMark, e.Message);
        }
    }
}
