using System.Text;

namespace Dq.Readers.Tests;

/// <summary>
/// A deliberately plain RFC 4180 parser over a .NET string, written independently of the reader under test: the
/// oracle of the differential tests. Returns the header and the records, with null for empty fields.
/// </summary>
internal static class ReferenceCsv
{
    public static (string[] Header, List<string?[]> Rows) Parse(string text, char delimiter = ',')
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        int i = text.StartsWith('\uFEFF') ? 1 : 0;
        bool atFieldStart = true;
        bool quoted = false;
        while (i < text.Length)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i += 2;
                    continue;
                }
                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && atFieldStart)
            {
                quoted = true;
                atFieldStart = false;
                i++;
            }
            else if (c == delimiter)
            {
                record.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
                i++;
            }
            else if (c is '\r' or '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                atFieldStart = true;
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            }
            else
            {
                field.Append(c);
                atFieldStart = false;
                i++;
            }
        }
        if (!atFieldStart || field.Length > 0 || record.Count > 0)
        {
            record.Add(field.ToString());
            records.Add(record);
        }
        string[] header = [.. records[0]];
        var rows = records.Skip(1)
            .Where(r => header.Length == 1 || !(r.Count == 1 && r[0].Length == 0))
            .Select(r => r.Select(v => v.Length == 0 ? null : v).ToArray())
            .ToList();
        return (header, rows);
    }
}
