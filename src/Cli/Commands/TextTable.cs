using System.Globalization;
using System.Text;

namespace Dq.Cli.Commands;

/// <summary>A plain aligned text table: stays readable in CI logs and when piped, unlike a terminal widget.</summary>
internal static class TextTable
{
    public static void Write(TextWriter writer, string[] header, IEnumerable<string[]> rows)
    {
        var list = rows.Select(r => r.Select(c => Clean(c)).ToArray()).ToList();
        var widths = header.Select((h, c) => Math.Max(h.Length, list.Count == 0 ? 0 : list.Max(r => r[c].Length))).ToArray();
        writer.WriteLine(Line(header, widths));
        writer.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in list)
        {
            writer.WriteLine(Line(row, widths));
        }
    }

    /// <summary>Escapes control characters, so a value from the data cannot move the cursor or break the table.</summary>
    public static string Clean(string text, int maxWidth = 60) => Dq.Reporting.TerminalText.Clean(text, maxWidth);

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
}
