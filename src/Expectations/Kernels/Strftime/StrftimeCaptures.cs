using System.Runtime.CompilerServices;

namespace Dq.Expectations.Kernels.Strftime;

/// <summary>
/// What each directive matched, indexed by <see cref="StrftimeField"/>; lives on the stack for one match.
/// </summary>
/// <remarks>
/// Numbers hold their value; names hold their month (1-12), weekday (0 = Monday) or AM/PM (0/1) and hold
/// <see cref="NameLookupFailed"/> when a non-ASCII look-alike letter matched. <c>%z</c> holds 1 when the offset is one
/// Python's <c>datetime</c> accepts after the regex matched, else 0.
/// </remarks>
[InlineArray(FieldCount)]
internal struct StrftimeCaptures
{
    /// <summary>Marks a name that matched the regex but that Python's name table lookup then rejects.</summary>
    public const int NameLookupFailed = -1;

    private const int FieldCount = (int)StrftimeField.TimeZoneName + 1;

    private int _element0;
}
