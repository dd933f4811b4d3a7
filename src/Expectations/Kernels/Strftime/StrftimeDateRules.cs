namespace Dq.Expectations.Kernels.Strftime;

/// <summary>
/// The checks CPython's <c>datetime.strptime</c> makes after its regex matched: it builds a date from the captured
/// fields and raises when that date, the seconds or the UTC offset cannot exist. Which field wins when two supply the
/// same value (<c>%y</c> and <c>%Y</c>, <c>%m</c> and <c>%b</c>, ...) is fixed by the format, so it is decided here once.
/// </summary>
/// <remarks>
/// Python resolves the fields in format order and the later one wins. A day of year (<c>%j</c>), or a week
/// (<c>%U</c>/<c>%W</c>) together with a weekday, replaces month and day entirely, so an impossible <c>%m</c>/<c>%d</c>
/// pair is then never checked. A weekday alone is never checked against the date.
/// </remarks>
internal sealed class StrftimeDateRules
{
    private readonly StrftimeField _year;
    private readonly StrftimeField _month;
    private readonly StrftimeField _weekday;
    private readonly StrftimeField _week;
    private readonly bool _hasDay;
    private readonly bool _hasDayOfYear;
    private readonly bool _hasIsoYear;
    private readonly bool _hasIsoWeek;
    private readonly bool _hasSecond;
    private readonly bool _hasOffset;
    private readonly StrftimeField[] _names;
    private readonly bool _isPlainDate;

    /// <summary>Reads which fields the compiled format captures, in order.</summary>
    public StrftimeDateRules(ReadOnlySpan<StrftimeNode> nodes)
    {
        var names = new List<StrftimeField>();
        foreach (StrftimeNode node in nodes)
        {
            switch (node.Field)
            {
                case StrftimeField.Year4 or StrftimeField.Year2:
                    _year = node.Field;
                    break;
                case StrftimeField.Month:
                    _month = node.Field;
                    break;
                case StrftimeField.MonthAbbreviation or StrftimeField.MonthName:
                    _month = node.Field;
                    names.Add(node.Field);
                    break;
                case StrftimeField.WeekdayAbbreviation or StrftimeField.WeekdayName:
                    _weekday = node.Field;
                    names.Add(node.Field);
                    break;
                case StrftimeField.WeekdaySunday0 or StrftimeField.WeekdayMonday1:
                    _weekday = node.Field;
                    break;
                case StrftimeField.WeekOfYearSunday or StrftimeField.WeekOfYearMonday:
                    _week = node.Field;
                    break;
            }

            _hasDay |= node.Field == StrftimeField.Day;
            _hasDayOfYear |= node.Field == StrftimeField.DayOfYear;
            _hasIsoYear |= node.Field == StrftimeField.IsoYear;
            _hasIsoWeek |= node.Field == StrftimeField.IsoWeek;
            _hasSecond |= node.Field == StrftimeField.Second;
            _hasOffset |= node.Field == StrftimeField.UtcOffset;
        }

        _names = [.. names];
        _isPlainDate = _names.Length == 0 && _week == StrftimeField.None && _weekday == StrftimeField.None
            && !_hasDayOfYear && !_hasIsoYear && !_hasIsoWeek;
    }

    /// <summary>
    /// Explains why no value can ever match when the format combines ISO directives in a way Python refuses after
    /// every match (its own messages, reworded); <see langword="null"/> when the combination is fine. GX's format
    /// check, which parses a freshly formatted date, refuses these formats too.
    /// </summary>
    public string? CombinationError(string format)
    {
        const string Weekdays = "a weekday directive (%a, %A, %w or %u)";
        bool hasWeekday = _weekday != StrftimeField.None;
        string? problem = null;
        if (_year == StrftimeField.None && _hasIsoYear)
        {
            problem = !_hasIsoWeek || !hasWeekday ? $"uses the ISO year %G, which needs the ISO week %V and {Weekdays}"
                : _hasDayOfYear ? "combines the day of year %j with the ISO year %G; use %Y with %j instead"
                : null;
        }
        else if (_week == StrftimeField.None && _hasIsoWeek)
        {
            problem = hasWeekday ? "combines the ISO week %V with the calendar year; use the ISO year %G with %V instead"
                : $"uses the ISO week %V, which needs the ISO year %G and {Weekdays}";
        }

        return problem is null ? null
            : $"The strftime format '{format}' {problem}. Python's strptime rejects every value of such a format.";
    }

