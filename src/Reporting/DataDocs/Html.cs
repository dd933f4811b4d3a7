using System.Globalization;
using System.Text;

namespace Dq.Reporting.DataDocs;

/// <summary>
/// Escaping for everything that comes from data, suites or checkpoints. Every such string passes through
/// <see cref="Text"/> before it reaches a page: it is then inert in element content and in double-quoted attributes.
/// </summary>
internal static class Html
{
    /// <summary>
    /// Escapes <paramref name="value"/> for HTML text and double-quoted attribute values (<c>&amp; &lt; &gt; " '</c>), after
    /// <see cref="Visible"/> has made control and bidirectional-override characters visible.
    /// </summary>
    public static string Text(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var visible = Visible(value);
        if (visible.AsSpan().IndexOfAny("&<>\"'") < 0)
        {
            return visible;
        }
        var builder = new StringBuilder(visible.Length + 16);
        foreach (var c in visible)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }
        return builder.ToString();
    }

    /// <summary>Appends the escaped <paramref name="value"/> to <paramref name="builder"/>.</summary>
    public static StringBuilder AppendText(this StringBuilder builder, string? value) => builder.Append(Text(value));

    /// <summary>
    /// Replaces control characters (other than space) and the bidirectional controls (U+200E/F, U+202A–E, U+2066–9)
    /// with a visible <c>\uXXXX</c>, so a value can neither reorder the text around it (a right-to-left override
    /// would make <c>exe.txt</c> read as <c>txt.exe</c>) nor hide line breaks; lone surrogates are made visible too.
    /// </summary>
    public static string Visible(string value)
    {
        if (!NeedsVisible(value))
        {
            return value;
        }
        var builder = new StringBuilder(value.Length + 16);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (IsHidden(c))
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

    private static bool NeedsVisible(string value)
    {
        foreach (var c in value)
        {
            if (IsHidden(c))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsHidden(char c) =>
        char.IsControl(c) || char.IsSurrogate(c) || c is '\u200e' or '\u200f' or '\u061c' or '\u2028' or '\u2029' or (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069');

    /// <summary>An invariant-culture number for attributes and text (SVG coordinates, counts).</summary>
    public static string Number(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
