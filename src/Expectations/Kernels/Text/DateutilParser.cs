using System.Globalization;
using T = Dq.Expectations.Kernels.Text.DateutilTokens;

namespace Dq.Expectations.Kernels.Text;

/// <summary>
/// Whether dateutil's <c>parser.parse</c> (default options: not fuzzy, month first) would read a text as a date
/// or time. A port of its token rules for the forms listed in docs/expectations.md; the value is validated (month
/// 13, day 32 or 30 February fail) but not built.
/// </summary>
internal sealed class DateutilParser
{
    private readonly List<string> _tokens;
    private readonly List<(int Value, char Label)> _ymd = []; // label 'Y' (more than two digits), 'M' (a month name) or ' '
    private int? _hour, _minute, _second;
    private bool _zone;

    private DateutilParser(string text) => _tokens = T.Split(text);

    public static bool IsParseable(string text)
    {
        var parser = new DateutilParser(text);
        return parser.Parse() && parser.IsValidDate();
    }

    private string? At(int i) => i < _tokens.Count ? _tokens[i] : null;

    private bool Parse()
    {
        var found = false;
        for (var i = 0; i < _tokens.Count; i++)
        {
            var token = _tokens[i];
            if (T.IsNumber(token))
            {
                if (!Number(ref i))
                {
                    return false;
                }
                found = true;
            }
            else if (T.IsWeekday(token))
            {
                found = true;
            }
            else if (T.Month(token) is var month and > 0)
            {
                if (!AddYmd(month, 'M'))
                {
                    return false;
                }
                found = true;
            }
            else if (T.AmPm(token) is var half and >= 0 && _hour is { } hour && !T.Jump.Contains(token))
            {
                if (hour > 12)
                {
                    return false;
                }
                _hour = (hour % 12) + (12 * half);
            }
            else if (_hour is not null && !_zone && token.Length <= 5 && (token.All(char.IsAsciiLetterUpper) || token is "z" or "utc" or "gmt"))
            {
                _zone = true; // a time-zone name such as UTC, Z or EST
            }
            else if (_hour is not null && token is "+" or "-" && At(i + 1) is { } offset && T.IsNumber(offset))
            {
                i += At(i + 2) == ":" ? 3 : 1; // +0530 or +05:30
                _zone = true;
            }
            else if (!T.Jump.Contains(token))
            {
                return false;
            }
        }
        return found;
    }

    /// <summary>A numeric token, and the tokens its form consumes (dateutil's _parse_numeric_token).</summary>
    private bool Number(ref int i)
    {
        var token = _tokens[i];
        var integer = token.Split('.')[0];
        var next = At(i + 1);
        if (_ymd.Count == 3 && integer.Length is 2 or 4 && _hour is null && next != ":")
        {
            return SetTime(integer[..2], integer.Length == 4 ? integer[2..] : null, null); // HHMM after a full date
        }
        if (integer.Length == 6 && !token.Contains('.') && _ymd.Count == 0)
        {
            return AddYmd(Int(integer[..2]), ' ') && AddYmd(Int(integer[2..4]), ' ') && AddYmd(Int(integer[4..]), ' ');
        }
        if (integer.Length == 6)
        {
            return SetTime(integer[..2], integer[2..4], integer[4..]);
        }
        if (integer.Length is 8 or 12 or 14 && !token.Contains('.'))
        {
            return AddYmd(Int(integer[..4]), 'Y') && AddYmd(Int(integer[4..6]), ' ') && AddYmd(Int(integer[6..8]), ' ')
                && (integer.Length == 8 || SetTime(integer[8..10], integer[10..12], integer.Length == 14 ? integer[12..] : null));
        }
        if (next is not null && T.Unit(next) is var unit and >= 0 && !(unit == 1 && next.Length == 1 && _hour is null))
        {
            i++;
            return unit switch { 0 => SetPart(ref _hour, token), 1 => SetPart(ref _minute, token), _ => SetPart(ref _second, token) };
        }
        if (next == ":")
        {
            var minute = At(i + 2);
            if (minute is null || !T.IsNumber(minute))
            {
                return false;
            }
            var second = At(i + 3) == ":" ? At(i + 4) : null;
            i += second is null ? 2 : 4;
            return (second is null || T.IsNumber(second)) && SetTime(token, minute, second);
        }
        if (next is "-" or "/" or ".")
        {
            if (!AddYmd(Int(integer), integer.Length > 2 ? 'Y' : ' '))
            {
                return false;
            }
            i++;
            for (var part = 0; part < 2 && At(i + 1) is { } value && !T.Jump.Contains(value); part++)
            {
                var added = T.IsNumber(value) ? AddYmd(Int(value), value.Length > 2 ? 'Y' : ' ') : T.Month(value) is var m and > 0 && AddYmd(m, 'M');
                if (!added)
                {
                    return false;
                }
                i++;
                if (At(i + 1) != next)
                {
                    break;
                }
                i++;
            }
            return true;
        }
        if ((next is not null && T.AmPm(next) >= 0 || (next == " " && At(i + 2) is { } half && T.AmPm(half) >= 0)) && Int(integer) < 24)
        {
            _hour = Int(integer);
            return true;
        }
        return AddYmd(Int(integer), integer.Length > 2 ? 'Y' : ' ');
    }