    /// <summary>Whether <c>datetime.strptime</c> returns, rather than raises, for these captured fields.</summary>
    public bool IsValid(ref StrftimeCaptures captured)
    {
        foreach (StrftimeField name in _names)
        {
            if (captured[(int)name] == StrftimeCaptures.NameLookupFailed)
            {
                return false;
            }
        }

        // The regex allows leap seconds 60 and 61, which the datetime constructor then refuses; an offset's verdict
        // was settled when %z matched.
        if ((_hasSecond && captured[(int)StrftimeField.Second] > 59)
            || (_hasOffset && captured[(int)StrftimeField.UtcOffset] == 0))
        {
            return false;
        }

        int month = _month == StrftimeField.None ? 1 : captured[(int)_month];
        int day = _hasDay ? captured[(int)StrftimeField.Day] : 1;
        bool hasYear = _year != StrftimeField.None;
        bool hasWeekday = _weekday != StrftimeField.None;
        if (_isPlainDate)
        {
            // The common case (year, month, day, time): only the date itself can be wrong. February 29th without a
            // year is checked as 1900, the year Python puts back before building the datetime.
            return StrftimeCalendar.IsValidDate(hasYear ? Year(ref captured) : 1900, month, day);
        }

        // Without a year Python assumes 1900, or the leap year 1904 for February 29th, then puts 1900 back at the end.
        bool restore1900 = !hasYear && month == 2 && day == 29;
        int year = hasYear ? Year(ref captured) : restore1900 ? 1904 : 1900;
        bool hasDayOfYear = _hasDayOfYear;
        int dayOfYear = hasDayOfYear ? captured[(int)StrftimeField.DayOfYear] : 0;
        if (!hasDayOfYear && hasWeekday && (_week != StrftimeField.None || (_hasIsoYear && _hasIsoWeek)))
        {
            if (!TryDayOfYearFromWeek(ref captured, ref year, out dayOfYear))
            {
                return false;
            }

            hasDayOfYear = true;
        }

        if (hasDayOfYear)
        {
            if ((uint)(year - 1) >= 9999)
            {
                return false;
            }

            long ordinal = StrftimeCalendar.FirstDayOfYear(year) + (long)dayOfYear - 1;
            if (ordinal < 1 || ordinal > StrftimeCalendar.MaxOrdinal)
            {
                return false;
            }

            DateOnly date = StrftimeCalendar.FromOrdinal((int)ordinal);
            (year, month, day) = (date.Year, date.Month, date.Day);
        }

        // The datetime constructor is the last judge; it also rejects the restored 1900-02-29.
        return StrftimeCalendar.IsValidDate(restore1900 ? 1900 : year, month, day);
    }

    private int Year(ref StrftimeCaptures captured)
    {
        int value = captured[(int)_year];
        return _year == StrftimeField.Year4 ? value : value <= 68 ? 2000 + value : 1900 + value;
    }

    private int Weekday(ref StrftimeCaptures captured)
    {
        int value = captured[(int)_weekday];
        return _weekday switch
        {
            StrftimeField.WeekdaySunday0 => value == 0 ? 6 : value - 1,
            StrftimeField.WeekdayMonday1 => value - 1,
            _ => value,
        };
    }

    /// <summary>
    /// Python's day-of-year from a week number and weekday (<c>%U</c>/<c>%W</c>) or from an ISO year, week and
    /// weekday (<c>%G %V</c>). A result of zero or less moves into the previous year.
    /// </summary>
    private bool TryDayOfYearFromWeek(ref StrftimeCaptures captured, ref int year, out int dayOfYear)
    {
        int weekday = Weekday(ref captured);
        if (_week != StrftimeField.None)
        {
            if ((uint)(year - 1) >= 9999)
            {
                dayOfYear = 0;
                return false;
            }

            int week = captured[(int)_week];
            int firstWeekday = StrftimeCalendar.Weekday(StrftimeCalendar.FirstDayOfYear(year));
            if (_week == StrftimeField.WeekOfYearSunday)
            {
                // Shift so that Sunday is day 0 of the week.
                firstWeekday = (firstWeekday + 1) % 7;
                weekday = (weekday + 1) % 7;
            }

            int weekZeroLength = (7 - firstWeekday) % 7;
            dayOfYear = week == 0 ? 1 + weekday - firstWeekday : 1 + weekZeroLength + (7 * (week - 1)) + weekday;
        }
        else if (!TryDayOfYearFromIsoWeek(captured[(int)StrftimeField.IsoYear], captured[(int)StrftimeField.IsoWeek],
            weekday + 1, out year, out dayOfYear))
        {
            return false;
        }

        if (dayOfYear <= 0)
        {
            year--;
            dayOfYear += StrftimeCalendar.IsLeapYear(year) ? 366 : 365;
        }

        return true;
    }

    private static bool TryDayOfYearFromIsoWeek(int isoYear, int isoWeek, int isoWeekday, out int year, out int dayOfYear)
    {
        year = isoYear;
        dayOfYear = 0;
        if ((uint)(isoYear - 1) >= 9999)
        {
            return false;
        }

        int january4 = StrftimeCalendar.FirstDayOfYear(isoYear) + 3;
        int correction = StrftimeCalendar.Weekday(january4) + 1 + 3;
        dayOfYear = (isoWeek * 7) + isoWeekday - correction;
        if (dayOfYear < 1)
        {
            if (isoYear == 1)
            {
                return false;
            }

            year = isoYear - 1;
            dayOfYear += StrftimeCalendar.FirstDayOfYear(isoYear) - StrftimeCalendar.FirstDayOfYear(year);
        }

        return true;
    }
}
