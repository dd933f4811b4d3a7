using System.Globalization;

namespace Dq.Expectations.Conditions;

/// <summary>
/// Parses dq's row-condition language (docs/conditions.md): comparisons, <c>and</c>/<c>or</c>/<c>not</c> (or
/// pandas' <c>&amp;</c>, <c>|</c>, <c>~</c>), parentheses, null tests, and text, number, boolean, date and timestamp
/// literals. Errors point at the position in the text.
/// </summary>
internal sealed partial class ConditionParser
{
    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _next;
    private int _depth;
    private int _terms;

    private ConditionParser(string text)
    {
        _text = text;
        _tokens = Tokenize(text);
    }

    /// <exception cref="ConditionSyntaxException">The text is not a valid condition.</exception>
    public static ConditionNode Parse(string text)
    {
        var parser = new ConditionParser(text);
        var node = parser.ParseOr();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw parser.Error(parser.Peek, $"unexpected `{parser.Peek.Text}`; join conditions with `and` or `or`");
        }
        return node;
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private bool TakeIf(TokenKind kind, params string[] texts)
    {
        if (Peek.Kind == kind && (texts.Length == 0 || texts.Contains(Peek.Text, StringComparer.OrdinalIgnoreCase)))
        {
            _next++;
            return true;
        }
        return false;
    }

    private ConditionNode ParseOr()
    {
        var left = ParseAnd();
        while (TakeIf(TokenKind.Symbol, "|") || TakeIf(TokenKind.Word, "or"))
        {
            left = new OrNode(left, ParseAnd());
        }
        return left;
    }

    private ConditionNode ParseAnd()
    {
        var left = ParseNot();
        while (TakeIf(TokenKind.Symbol, "&") || TakeIf(TokenKind.Word, "and"))
        {
            left = new AndNode(left, ParseNot());
        }
        return left;
    }

    private ConditionNode ParseNot()
    {
        if (TakeIf(TokenKind.Symbol, "~") || TakeIf(TokenKind.Word, "not"))
        {
            Deeper();
            var negated = new NotNode(ParseNot());
            _depth--;
            return negated;
        }
        return ParsePrimary();
    }

    /// <summary>
    /// Nesting is bounded so that a hostile condition (100,000 parentheses) is an error instead of a stack overflow,
    /// which no handler can catch; the evaluator recurses over the same tree, so the bound protects it too.
    /// </summary>
    private void Deeper()
    {
        if (++_depth > MaxDepth)
        {
            throw Error(Peek, $"the condition nests parentheses or `not` more than {MaxDepth} deep; flatten it");
        }
    }

    /// <summary>The deepest nesting of parentheses and <c>not</c> a condition may have.</summary>
    public const int MaxDepth = 100;

    /// <summary>
    /// The most comparisons and null tests in one condition: a chain of <c>and</c>s is a tree as tall as it is long,
    /// and the evaluator and <see cref="ConditionNode.ToString"/> recurse over it.
    /// </summary>
    public const int MaxTerms = 1000;

    private ConditionNode ParsePrimary()
    {
        if (TakeIf(TokenKind.Symbol, "("))
        {
            Deeper();
            var inner = ParseOr();
            _depth--;
            if (!TakeIf(TokenKind.Symbol, ")"))
            {
                throw Error(Peek, "expected `)` to close the parenthesis");
            }
            return inner;
        }
        var start = Peek;
        if (++_terms > MaxTerms)
        {
            throw Error(start, $"the condition has more than {MaxTerms} comparisons; split it, or test membership with an in-set expectation");
        }
        var left = ParseOperand();
        if (left is ColumnOperand column && TryParseNullTest(column.Name) is { } test)
        {
            return test;
        }
        if (Peek.Kind != TokenKind.Operator)
        {
            throw Error(Peek, $"expected a comparison (==, !=, <, <=, >, >=) or a null test after `{start.Text}`");
        }
        var op = Take().Text switch
        {
            "==" or "=" => ComparisonOperator.Equal,
            "!=" or "<>" => ComparisonOperator.NotEqual,
            "<" => ComparisonOperator.Less,
            "<=" => ComparisonOperator.LessOrEqual,
            ">" => ComparisonOperator.Greater,
            _ => ComparisonOperator.GreaterOrEqual,
        };
        var right = ParseOperand();
        if (left is LiteralOperand && right is LiteralOperand)
        {
            throw Error(start, "a comparison needs a column on at least one side");
        }
        return new ComparisonNode(left, op, right);
    }

