using System.Text;

namespace Dq.Expectations.Kernels.Strftime;

/// <summary>
/// The directives CPython 3.11's <c>_strptime</c> understands, with the regex alternatives it builds for each, in the
/// order its regex engine tries them. The order is a fact we must keep: it decides how an ambiguous value such as
/// <c>2023111</c> under <c>%Y%m%d</c> is split.
/// </summary>
internal static class StrftimeDirectives
{
    /// <summary>Every directive a format may use, for error messages.</summary>
    public const string Supported = "%a %A %b %B %c %d %f %G %H %I %j %m %M %p %S %u %U %V %w %W %x %X %y %Y %z %Z %%";

    // Mini syntax mirroring the CPython regexes: a digit or space stands for itself, [a-b] is an ASCII range and
    // 'd' is \d (any Unicode decimal digit); '|' separates alternatives.
    private static readonly DigitClass[][] s_day = ParseDigits("3[0-1]|[1-2]d|0[1-9]|[1-9]| [1-9]");
    private static readonly DigitClass[][] s_month = ParseDigits("1[0-2]|0[1-9]|[1-9]");
    private static readonly DigitClass[][] s_hour24 = ParseDigits("2[0-3]|[0-1]d|d");
    private static readonly DigitClass[][] s_minute = ParseDigits("[0-5]d|d");
    private static readonly DigitClass[][] s_second = ParseDigits("6[0-1]|[0-5]d|d");
    private static readonly DigitClass[][] s_week = ParseDigits("5[0-3]|[0-4]d|d");
    private static readonly DigitClass[][] s_isoWeek = ParseDigits("5[0-3]|0[1-9]|[1-4]d|d");
    private static readonly DigitClass[][] s_dayOfYear =
        ParseDigits("36[0-6]|3[0-5]d|[1-2]dd|0[1-9]d|00[1-9]|[1-9]d|0[1-9]|[1-9]");
    private static readonly DigitClass[][] s_fourDigits = ParseDigits("dddd");
    private static readonly DigitClass[][] s_twoDigits = ParseDigits("dd");
    private static readonly DigitClass[][] s_weekdaySunday0 = ParseDigits("[0-6]");
    private static readonly DigitClass[][] s_weekdayMonday1 = ParseDigits("[1-7]");

