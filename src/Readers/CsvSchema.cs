using System.Globalization;

namespace Dq.Readers;

/// <summary>One column of a <see cref="CsvSchema"/>: its name, type, and for dates and timestamps an optional format.</summary>
/// <param name="Name">The column name, as in the header (or <c>column_N</c> for a file without a header).</param>
/// <param name="Type">The type the column is read as.</param>
/// <param name="Format">
/// A .NET custom date and time format (such as <c>dd/MM/yyyy</c>) for <see cref="CsvColumnType.Date"/> and
/// <see cref="CsvColumnType.Timestamp"/>, or <see langword="null"/> for ISO 8601.
/// </param>
public sealed record CsvColumnSpec(string Name, CsvColumnType Type, string? Format = null);

/// <summary>
/// Explicit types for some or all columns of a CSV file. Columns it names are read as that type and not inferred;
/// the others are inferred.
/// </summary>
public sealed class CsvSchema
{
    /// <summary>Creates a schema from column specifications.</summary>
    /// <param name="columns">The columns; each name at most once.</param>
    /// <exception cref="ArgumentException">A name is empty or repeated, or a format is given for a type that has none.</exception>
    public CsvSchema(IEnumerable<CsvColumnSpec> columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var byName = new Dictionary<string, CsvColumnSpec>(StringComparer.Ordinal);
        foreach (CsvColumnSpec column in columns)
        {
            if (string.IsNullOrEmpty(column.Name))
            {
                throw new ArgumentException("A CSV schema column needs a name.", nameof(columns));
            }
            if (column.Format is not null && column.Type is not (CsvColumnType.Date or CsvColumnType.Timestamp))
            {
                throw new ArgumentException($"Column `{column.Name}` is {column.Type}, which takes no format; only date and timestamp do.", nameof(columns));
            }
            if (!byName.TryAdd(column.Name, column))
            {
                throw new ArgumentException($"The CSV schema names column `{column.Name}` twice; give each column one type.", nameof(columns));
            }
        }
        Columns = byName;
    }

    /// <summary>The columns, by name.</summary>
    public IReadOnlyDictionary<string, CsvColumnSpec> Columns { get; }

    /// <summary>
    /// Parses the text form <c>name:type[,name:type…]</c>, where type is <c>string</c>, <c>int64</c> (or <c>int</c>,
    /// <c>long</c>), <c>double</c> (or <c>float</c>), <c>bool</c> (or <c>boolean</c>), <c>date</c>, <c>timestamp</c>
    /// (or <c>datetime</c>), case-insensitive; dates and timestamps take an optional .NET format in parentheses:
    /// <c>day:date(dd/MM/yyyy)</c>. This is the form of the CLI's <c>--schema</c> option.
    /// </summary>
    /// <param name="text">The schema text.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="FormatException">The text is malformed or names an unknown type; the message says which part.</exception>
    public static CsvSchema Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var columns = new List<CsvColumnSpec>();
        foreach (string part in SplitTopLevel(text))
        {
            int colon = part.LastIndexOf(':', part.IndexOf('(', StringComparison.Ordinal) is int open and >= 0 ? open : part.Length - 1);
            if (colon <= 0)
            {
                throw new FormatException($"`{part}` in the CSV schema `{text}` is not `name:type`. Example: --schema \"zip:string,amount:double\".");
            }
            string name = part[..colon].Trim();
            string type = part[(colon + 1)..].Trim();
            string? format = null;
            int paren = type.IndexOf('(', StringComparison.Ordinal);
            if (paren >= 0)
            {
                if (!type.EndsWith(')'))
                {
                    throw new FormatException($"The format of column `{name}` in the CSV schema `{text}` is not closed with `)`.");
                }
                format = type[(paren + 1)..^1];
                type = type[..paren].Trim();
            }
            columns.Add(new CsvColumnSpec(name, ParseType(type, name), format));
        }
        try
        {
            return new CsvSchema(columns);
        }
        catch (ArgumentException e)
        {
            throw new FormatException(e.Message, e);
        }
    }

    private static CsvColumnType ParseType(string type, string name) => type.ToLowerInvariant() switch
    {
        "string" or "str" or "text" => CsvColumnType.String,
        "int64" or "int" or "long" or "integer" => CsvColumnType.Int64,
        "double" or "float" or "float64" => CsvColumnType.Double,
        "bool" or "boolean" => CsvColumnType.Boolean,
        "date" => CsvColumnType.Date,
        "timestamp" or "datetime" => CsvColumnType.Timestamp,
        _ => throw new FormatException(string.Create(CultureInfo.InvariantCulture,
            $"Column `{name}` has the unknown type `{type}`. Use string, int64, double, bool, date or timestamp.")),
    };

    private static IEnumerable<string> SplitTopLevel(string text)
    {
        int depth = 0, start = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || (text[i] == ',' && depth == 0))
            {
                string part = text[start..i].Trim();
                if (part.Length > 0)
                {
                    yield return part;
                }
                start = i + 1;
            }
            else if (text[i] == '(')
            {
                depth++;
            }
            else if (text[i] == ')')
            {
                depth = Math.Max(0, depth - 1);
            }
        }
    }
}
