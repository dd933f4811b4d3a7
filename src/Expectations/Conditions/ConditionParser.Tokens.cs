using System.Text;

namespace Dq.Expectations.Conditions;

/// <content>The tokenizer.</content>
internal sealed partial class ConditionParser
{
    private enum TokenKind { Word, QuotedName, Number, Text, Operator, Symbol, Method, End }

    private readonly record struct Token(TokenKind Kind, string Text, int Position);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '"' or '\'' or '`')
            {
                var (value, end) = Quoted(text, i);
                tokens.Add(new Token(c == '`' ? TokenKind.QuotedName : TokenKind.Text, value, i));
                i = end;
            }
            else if (char.IsAsciiDigit(c) || (c is '-' or '+' or '.' && i + 1 < text.Length && (char.IsAsciiDigit(text[i + 1]) || text[i + 1] == '.') && StartsValue(tokens)))
            {
                var start = i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] is '.' or 'e' or 'E' || (text[i] is '+' or '-' && text[i - 1] is 'e' or 'E')))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Number, text[start..i], start));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
                tokens.Add(new Token(TokenKind.Word, text[start..i], start));
            }
            else if (c == '.' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                var start = ++i;
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }
                var name = text[start..i];
                if (!text.AsSpan(i).StartsWith("()"))
                {
                    throw new ConditionSyntaxException(text, start, $"expected `()` after `.{name}` (at position {i + 1} of `{Excerpt(text, start)}`)");
                }
                tokens.Add(new Token(TokenKind.Method, name, start - 1));
                i += 2;
            }
            else if (Operator(text, i) is { } op)
            {
                tokens.Add(new Token(TokenKind.Operator, op, i));
                i += op.Length;
            }
            else if (c is '(' or ')' or '&' or '|' or '~')
            {
                tokens.Add(new Token(TokenKind.Symbol, c.ToString(), i));
                i += c is '&' or '|' && i + 1 < text.Length && text[i + 1] == c ? 2 : 1; // && and || read as & and |
            }
            else
            {
                throw new ConditionSyntaxException(text, i, $"unexpected character `{c}` (at position {i + 1} of `{Excerpt(text, i)}`)");
            }
        }
        tokens.Add(new Token(TokenKind.End, "end of condition", text.Length));
        return tokens;
    }

    /// <summary>A sign starts a number only where a value may stand (after an operator, a parenthesis or nothing).</summary>
    private static bool StartsValue(List<Token> tokens) =>
        tokens.Count == 0 || tokens[^1].Kind is TokenKind.Operator || (tokens[^1].Kind == TokenKind.Symbol && tokens[^1].Text != ")");

    private static string? Operator(string text, int i)
    {
        foreach (var op in (string[])["==", "!=", "<=", ">=", "<>", "<", ">", "="])
        {
            if (string.CompareOrdinal(text, i, op, 0, op.Length) == 0)
            {
                return op;
            }
        }
        return null;
    }

    private static (string Value, int End) Quoted(string text, int start)
    {
        var quote = text[start];
        var value = new StringBuilder();
        for (var i = start + 1; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                value.Append(text[++i]);
            }
            else if (text[i] == quote)
            {
                return (value.ToString(), i + 1);
            }
            else
            {
                value.Append(text[i]);
            }
        }
        throw new ConditionSyntaxException(text, start, $"the quote opened at position {start + 1} is never closed (in `{Excerpt(text, start)}`)");
    }
}
