namespace Dq.Expectations.Kernels.Strftime;

/// <summary>
/// <c>%z</c>, which CPython 3.11 matches with <c>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|Z</c> (the <c>Z</c> is
/// case-sensitive) and then checks: seconds must use a colon exactly when the minutes do, and the offset must be
/// under 24 hours.
/// </summary>
internal sealed partial class StrftimeFormat
{
    private const int MaxOffsetFractionDigits = 6;

    private bool TryMatchUtcOffset(int next, int position, ReadOnlySpan<byte> value, ref StrftimeCaptures captured,
        out int end)
    {
        ref int offsetIsValid = ref captured[(int)StrftimeField.UtcOffset];
        end = 0;
        if (position >= value.Length)
        {
            return false;
        }

        if (value[position] == 'Z')
        {
            offsetIsValid = 1;
            return TryMatchFrom(next, position + 1, value, ref captured, out end);
        }

        if (value[position] is not (byte)'+' and not (byte)'-')
        {
            return false;
        }

        int p = position + 1;
        int tens = StrftimeText.MatchDigit(value, p, out int hoursTens);
        int hoursUnits = 0;
        int units = tens == 0 ? 0 : StrftimeText.MatchDigit(value, p + tens, out hoursUnits);
        if (units == 0)
        {
            return false;
        }

        int hours = (hoursTens * 10) + hoursUnits;
        p += tens + units;
        bool minutesColon = p < value.Length && value[p] == ':';
        int minutes = MatchSexagesimal(value, minutesColon ? p + 1 : p);
        if (minutes == 0)
        {
            return false;
        }

        int afterMinutes = p + (minutesColon ? 1 : 0) + minutes;

        // The optional ":SS(.ffffff)" group, greedy: with seconds and the longest fraction first, then shorter ones.
        bool secondsColon = afterMinutes < value.Length && value[afterMinutes] == ':';
        int seconds = MatchSexagesimal(value, secondsColon ? afterMinutes + 1 : afterMinutes);
        if (seconds > 0)
        {
            offsetIsValid = hours < 24 && secondsColon == minutesColon ? 1 : 0;
            int afterSeconds = afterMinutes + (secondsColon ? 1 : 0) + seconds;
            if (TryMatchOffsetFraction(next, afterSeconds, value, ref captured, out end)
                || TryMatchFrom(next, afterSeconds, value, ref captured, out end))
            {
                return true;
            }
        }

        offsetIsValid = hours < 24 ? 1 : 0;
        return TryMatchFrom(next, afterMinutes, value, ref captured, out end);
    }

    /// <summary>Tries <c>\.\d{1,6}</c> at <paramref name="position"/>, longest first.</summary>
    private bool TryMatchOffsetFraction(int next, int position, ReadOnlySpan<byte> value, ref StrftimeCaptures captured,
        out int end)
    {
        end = 0;
        if (position >= value.Length || value[position] != '.')
        {
            return false;
        }

        // Unicode digits differ in byte length, so remember where each one ends to give them back one at a time.
        Span<int> digitEnds = stackalloc int[MaxOffsetFractionDigits];
        int count = 0;
        int p = position + 1;
        while (count < MaxOffsetFractionDigits && StrftimeText.MatchDigit(value, p, out _) is int length and > 0)
        {
            p += length;
            digitEnds[count++] = p;
        }

        for (; count > 0; count--)
        {
            if (TryMatchFrom(next, digitEnds[count - 1], value, ref captured, out end))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Matches <c>[0-5]\d</c>; returns the bytes consumed, or 0.</summary>
    private static int MatchSexagesimal(ReadOnlySpan<byte> value, int position)
    {
        if (position >= value.Length || (uint)(value[position] - '0') > 5)
        {
            return 0;
        }

        int units = StrftimeText.MatchDigit(value, position + 1, out _);
        return units == 0 ? 0 : 1 + units;
    }
}
