using System.Globalization;
using Npgsql;

namespace Dq.Sql;

/// <summary>
/// Reads a libpq connection URI (<c>postgresql://user:password@host:port/db?sslmode=require</c>, also
/// <c>postgres://</c>) into Npgsql's connection string, and names a server without its password.
/// </summary>
public static class PostgresConnectionString
{
    /// <summary>Whether <paramref name="text"/> is a PostgreSQL URI.</summary>
    public static bool IsUri(string text) =>
        text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>The Npgsql connection string of a libpq URI.</summary>
    /// <param name="uri">The URI.</param>
    /// <param name="password">A password to use when the URI has none (from <c>PGPASSWORD</c> or <c>password_env</c>).</param>
    /// <exception cref="ArgumentException">The text is not a PostgreSQL URI dq can read; the message never holds the password.</exception>
    public static NpgsqlConnectionStringBuilder FromUri(string uri, string? password = null)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!IsUri(uri) || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed))
        {
            throw new ArgumentException($"`{Redact(uri)}` is not a PostgreSQL URI; write postgresql://user@host:port/database.", nameof(uri));
        }
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = parsed.Host.Length == 0 ? "localhost" : Uri.UnescapeDataString(parsed.Host),
            Port = parsed.IsDefaultPort || parsed.Port < 0 ? 5432 : parsed.Port,
            Database = Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : null,
            // dq's own statements only; no pooling surprises across validations of different servers.
            ApplicationName = "dq",
        };
        if (parsed.UserInfo.Length > 0)
        {
            var colon = parsed.UserInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon < 0 ? parsed.UserInfo : parsed.UserInfo[..colon]);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(parsed.UserInfo[(colon + 1)..]);
            }
        }
        if (builder.Password is null && password is not null)
        {
            builder.Password = password;
        }
        foreach (var pair in parsed.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? "" : Uri.UnescapeDataString(pair[(equals + 1)..]);
            Apply(builder, name, value, uri);
        }
        return builder;
    }

    /// <summary>The URI with any password replaced by <c>***</c>, for messages.</summary>
    public static string Redact(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var scheme = uri.IndexOf("://", StringComparison.Ordinal);
        var at = uri.LastIndexOf('@');
        if (scheme < 0 || at < scheme)
        {
            return uri;
        }
        var userInfo = uri[(scheme + 3)..at];
        var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? uri : uri[..(scheme + 3)] + userInfo[..colon] + ":***" + uri[at..];
    }

    private static void Apply(NpgsqlConnectionStringBuilder builder, string name, string value, string uri)
    {
        switch (name.ToLowerInvariant())
        {
            case "sslmode":
                builder.SslMode = value.ToLowerInvariant() switch
                {
                    "disable" => SslMode.Disable,
                    "allow" => SslMode.Allow,
                    "prefer" => SslMode.Prefer,
                    "require" => SslMode.Require,
                    "verify-ca" => SslMode.VerifyCA,
                    "verify-full" => SslMode.VerifyFull,
                    _ => throw new ArgumentException($"sslmode `{value}` in `{Redact(uri)}` is not one of disable, allow, prefer, require, verify-ca, verify-full."),
                };
                break;
            case "connect_timeout":
                builder.Timeout = int.Parse(value, CultureInfo.InvariantCulture);
                break;
            case "application_name":
                builder.ApplicationName = value;
                break;
            case "options" when value.StartsWith("-c search_path=", StringComparison.Ordinal):
                builder.SearchPath = value["-c search_path=".Length..];
                break;
            case "sslrootcert":
                builder.RootCertificate = value;
                break;
            case "user":
                builder.Username = value;
                break;
            case "password":
                builder.Password ??= value;
                break;
            case "host":
                builder.Host = value;
                break;
            case "port":
                builder.Port = int.Parse(value, CultureInfo.InvariantCulture);
                break;
            case "dbname":
                builder.Database = value;
                break;
            default:
                throw new ArgumentException($"Parameter `{name}` in `{Redact(uri)}` is not one dq passes on; it reads sslmode, sslrootcert, connect_timeout, application_name, options (search_path), user, password, host, port and dbname.");
        }
    }
}