    // C-locale names. Python sorts each list longest first; equal lengths keep calendar order.
    private static readonly NameTable s_weekdayAbbreviations =
        Names(["mon", "tue", "wed", "thu", "fri", "sat", "sun"], 0);
    private static readonly NameTable s_weekdayNames =
        Names(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], 0);
    private static readonly NameTable s_monthAbbreviations =
        Names(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1);
    private static readonly NameTable s_monthNames = Names(["january", "february", "march", "april", "may", "june",
        "july", "august", "september", "october", "november", "december"], 1);
    private static readonly NameTable s_amPm = Names(["am", "pm"], 0);

    // Python's %Z list is UTC, GMT and the machine's time.tzname; we keep the machine-independent part.
    private static readonly NameTable s_timeZoneNames = Names(["utc", "gmt"], 0);

    /// <summary>
    /// The C locale's composite directives, as CPython derives them from <c>time.strftime</c> in that locale.
    /// </summary>
    public static string? Expansion(char directive) => directive switch
    {
        'c' => "%a %b %d %H:%M:%S %Y",
        'x' => "%m/%d/%y",
        'X' => "%H:%M:%S",
        _ => null,
    };

    /// <summary>Returns the node of a simple directive (not <c>%%</c>, <c>%c</c>, <c>%x</c>, <c>%X</c>).</summary>
    public static bool TryGetNode(char directive, out StrftimeNode node)
    {
        node = directive switch
        {
            'd' => Number(StrftimeField.Day, s_day),
            'm' => Number(StrftimeField.Month, s_month),
            'Y' => Number(StrftimeField.Year4, s_fourDigits),
            'y' => Number(StrftimeField.Year2, s_twoDigits),
            'G' => Number(StrftimeField.IsoYear, s_fourDigits),
            'H' => Number(StrftimeField.Hour24, s_hour24),
            'I' => Number(StrftimeField.Hour12, s_month),
            'M' => Number(StrftimeField.Minute, s_minute),
            'S' => Number(StrftimeField.Second, s_second),
            'j' => Number(StrftimeField.DayOfYear, s_dayOfYear),
            'U' => Number(StrftimeField.WeekOfYearSunday, s_week),
            'W' => Number(StrftimeField.WeekOfYearMonday, s_week),
            'V' => Number(StrftimeField.IsoWeek, s_isoWeek),
            'w' => Number(StrftimeField.WeekdaySunday0, s_weekdaySunday0),
            'u' => Number(StrftimeField.WeekdayMonday1, s_weekdayMonday1),
            'f' => new StrftimeNode(StrftimeNodeKind.Fraction, StrftimeField.Fraction),
            'z' => new StrftimeNode(StrftimeNodeKind.UtcOffset, StrftimeField.UtcOffset),
            'a' => Name(StrftimeField.WeekdayAbbreviation, s_weekdayAbbreviations),
            'A' => Name(StrftimeField.WeekdayName, s_weekdayNames),
            'b' => Name(StrftimeField.MonthAbbreviation, s_monthAbbreviations),
            'B' => Name(StrftimeField.MonthName, s_monthNames),
            'p' => Name(StrftimeField.AmPm, s_amPm),
            'Z' => Name(StrftimeField.TimeZoneName, s_timeZoneNames),
            _ => default,
        };
        return node.Field != StrftimeField.None;
    }

    /// <summary>How to replace a directive that strptime rejects, for the error message.</summary>
    public static string Hint(char directive) => directive switch
    {
        'D' => "Use '%m/%d/%y' instead.",
        'F' => "Use '%Y-%m-%d' instead.",
        'T' => "Use '%H:%M:%S' instead.",
        'R' => "Use '%H:%M' instead.",
        'r' => "Use '%I:%M:%S %p' instead.",
        'e' => "Use '%d' instead; it also accepts a day padded with a space.",
        'k' => "Use '%H' instead; it also accepts an unpadded hour.",
        'l' => "Use '%I' instead; it also accepts an unpadded hour.",
        'h' => "Use '%b' instead.",
        'n' or 't' => "Use a space instead; a space in the format matches any run of whitespace.",
        '-' or '#' or '_' or '0' or '^' => "Drop the flag; numeric directives already accept values without padding.",
        _ => "Write '%%' for a literal percent sign.",
    };

    private static StrftimeNode Number(StrftimeField field, DigitClass[][] alternatives) =>
        new(StrftimeNodeKind.Number, field, alternatives: alternatives);

    private static StrftimeNode Name(StrftimeField field, NameTable names) =>
        new(StrftimeNodeKind.Name, field, names: names);

    private static NameTable Names(string[] names, int firstValue)
    {
        int[] order = Enumerable.Range(0, names.Length).OrderByDescending(i => names[i].Length).ToArray();
        return new NameTable(
            order.Select(i => Encoding.ASCII.GetBytes(names[i])).ToArray(),
            order.Select(i => i + firstValue).ToArray());
    }

    private static DigitClass[][] ParseDigits(string pattern) =>
        pattern.Split('|').Select(ParseAlternative).ToArray();

    private static DigitClass[] ParseAlternative(string alternative)
    {
        var classes = new List<DigitClass>();
        for (int i = 0; i < alternative.Length; i++)
        {
            char c = alternative[i];
            if (c == '[')
            {
                classes.Add(new DigitClass((byte)alternative[i + 1], (byte)alternative[i + 3]));
                i += 4;
            }
            else
            {
                classes.Add(c == 'd' ? new DigitClass(0, 0) : new DigitClass((byte)c, (byte)c));
            }
        }

        return [.. classes];
    }
}
