namespace Dq.Expectations.Kernels.Strftime;

/// <summary>
/// A shortcut for formats made only of numeric directives (<c>%Y %y %m %d %H %M %S %f %j ...</c>), ASCII literals
/// and spaces, such as <c>%Y-%m-%d</c> or <c>%d/%m/%Y %H:%M</c>, for values written at full (zero-padded) width.
/// </summary>
/// <remarks>
/// Why it is exact: when every field is at full width and within its regex range, the first alternative Python's
/// regex tries for each field is that full-width one, so Python's first match is this very split and consumes the
/// whole value. A format space reads one whitespace byte; should Python's greedy <c>\s+</c> take a second one, that
/// can only be the pad of a space-padded <c>%d</c> such as " 5", which then reads as the same day. Only the date
/// checks remain, and they are shared with the general matcher. Any other value (another
/// length, a field out of range, a non-ASCII byte, a different literal) is left <see cref="Outcome.Undecided"/>
/// for the general matcher, so the shortcut never changes an answer.
/// </remarks>
internal sealed class StrftimeFixedLayout
{
    private readonly Segment[] _segments;
    private readonly int _length;
    private readonly StrftimeDateRules _rules;

    private StrftimeFixedLayout(Segment[] segments, int length, StrftimeDateRules rules)
    {
        _segments = segments;
        _length = length;
        _rules = rules;
    }

    /// <summary>The shortcut's verdict.</summary>
    public enum Outcome
    {
        /// <summary>The value is not in the fixed layout; ask the general matcher.</summary>
        Undecided,

        /// <summary>Python accepts the value.</summary>
        Match,

        /// <summary>Python rejects the value.</summary>
        NoMatch,
    }

    /// <summary>Builds the shortcut, or returns <see langword="null"/> when the format does not qualify.</summary>
    public static StrftimeFixedLayout? TryCreate(ReadOnlySpan<StrftimeNode> nodes)
    {
        var segments = new Segment[nodes.Length];
        int length = 0;
        for (int i = 0; i < nodes.Length; i++)
        {
            StrftimeNode node = nodes[i];
            Segment? segment = node.Kind switch
            {
                StrftimeNodeKind.Literal when node.Literal is > ' ' and < 0x7F =>
                    new Segment(node.Field, 1, 0, 0, (byte)node.Literal),
                StrftimeNodeKind.Whitespace => new Segment(node.Field, 1, 0, 0, (byte)' '),
                StrftimeNodeKind.Fraction => new Segment(node.Field, 6, 0, 999_999, 0),
                StrftimeNodeKind.Number => NumberSegment(node.Field),
                _ => null,
            };
            if (segment is null)
            {
                return null;
            }

            segments[i] = segment.Value;
            length += segment.Value.Width;
        }

        return new StrftimeFixedLayout(segments, length, new StrftimeDateRules(nodes));
    }

    /// <summary>Decides the value when it is in the fixed layout.</summary>
    public Outcome Match(ReadOnlySpan<byte> value)
    {
        if (value.Length != _length)
        {
            return Outcome.Undecided;
        }

        StrftimeCaptures captured = default;
        int position = 0;
        foreach (Segment segment in _segments)
        {
            if (segment.Field == StrftimeField.None)
            {
                // A format space is \s+; one whitespace byte is its full-width form (see the remarks on the class).
                byte b = value[position];
                bool same = segment.Literal == ' '
                    ? StrftimeText.MatchWhitespace(value, position) == 1
                    : b == segment.Literal || (IsAsciiLetter(segment.Literal) && (b | 0x20) == (segment.Literal | 0x20));
                if (!same)
                {
                    return Outcome.Undecided;
                }

                position++;
                continue;
            }

            if (!TryReadField(value.Slice(position, segment.Width), segment, out int number))
            {
                return Outcome.Undecided;
            }

            captured[(int)segment.Field] = number;
            position += segment.Width;
        }

        return _rules.IsValid(ref captured) ? Outcome.Match : Outcome.NoMatch;
    }

    /// <summary>
    /// The full width of a numeric directive and the values at that width for which Python's first alternative is the
    /// full-width one (for %V, "00" is not: Python reads it as week 0 followed by a stray "0").
    /// </summary>
    private static Segment? NumberSegment(StrftimeField field) => field switch
    {
        StrftimeField.Year4 or StrftimeField.IsoYear => new Segment(field, 4, 0, 9999, 0),
        StrftimeField.Year2 => new Segment(field, 2, 0, 99, 0),
        StrftimeField.Month or StrftimeField.Hour12 => new Segment(field, 2, 1, 12, 0),
        StrftimeField.Day => new Segment(field, 2, 1, 31, 0),
        StrftimeField.Hour24 => new Segment(field, 2, 0, 23, 0),
        StrftimeField.Minute => new Segment(field, 2, 0, 59, 0),
        StrftimeField.Second => new Segment(field, 2, 0, 61, 0),
        StrftimeField.DayOfYear => new Segment(field, 3, 1, 366, 0),
        StrftimeField.WeekOfYearSunday or StrftimeField.WeekOfYearMonday => new Segment(field, 2, 0, 53, 0),
        StrftimeField.IsoWeek => new Segment(field, 2, 1, 53, 0),
        StrftimeField.WeekdaySunday0 => new Segment(field, 1, 0, 6, 0),
        StrftimeField.WeekdayMonday1 => new Segment(field, 1, 1, 7, 0),
        _ => null,
    };

    private static bool TryReadField(ReadOnlySpan<byte> digits, in Segment segment, out int number)
    {
        number = 0;
        int start = 0;
        if (segment.Field == StrftimeField.Day && digits[0] == ' ')
        {
            // %d's " [1-9]" alternative: a space-padded day is full width too.
            start = 1;
            if (digits[1] == '0')
            {
                return false;
            }
        }

        for (int i = start; i < digits.Length; i++)
        {
            int digit = digits[i] - '0';
            if ((uint)digit > 9)
            {
                return false;
            }

            number = (number * 10) + digit;
        }

        return number >= segment.Min && number <= segment.Max;
    }

    private static bool IsAsciiLetter(byte c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>A literal byte (<paramref name="Field"/> is None) or a numeric field of fixed width and regex range.</summary>
    private readonly record struct Segment(StrftimeField Field, byte Width, int Min, int Max, byte Literal);
}
