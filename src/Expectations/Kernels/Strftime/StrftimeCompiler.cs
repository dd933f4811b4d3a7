using System.Diagnostics.CodeAnalysis;

namespace Dq.Expectations.Kernels.Strftime;

/// <summary>
/// Turns a format into nodes the way CPython 3.11's <c>TimeRE.pattern</c> turns it into a regex, and rejects the
/// formats that regex cannot be built for: an unknown directive, a trailing <c>%</c>, or a directive used twice
/// (Python names each regex group after its directive, and a repeated group name does not compile).
/// </summary>
internal static class StrftimeCompiler
{
    // Python escapes these before it looks for directives, so '%' followed by one of them reads as a bad directive.
    private const string RegexSpecialCharacters = "\\.^$*+?(){}[]|";

    /// <summary>Compiles <paramref name="format"/>; on failure <paramref name="error"/> says what and how to fix it.</summary>
    public static bool TryCompile(string format, out StrftimeNode[] nodes, [NotNullWhen(false)] out string? error)
    {
        var list = new List<StrftimeNode>();
        var owners = new string?[Enum.GetValues<StrftimeField>().Length];
        if (TryAppend(format, format, composite: null, list, owners, out error))
        {
            nodes = [.. list];
            return true;
        }

        nodes = [];
        return false;
    }

    private static bool TryAppend(string format, string part, string? composite, List<StrftimeNode> nodes,
        string?[] owners, [NotNullWhen(false)] out string? error)
    {
        error = null;
        for (int i = 0; i < part.Length; i++)
        {
            char c = part[i];
            if (StrftimeText.IsWhitespace(c))
            {
                while (i + 1 < part.Length && StrftimeText.IsWhitespace(part[i + 1]))
                {
                    i++;
                }

                nodes.Add(new StrftimeNode(StrftimeNodeKind.Whitespace, StrftimeField.None));
            }
            else if (c != '%')
            {
                int literal = c;
                if (char.IsHighSurrogate(c) && i + 1 < part.Length && char.IsLowSurrogate(part[i + 1]))
                {
                    literal = char.ConvertToUtf32(c, part[++i]);
                }

                nodes.Add(new StrftimeNode(StrftimeNodeKind.Literal, StrftimeField.None, literal));
            }
            else if (i + 1 == part.Length)
            {
                error = $"The strftime format '{format}' ends with a lone '%', which Python's strptime rejects " +
                    $"('stray %'), so no value could match. Write '%%' for a literal percent sign or complete the " +
                    $"directive; supported directives are {StrftimeDirectives.Supported}.";
                return false;
            }
            else if (!TryAppendDirective(format, part[++i], i - 1, composite, nodes, owners, out error))
            {
                return false;
            }
        }

        return true;
    }

    private static bool TryAppendDirective(string format, char directive, int position, string? composite,
        List<StrftimeNode> nodes, string?[] owners, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (directive == '%')
        {
            nodes.Add(new StrftimeNode(StrftimeNodeKind.Literal, StrftimeField.None, '%'));
            return true;
        }

        if (StrftimeDirectives.Expansion(directive) is { } expansion)
        {
            return TryAppend(format, expansion, $"%{directive}", nodes, owners, out error);
        }

        if (!StrftimeDirectives.TryGetNode(directive, out StrftimeNode node))
        {
            error = BadDirective(format, directive, position);
            return false;
        }

        string written = composite is null ? $"%{directive}" : $"%{directive} (inside {composite})";
        if (owners[(int)node.Field] is { } earlier)
        {
            error = $"The strftime format '{format}' uses {written} after {earlier} already matched that field; " +
                "Python's strptime cannot compile a format that repeats a directive, so no value could match. " +
                "Remove one of them.";
            return false;
        }

        owners[(int)node.Field] = written;
        nodes.Add(node);
        return true;
    }

    private static string BadDirective(string format, char directive, int position)
    {
        if (StrftimeText.IsWhitespace(directive) || RegexSpecialCharacters.Contains(directive, StringComparison.Ordinal))
        {
            return $"The strftime format '{format}' has a '%' at position {position} followed by " +
                $"'{directive}', which Python's strptime reports as a bad directive, so no value could match. " +
                $"Write '%%' for a literal percent sign; supported directives are {StrftimeDirectives.Supported}.";
        }

        return $"The strftime format '{format}' uses '%{directive}' at position {position}, a directive Python's " +
            $"strptime does not support, so no value could match. {StrftimeDirectives.Hint(directive)} " +
            $"Supported directives are {StrftimeDirectives.Supported}.";
    }
}
