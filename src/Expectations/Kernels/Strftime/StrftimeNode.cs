namespace Dq.Expectations.Kernels.Strftime;

/// <summary>What one compiled element of a format matches.</summary>
internal enum StrftimeNodeKind : byte
{
    /// <summary>One format character, compared case-insensitively as Python's <c>IGNORECASE</c> does.</summary>
    Literal,

    /// <summary>A run of format whitespace, which matches one or more whitespace characters (<c>\s+</c>).</summary>
    Whitespace,

    /// <summary>A numeric directive: ordered digit alternatives, tried first to last.</summary>
    Number,

    /// <summary><c>%f</c>: one to six ASCII digits, longest first.</summary>
    Fraction,

    /// <summary>A name from a fixed list (<c>%a %A %b %B %p %Z</c>), longest names tried first.</summary>
    Name,

    /// <summary><c>%z</c>: <c>Z</c>, or a signed offset with optional colons, seconds and fraction.</summary>
    UtcOffset,
}

/// <summary>The capture slot of a directive; Python names each regex group after its directive letter.</summary>
internal enum StrftimeField : byte
{
    None,
    Year4,
    Year2,
    Month,
    MonthAbbreviation,
    MonthName,
    Day,
    Hour24,
    Hour12,
    AmPm,
    Minute,
    Second,
    Fraction,
    DayOfYear,
    WeekdayAbbreviation,
    WeekdayName,
    WeekdaySunday0,
    WeekdayMonday1,
    WeekOfYearSunday,
    WeekOfYearMonday,
    IsoYear,
    IsoWeek,
    UtcOffset,
    TimeZoneName,
}

/// <summary>One character class of a digit alternative: an ASCII range, or Python's Unicode <c>\d</c>.</summary>
/// <param name="Low">Lowest ASCII byte accepted; 0 means any Unicode decimal digit.</param>
/// <param name="High">Highest ASCII byte accepted.</param>
internal readonly record struct DigitClass(byte Low, byte High)
{
    /// <summary>Python's <c>\d</c> on <c>str</c>: any character of category Nd.</summary>
    public bool IsUnicodeDigit => Low == 0;
}

/// <summary>The names a name directive accepts, in the order Python's alternation tries them (longest first).</summary>
/// <param name="Names">Lower-case ASCII names.</param>
/// <param name="Values">The value each name stands for (month 1-12, weekday 0 = Monday, 0 = AM / 1 = PM).</param>
internal sealed record NameTable(byte[][] Names, int[] Values);

/// <summary>One element of a compiled format; which members are set depends on <see cref="Kind"/>.</summary>
internal readonly struct StrftimeNode
{
    /// <summary>Creates a node.</summary>
    public StrftimeNode(StrftimeNodeKind kind, StrftimeField field, int literal = 0,
        DigitClass[][]? alternatives = null, NameTable? names = null)
    {
        Kind = kind;
        Field = field;
        Literal = literal;
        Alternatives = alternatives;
        Names = names;
    }

    /// <summary>What the node matches.</summary>
    public StrftimeNodeKind Kind { get; }

    /// <summary>Where a directive stores what it matched; <see cref="StrftimeField.None"/> for literals.</summary>
    public StrftimeField Field { get; }

    /// <summary>The format character (a Unicode scalar value) of a <see cref="StrftimeNodeKind.Literal"/>.</summary>
    public int Literal { get; }

    /// <summary>The digit alternatives of a <see cref="StrftimeNodeKind.Number"/>, in regex order.</summary>
    public DigitClass[][]? Alternatives { get; }

    /// <summary>The names of a <see cref="StrftimeNodeKind.Name"/>.</summary>
    public NameTable? Names { get; }

    /// <summary>
    /// Whether the node can match in at most one way at a given position, so the matcher never needs to come back to
    /// it. Literals and names qualify (no English name is a prefix of another); so does a number with one alternative.
    /// </summary>
    public bool IsDeterministic =>
        Kind is StrftimeNodeKind.Literal or StrftimeNodeKind.Name
        || (Kind == StrftimeNodeKind.Number && Alternatives!.Length == 1);
}
