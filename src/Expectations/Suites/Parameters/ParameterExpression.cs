using System.Globalization;

namespace Dq.Expectations.Suites.Parameters;

/// <summary>
/// Evaluates the expressions of GX suite parameters: numbers with <c>+ - * /</c> and parentheses, named parameters,
/// <c>now()</c>, <c>datetime(year, month, day[, hour, minute, second])</c>, <c>date(y, m, d)</c>, and
/// <c>timedelta(weeks=, days=, hours=, minutes=, seconds=)</c>; a date plus or minus a timedelta is a date.
/// </summary>
internal sealed class ParameterExpression
{
    private readonly string _text;
    private readonly SuiteParameters _parameters;
    private int _position;
    private int _depth;

    private ParameterExpression(string text, SuiteParameters parameters)
    {
        _text = text;
        _parameters = parameters;
    }

    private static readonly HashSet<string> s_timedeltaUnits = ["weeks", "days", "hours", "minutes", "seconds"];

    public static object? Evaluate(string text, SuiteParameters parameters)
    {
        var expression = new ParameterExpression(text, parameters);
        try
        {
            var value = expression.Sum();
            expression.SkipSpace();
            return expression._position == text.Length ? value : throw expression.Error("unexpected text");
        }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            // An impossible date (datetime(2003, 2, 30)) or one out of range after arithmetic.
            throw expression.Error($"the value is out of range ({e.Message.Split('(')[0].Trim()})");
        }
    }

    private object? Sum()
    {
        var value = Product();
        while (true)
        {
            bool minus;
            if (Next('+'))
            {
                minus = false;
            }
            else if (Next('-'))
            {
                minus = true;
            }
            else
            {
                break;
            }
            var right = Product();
            value = (value, right, minus) switch
            {
                (DateTime d, TimeSpan t, false) => d + t,
                (DateTime d, TimeSpan t, true) => d - t,
                (DateTime d, DateTime e, true) => d - e,
                (TimeSpan a, TimeSpan b, _) => minus ? a - b : a + b,
                (double a, double b, _) => minus ? a - b : a + b,
                _ => throw Error($"cannot {(minus ? "subtract" : "add")} these values"),
            };
        }
        return value;
    }

    private object? Product()
    {
        var value = Atom();
        while (Next('*') || Next('/'))
        {
            var divide = _text[_position - 1] == '/';
            value = (value, Atom()) switch
            {
                (double a, double b) => divide ? a / b : a * b,
                (TimeSpan t, double b) => divide ? t / b : t * b,
                _ => throw Error("only numbers and timedeltas multiply"),
            };
        }
        return value;
    }

    /// <summary>
    /// Atoms nest (parentheses, signs, function arguments) and the parser recurses: the depth is bounded so that a
    /// hostile suite is an error rather than a stack overflow.
    /// </summary>
    private const int MaxDepth = 100;

    private object? Atom()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"the expression nests more than {MaxDepth} deep; simplify it");
        }
        try
        {
            return NestedAtom();
        }
        finally
        {
            _depth--;
        }
    }

    private object? NestedAtom()
    {
        SkipSpace();
        if (Next('('))
        {
            var inner = Sum();
            return Next(')') ? inner : throw Error("expected `)`");
        }
        var start = _position;
        if (Next('-'))
        {
            return Atom() is double d ? -d : throw Error("expected a number after `-`");
        }
        while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '_' or '.'))
        {
            _position++;
        }
        var word = _text[start.._position];
        if (word.Length == 0)
        {
            throw Error("expected a value");
        }
        if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }
        if (!Next('('))
        {
            return _parameters.Values.TryGetValue(word, out var named) ? Normalize(named) : throw Error($"unknown parameter `{word}`; pass it with the run's parameters (on the command line `--param {word}=VALUE`, in a checkpoint `parameters: {{ {word}: VALUE }}`)");
        }
        var (positional, named2) = Arguments();
        return word switch
        {
            "now" when positional.Count == 0 => _parameters.Now,
            "datetime" or "date" when positional.Count is >= 3 and <= 6 => new DateTime(
                (int)positional[0], (int)positional[1], (int)positional[2],
                positional.Count > 3 ? (int)positional[3] : 0, positional.Count > 4 ? (int)positional[4] : 0, positional.Count > 5 ? (int)positional[5] : 0),
            "timedelta" when named2.Keys.FirstOrDefault(k => !s_timedeltaUnits.Contains(k)) is { } unit =>
                throw Error($"timedelta has no unit `{unit}`; use weeks, days, hours, minutes or seconds"),
            "timedelta" => TimeSpan.FromDays((named2.GetValueOrDefault("weeks") * 7) + named2.GetValueOrDefault("days") + (positional.Count > 0 ? positional[0] : 0))
                + TimeSpan.FromHours(named2.GetValueOrDefault("hours")) + TimeSpan.FromMinutes(named2.GetValueOrDefault("minutes"))
                + TimeSpan.FromSeconds(named2.GetValueOrDefault("seconds")),
            _ => throw Error($"unknown function `{word}`; use now(), datetime(y, m, d), date(y, m, d) or timedelta(...)"),
        };
    }

    private (List<double> Positional, Dictionary<string, double> Named) Arguments()
    {
        var positional = new List<double>();
        var named = new Dictionary<string, double>(StringComparer.Ordinal);
        SkipSpace();
        while (!Next(')'))
        {
            SkipSpace();
            var start = _position;
            while (_position < _text.Length && char.IsLetter(_text[_position]))
            {
                _position++;
            }
            var name = _text[start.._position];
            if (name.Length > 0 && Next('='))
            {
                named[name] = Number(Sum());
            }
            else
            {
                _position = start;
                positional.Add(Number(Sum()));
            }
            SkipSpace();
            if (!Next(',') && !Peek(')'))
            {
                throw Error("expected `,` or `)`");
            }
        }
        return (positional, named);
    }

    private double Number(object? value) => value as double? ?? throw Error("expected a number");

    private static object? Normalize(object? value) => value switch
    {
        int i => (double)i,
        long l => (double)l,
        _ => value,
    };

    private bool Next(char c)
    {
        SkipSpace();
        if (_position < _text.Length && _text[_position] == c)
        {
            _position++;
            return true;
        }
        return false;
    }

    private bool Peek(char c)
    {
        SkipSpace();
        return _position < _text.Length && _text[_position] == c;
    }

    private void SkipSpace()
    {
        while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
        {
            _position++;
        }
    }

    private ConfigurationException Error(string problem) =>
        new($"suite parameter `{_text}`: {problem} at position {_position + 1}.");
}
