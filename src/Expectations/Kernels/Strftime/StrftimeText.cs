using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Dq.Expectations.Kernels.Strftime;

/// <summary>
/// UTF-8 character tests with the meaning Python's <c>re</c> module gives them on <c>str</c> patterns compiled with
/// <c>IGNORECASE</c>: <c>\s</c> and <c>\d</c> are Unicode-aware, and a few ASCII letters also match a non-ASCII letter.
/// </summary>
/// <remarks>
/// Every test returns the number of bytes consumed, or 0 when the character does not match, so callers never decode a
/// character twice. Invalid UTF-8 never matches anything: Python only ever sees valid strings.
/// </remarks>
internal static class StrftimeText
{
    /// <summary>Bit i set means ASCII byte i is <c>\s</c> in Python: \t \n \v \f \r, the separators 0x1C-0x1F, and space.</summary>
    private const ulong AsciiWhitespaceMask = 0x3E00UL | 0xF0000000UL | (1UL << 0x20);

    /// <summary>Returns the UTF-8 length of the whitespace character at <paramref name="index"/>, or 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MatchWhitespace(ReadOnlySpan<byte> value, int index)
    {
        if ((uint)index >= (uint)value.Length)
        {
            return 0;
        }

        byte b = value[index];
        if (b < 0x80)
        {
            return b < 64 && ((AsciiWhitespaceMask >> b) & 1) != 0 ? 1 : 0;
        }

        int length = DecodeAt(value, index, out Rune rune);
        return length > 0 && IsNonAsciiWhitespace(rune.Value) ? length : 0;
    }

    /// <summary>Whether a format character is whitespace to Python (the format's runs of it become <c>\s+</c>).</summary>
    public static bool IsWhitespace(char c) =>
        c < 0x80 ? c < 64 && ((AsciiWhitespaceMask >> c) & 1) != 0 : IsNonAsciiWhitespace(c);

    /// <summary>
    /// Matches Python's <c>\d</c> (any Unicode decimal digit, category Nd) and returns its byte length and digit value.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int MatchDigit(ReadOnlySpan<byte> value, int index, out int digit)
    {
        if ((uint)index < (uint)value.Length)
        {
            digit = value[index] - '0';
            if ((uint)digit <= 9)
            {
                return 1;
            }

            if (value[index] >= 0x80)
            {
                return MatchNonAsciiDigit(value, index, out digit);
            }
        }

        digit = 0;
        return 0;
    }

    /// <summary>
    /// Matches one format character under <c>IGNORECASE</c>. <paramref name="usedNonAscii"/> reports that an ASCII
    /// letter was matched by a non-ASCII look-alike (ſ for s, ı or İ for i, K for k), which Python's regex accepts but
    /// its name tables (%a %A %b %B) then fail to look up.
    /// </summary>
    public static int MatchCharIgnoreCase(ReadOnlySpan<byte> value, int index, int formatChar, out bool usedNonAscii)
    {
        usedNonAscii = false;
        if ((uint)index >= (uint)value.Length)
        {
            return 0;
        }

        byte b = value[index];
        if (formatChar < 0x80)
        {
            if (b < 0x80)
            {
                return b == formatChar || (IsAsciiLetter(formatChar) && (b | 0x20) == (formatChar | 0x20)) ? 1 : 0;
            }

            int length = DecodeAt(value, index, out Rune rune);
            usedNonAscii = length > 0 && IsAsciiLetterLookAlike(formatChar | 0x20, rune.Value);
            return usedNonAscii ? length : 0;
        }

        int consumed = DecodeAt(value, index, out Rune found);
        return consumed > 0 && NonAsciiEqualsIgnoreCase(found.Value, formatChar) ? consumed : 0;
    }

    /// <summary>Decodes the rune at <paramref name="index"/>; returns its length, or 0 for invalid UTF-8.</summary>
    public static int DecodeAt(ReadOnlySpan<byte> value, int index, out Rune rune) =>
        Rune.DecodeFromUtf8(value[index..], out rune, out int consumed) == System.Buffers.OperationStatus.Done ? consumed : 0;

    private static bool IsAsciiLetter(int c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    private static int MatchNonAsciiDigit(ReadOnlySpan<byte> value, int index, out int digit)
    {
        int length = DecodeAt(value, index, out Rune rune);
        if (length > 0 && Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber)
        {
            digit = (int)Rune.GetNumericValue(rune);
            return length;
        }

        digit = 0;
        return 0;
    }

    // The list is what Python 3.11's re module matches with \s beyond ASCII (verified by enumerating all code points).
    private static bool IsNonAsciiWhitespace(int c) =>
        c is 0x85 or 0xA0 or 0x1680 or (>= 0x2000 and <= 0x200A) or 0x2028 or 0x2029 or 0x202F or 0x205F or 0x3000;

    // Python's case-insensitive literal matching lets these non-ASCII characters match ASCII letters (from enumerating
    // every code point against re.compile(letter, re.I)).
    private static bool IsAsciiLetterLookAlike(int lowerLetter, int c) => lowerLetter switch
    {
        'i' => c is 0x130 or 0x131,
        'k' => c == 0x212A,
        's' => c == 0x17F,
        _ => false,
    };

    /// <summary>
    /// Python compares case-insensitively by simple lower case, and adds the extra equivalences listed in
    /// <c>re._casefix</c> (for example the two Greek sigmas). Uncased characters must match exactly.
    /// </summary>
    private static bool NonAsciiEqualsIgnoreCase(int found, int formatChar)
    {
        if (found == formatChar)
        {
            return true;
        }

        if (!Rune.IsValid(formatChar))
        {
            return false;
        }

        var expected = new Rune(formatChar);
        Rune expectedLower = Rune.ToLowerInvariant(expected);
        if (expectedLower == expected && Rune.ToUpperInvariant(expected) == expected)
        {
            return false;
        }

        int foundLower = Rune.ToLowerInvariant(new Rune(found)).Value;
        return foundLower == expectedLower.Value || StrftimeCaseFolding.AreExtraEquivalents(expectedLower.Value, foundLower);
    }
}
