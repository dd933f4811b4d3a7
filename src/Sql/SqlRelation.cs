using System.Text;

namespace Dq.Sql;

/// <summary>What a validation reads: a table named by the user (each part quoted) or a query (wrapped as a subquery).</summary>
internal sealed record SqlRelation(string FromText, bool IsTable)
{
    /// <summary>A table name as <c>schema.table</c>, <c>table</c>, or with double-quoted parts (<c>"my.schema"."t"</c>).</summary>
    /// <exception cref="ArgumentException">The name is empty or its quotes do not close.</exception>
    public static SqlRelation Table(string name)
    {
        var parts = SplitName(name);
        return new SqlRelation(string.Join(".", parts.Select(SqlDialect.Quote)), IsTable: true);
    }

    /// <summary>A query's rows; a trailing semicolon is dropped so the query can be a subquery.</summary>
    public static SqlRelation Query(string query)
    {
        var text = query.Trim().TrimEnd(';').Trim();
        if (text.Length == 0)
        {
            throw new ArgumentException("The query to validate is empty.");
        }
        return new SqlRelation($"({text}\n) AS dq_query", IsTable: false);
    }

    internal static List<string> SplitName(string name)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var wasQuoted = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < name.Length && name[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = wasQuoted = true;
            }
            else if (c == '.')
            {
                parts.Add(Part(current, name, wasQuoted));
                current.Clear();
                wasQuoted = false;
            }
            else
            {
                current.Append(c);
            }
        }
        if (quoted)
        {
            throw new ArgumentException($"Table name `{name}` has a double quote that does not close.");
        }
        parts.Add(Part(current, name, wasQuoted));
        return parts.Count <= 3 ? parts : throw new ArgumentException($"Table name `{name}` has more than three parts; write schema.table.");
    }

    // Unquoted parts keep their case: dq quotes every identifier, so `Orders` names the table "Orders", as the user wrote it.
    private static string Part(StringBuilder current, string name, bool quoted)
    {
        var part = quoted ? current.ToString() : current.ToString().Trim();
        return part.Length > 0 ? part : throw new ArgumentException($"Table name `{name}` has an empty part; write schema.table.");
    }
}