    /// <summary><c>x is null</c>, <c>x is not null</c>, and pandas' <c>x.isnull()</c>, <c>x.notnull()</c>, <c>isna</c>, <c>notna</c>.</summary>
    private NullTestNode? TryParseNullTest(string column)
    {
        if (TakeIf(TokenKind.Word, "is"))
        {
            var negated = TakeIf(TokenKind.Word, "not");
            if (!TakeIf(TokenKind.Word, "null", "none"))
            {
                throw Error(Peek, "expected `null` after `is`");
            }
            return new NullTestNode(column, !negated);
        }
        if (Peek.Kind == TokenKind.Method)
        {
            var method = Take();
            return method.Text switch
            {
                "isnull" or "isna" => new NullTestNode(column, true),
                "notnull" or "notna" => new NullTestNode(column, false),
                _ => throw Error(method, $"`.{method.Text}()` is not supported; use `.isnull()`, `.notnull()` or `is [not] null`"),
            };
        }
        return null;
    }

    private Operand ParseOperand()
    {
        var token = Take();
        switch (token.Kind)
        {
            case TokenKind.Number:
                return new LiteralOperand(long.TryParse(token.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)
                    ? l : double.Parse(token.Text, NumberStyles.Float, CultureInfo.InvariantCulture));
            case TokenKind.Text:
                return new LiteralOperand(token.Text);
            case TokenKind.QuotedName:
                return new ColumnOperand(token.Text);
            case TokenKind.Word:
                switch (token.Text.ToLowerInvariant())
                {
                    case "true": return new LiteralOperand(true);
                    case "false": return new LiteralOperand(false);
                    case "null" or "none": return new LiteralOperand(null);
                    case "date" or "timestamp" when Peek.Kind == TokenKind.Text:
                        var literal = Take();
                        return DateTime.TryParse(literal.Text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant)
                            ? new LiteralOperand(DateTime.SpecifyKind(instant, DateTimeKind.Unspecified))
                            : throw Error(literal, $"`{literal.Text}` is not an ISO 8601 {token.Text}, such as \"2024-01-31\" or \"2024-01-31T12:00:00\"");
                    default:
                        if (token.Text is "and" or "or" or "not" or "is")
                        {
                            throw Error(token, $"expected a column or a value, found the keyword `{token.Text}`");
                        }
                        return new ColumnOperand(token.Text);
                }
            case TokenKind.End:
                throw Error(token, "the condition ends where a column or a value was expected");
            default:
                throw Error(token, $"expected a column or a value, found `{token.Text}`");
        }
    }

    private ConditionSyntaxException Error(Token at, string problem) =>
        new(_text, at.Position, $"{problem} (at position {at.Position + 1} of `{Excerpt(_text, at.Position)}`)");

    /// <summary>The condition as messages quote it: whole when short, else the 60 characters around the position.</summary>
    internal static string Excerpt(string text, int position)
    {
        const int Around = 30;
        if (text.Length <= 2 * Around + 20)
        {
            return text;
        }
        int start = Math.Clamp(position - Around, 0, text.Length);
        int end = Math.Clamp(position + Around, start, text.Length);
        return $"{(start > 0 ? "…" : "")}{text[start..end]}{(end < text.Length ? "…" : "")}";
    }
}
