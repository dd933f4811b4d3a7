using System.Diagnostics.CodeAnalysis;

namespace Dq.Expectations.Kernels.Strftime;

/// <summary>
/// A strftime format compiled once, that answers per value whether CPython 3.11's <c>datetime.strptime(value, format)</c>
/// would return rather than raise: the rule of GX's <c>expect_column_values_to_match_strftime_format</c>.
/// </summary>
/// <remarks>
/// <para>
/// Python turns the format into a regex (case-insensitive, Unicode <c>\d</c> and <c>\s</c>), takes the regex's first
/// match, fails if any input is left over, then builds a date from the captured fields. This type reproduces each
/// step over UTF-8 bytes: a small backtracking matcher tries every directive's alternatives in Python's order, so an
/// ambiguous value such as <c>2023111</c> under <c>%Y%m%d</c> splits exactly as in Python, and a split that yields an
/// impossible date fails without trying another split, as in Python.
/// </para>
/// <para>
/// Names are the C locale's English names; <c>%Z</c> accepts UTC and GMT only (Python also accepts the machine's local
/// zone names). <see cref="IsMatch"/> allocates nothing and is safe to call from several threads at once.
/// </para>
/// </remarks>
internal sealed partial class StrftimeFormat
{
    private readonly StrftimeNode[] _nodes;
    private readonly StrftimeDateRules _rules;
    private readonly StrftimeFixedLayout? _fixedLayout;

    private StrftimeFormat(string format, StrftimeNode[] nodes, StrftimeDateRules rules)
    {
        Format = format;
        _nodes = nodes;
        _rules = rules;
        _fixedLayout = StrftimeFixedLayout.TryCreate(nodes);
    }

    /// <summary>The format as written, for instance <c>%Y-%m-%d</c>.</summary>
    public string Format { get; }

    /// <summary>
    /// Compiles <paramref name="format"/>, or explains why Python's strptime would reject it for every value: a
    /// directive it does not support (such as <c>%D</c>), a trailing lone <c>%</c>, a directive used twice, or ISO
    /// week directives without their companions (<c>%G</c> without <c>%V</c> and a weekday, <c>%V</c> without <c>%G</c>).
    /// </summary>
    /// <param name="format">A strftime format such as <c>%Y-%m-%dT%H:%M:%S</c>.</param>
    /// <param name="compiled">The compiled format when this returns <see langword="true"/>.</param>
    /// <param name="error">What is wrong and how to fix it when this returns <see langword="false"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="format"/> is <see langword="null"/>.</exception>
    public static bool TryCompile(string format, [NotNullWhen(true)] out StrftimeFormat? compiled,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (StrftimeCompiler.TryCompile(format, out StrftimeNode[] nodes, out error))
        {
            var rules = new StrftimeDateRules(nodes);
            error = rules.CombinationError(format);
            if (error is null)
            {
                compiled = new StrftimeFormat(format, nodes, rules);
                return true;
            }
        }

        compiled = null;
        return false;
    }

    /// <summary>Whether Python's <c>datetime.strptime</c> accepts the value under this format.</summary>
    /// <param name="utf8Value">The whole value, UTF-8 encoded; invalid UTF-8 never matches.</param>
    public bool IsMatch(ReadOnlySpan<byte> utf8Value)
    {
        if (_fixedLayout is not null)
        {
            StrftimeFixedLayout.Outcome outcome = _fixedLayout.Match(utf8Value);
            if (outcome != StrftimeFixedLayout.Outcome.Undecided)
            {
                return outcome == StrftimeFixedLayout.Outcome.Match;
            }
        }

        return IsMatchWithoutShortcut(utf8Value);
    }

    /// <summary>
    /// <see cref="IsMatch"/> without the fixed-layout shortcut: the general matcher alone, so tests can check that the
    /// shortcut never changes an answer.
    /// </summary>
    internal bool IsMatchWithoutShortcut(ReadOnlySpan<byte> utf8Value)
    {
        StrftimeCaptures captured = default;
        return TryMatchFrom(0, 0, utf8Value, ref captured, out int end)
            && end == utf8Value.Length
            && _rules.IsValid(ref captured);
    }

    /// <inheritdoc/>
    public override string ToString() => Format;
}