    private bool AddYmd(int value, char label)
    {
        if (_ymd.Count == 3)
        {
            return false; // more than three date values
        }
        _ymd.Add((value, label == ' ' && value > 100 ? 'Y' : label));
        return true;
    }

    private bool SetTime(string hour, string? minute, string? second) =>
        SetPart(ref _hour, hour) && (minute is null || SetPart(ref _minute, minute)) && (second is null || SetPart(ref _second, second));

    private static bool SetPart(ref int? part, string token)
    {
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        part = (int)value;
        return true;
    }

    private static int Int(string digits) => digits.Length > 9 ? int.MaxValue : int.Parse(digits, CultureInfo.InvariantCulture);

    /// <summary>Resolves day, month and year as dateutil does (month first, then day; a value over 31 is the year) and checks them.</summary>
    private bool IsValidDate()
    {
        if (_hour is > 23 || _minute is > 59 || _second is > 59)
        {
            return false;
        }
        int? year = null, month = null, day = null;
        var monthAt = _ymd.FindIndex(v => v.Label == 'M');
        var values = _ymd.Select(v => v.Value).ToList();
        switch (_ymd.Count)
        {
            case 1 when monthAt == 0:
                month = values[0];
                break;
            case 1:
                (year, day) = values[0] > 31 || _ymd[0].Label == 'Y' ? ((int?)values[0], (int?)null) : ((int?)null, (int?)values[0]);
                break;
            case 2 when monthAt >= 0:
                month = values[monthAt];
                var other = values[1 - monthAt];
                (year, day) = other > 31 || _ymd[1 - monthAt].Label == 'Y' ? ((int?)other, (int?)null) : ((int?)null, (int?)other);
                break;
            case 2:
                (year, month, day) = values[0] > 31 ? ((int?)values[0], (int?)values[1], (int?)null)
                    : values[1] > 31 ? ((int?)values[1], (int?)values[0], (int?)null) : ((int?)null, (int?)values[0], (int?)values[1]);
                break;
            case 3 when monthAt == 1:
                (year, month, day) = values[0] > 31 || _ymd[0].Label == 'Y' ? (values[0], values[1], values[2]) : (values[2], values[1], values[0]);
                break;
            case 3 when monthAt == 2:
                (year, month, day) = values[1] > 31 ? (values[1], values[2], values[0]) : (values[0], values[2], values[1]);
                break;
            case 3 when monthAt == 0:
                (year, month, day) = values[1] > 31 ? (values[1], values[0], values[2]) : (values[2], values[0], values[1]);
                break;
            case 3:
                (year, month, day) = values[0] > 31 || _ymd[0].Label == 'Y' ? (values[0], values[1], values[2])
                    : values[0] > 12 ? (values[2], values[1], values[0]) : (values[2], values[0], values[1]);
                break;
        }
        if (month is < 1 or > 12 || day is < 1 || year is > 9999)
        {
            return false;
        }
        // Two-digit years land within 50 years of today, as dateutil's convertyear does; any leap year checks 29 February.
        var fullYear = year is null ? 2000 : year < 100 ? 2000 + year.Value : year.Value;
        return day is null || day <= DateTime.DaysInMonth(Math.Max(fullYear, 1), month ?? 1);
    }
}
