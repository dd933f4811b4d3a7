namespace Dq.Expectations.Kernels.Text;

/// <summary>
/// dateutil's lexer and word lists: text splits into runs of letters, numbers (one decimal point allowed, as in
/// <c>28.5</c>), single punctuation marks, and one space token per run of white space.
/// </summary>
internal static class DateutilTokens
{
    /// <summary>Words and marks dateutil skips ("jump" tokens).</summary>
    public static readonly HashSet<string> Jump = new(StringComparer.OrdinalIgnoreCase) { " ", ".", ",", ";", "-", "/", "'", "at", "on", "and", "ad", "m", "t", "of", "st", "nd", "rd", "th" };

    private static readonly string[][] s_months =
    [
        ["jan", "january"], ["feb", "february"], ["mar", "march"], ["apr", "april"], ["may"], ["jun", "june"],
        ["jul", "july"], ["aug", "august"], ["sep", "sept", "september"], ["oct", "october"], ["nov", "november"], ["dec", "december"],
    ];

    private static readonly HashSet<string> s_weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        "mon", "monday", "tue", "tuesday", "wed", "wednesday", "thu", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
    };

    public static List<string> Split(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (char.IsWhiteSpace(text[i]))
            {
                while (i < text.Length && char.IsWhiteSpace(text[i]))
                {
                    i++;
                }
                tokens.Add(" ");
                continue;
            }
            if (char.IsLetter(text[i]))
            {
                while (i < text.Length && char.IsLetter(text[i]))
                {
                    i++;
                }
            }
            else if (char.IsAsciiDigit(text[i]))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }
                // "28.5" is one number, but "01.01.2010" (or "5.") is numbers and dots, as dateutil splits them.
                var run = text[start..i];
                if (run.Count(c => c == '.') > 1 || run.EndsWith('.'))
                {
                    foreach (var piece in System.Text.RegularExpressions.Regex.Split(run, "(\\.)"))
                    {
                        if (piece.Length > 0)
                        {
                            tokens.Add(piece);
                        }
                    }
                    continue;
                }
            }
            else
            {
                i++;
            }
            tokens.Add(text[start..i]);
        }
        return tokens;
    }

    public static bool IsNumber(string token) => token.Length > 0 && char.IsAsciiDigit(token[0]);

    public static bool IsWeekday(string token) => s_weekdays.Contains(token);

    /// <summary>The month (1–12) a word names, or 0.</summary>
    public static int Month(string token)
    {
        for (var m = 0; m < s_months.Length; m++)
        {
            if (s_months[m].Contains(token.ToLowerInvariant()))
            {
                return m + 1;
            }
        }
        return 0;
    }

    /// <summary>0 for am, 1 for pm, −1 for neither.</summary>
    public static int AmPm(string token) => token.ToLowerInvariant() switch
    {
        "am" or "a" => 0,
        "pm" or "p" => 1,
        _ => -1,
    };

    /// <summary>The h/m/s unit a word names (0 hours, 1 minutes, 2 seconds), or −1.</summary>
    public static int Unit(string token) => token.ToLowerInvariant() switch
    {
        "h" or "hour" or "hours" => 0,
        "m" or "minute" or "minutes" => 1,
        "s" or "second" or "seconds" => 2,
        _ => -1,
    };
}
