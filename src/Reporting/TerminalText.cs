using System.Globalization;
using System.Text;

namespace Dq.Reporting;

/// <summary>Makes text from data safe to print in a terminal, a CI log or a test runner's output.</summary>
public static class TerminalText
{
    /// <summary>
    /// Escapes control characters (ANSI escapes, newlines) and bidirectional overrides as <c>\uXXXX</c>, so a value
    /// from the data cannot move the cursor, break a table or reorder what is shown, and shortens it to
    /// <paramref name="maxWidth"/> characters with an ellipsis.
    /// </summary>
    public static string Clean(string text, int maxWidth = 60)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(Math.Min(text.Length, maxWidth) + 1);
        foreach (var c in text)
        {
            if (builder.Length >= maxWidth)
            {
                builder.Append('…');
                break;
            }
            if (char.IsControl(c) || c is '\u200e' or '\u200f' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069'))
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
