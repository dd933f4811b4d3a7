using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.RegularExpressions;

namespace Dq.Expectations.Kernels.Text;

/// <summary>
/// Compiles a Python <c>re</c> pattern into a .NET <see cref="Regex"/> with the same meaning for the syntax the two
/// share, after translating the Python-only forms, and with a time limit per value.
/// </summary>
/// <remarks>
/// Translated: <c>(?P&lt;name&gt;…)</c> → <c>(?&lt;name&gt;…)</c>, <c>(?P=name)</c> → <c>\k&lt;name&gt;</c>, <c>\Z</c>
/// (end of text in Python) → <c>\z</c>, and <c>{,n}</c> → <c>{0,n}</c>. The regex is built with
/// <see cref="RegexOptions.NonBacktracking"/> (linear time, no catastrophic backtracking) unless the pattern uses
/// what that engine lacks (backreferences, lookarounds, atomic groups, conditionals); those fall back to the
/// backtracking engine, where <see cref="MatchTimeout"/> bounds the time spent on each value.
/// </remarks>
internal static class PythonRegex
{
    /// <summary>The time a pattern may spend on one value before the check gives up.</summary>
    public static TimeSpan MatchTimeout { get; } = TimeSpan.FromSeconds(1);

    /// <summary>Compiles <paramref name="pattern"/>; false with a message naming the problem when it does not parse.</summary>
    public static bool TryCompile(string pattern, TimeSpan timeout, [NotNullWhen(true)] out Regex? regex, [NotNullWhen(false)] out string? error)
    {
        var translated = Translate(pattern);
        error = null;
        try
        {
            regex = new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, timeout);
            return true;
        }
        catch (NotSupportedException)
        {
            // Backreferences, lookarounds and the like: only the backtracking engine has them.
        }
        catch (ArgumentException e)
        {
            regex = null;
            error = $"the pattern does not parse: {e.Message}";
            return false;
        }
        try
        {
            regex = new Regex(translated, RegexOptions.CultureInvariant, timeout);
            return true;
        }
        catch (ArgumentException e)
        {
            regex = null;
            error = $"the pattern does not parse: {e.Message}";
            return false;
        }
    }

    /// <summary>Rewrites Python-only syntax into its .NET equivalent, leaving escapes and character classes intact.</summary>
    public static string Translate(string pattern)
    {
        var builder = new StringBuilder(pattern.Length);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                builder.Append(!inClass && next == 'Z' ? "\\z" : $"\\{next}");
                i++;
                continue;
            }
            if (inClass)
            {
                inClass = c != ']';
                builder.Append(c);
                continue;
            }
            if (c == '[')
            {
                inClass = true;
                builder.Append(c);
                // A ']' right after '[' or '[^' is a literal member in both syntaxes.
                if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                {
                    builder.Append('^');
                    i++;
                }
                if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                {
                    builder.Append(']');
                    i++;
                }
                continue;
            }
            if (string.CompareOrdinal(pattern, i, "(?P<", 0, 4) == 0)
            {
                builder.Append("(?<");
                i += 3;
                continue;
            }
            if (string.CompareOrdinal(pattern, i, "(?P=", 0, 4) == 0 && pattern.IndexOf(')', i) is var close and > 0)
            {
                builder.Append("\\k<").Append(pattern, i + 4, close - i - 4).Append('>');
                i = close;
                continue;
            }
            if (c == '{' && i + 1 < pattern.Length && pattern[i + 1] == ',' && IsCount(pattern, i + 2))
            {
                builder.Append("{0");
                continue;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Whether digits followed by '}' start at <paramref name="start"/> (the n of Python's {,n}).</summary>
    private static bool IsCount(string pattern, int start)
    {
        var i = start;
        while (i < pattern.Length && char.IsAsciiDigit(pattern[i]))
        {
            i++;
        }
        return i > start && i < pattern.Length && pattern[i] == '}';
    }
}
