namespace Dq.Expectations.Columns;

/// <summary>
/// Orders text by Unicode code point, as Python compares strings and as ordinal UTF-8 byte comparison does.
/// </summary>
/// <remarks>
/// .NET's ordinal comparison orders UTF-16 code units, which differs from code point order in one place: a
/// surrogate (U+D800–DFFF, half of a character above U+FFFF) sorts below U+E000–FFFF although the character it
/// encodes is above them. Shifting the two ranges past each other fixes that without decoding.
/// </remarks>
internal static class TextOrder
{
    public static int Compare(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return (a is null ? 0 : 1) - (b is null ? 0 : 1);
        }
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return Rank(a[i]).CompareTo(Rank(b[i]));
            }
        }
        return a.Length.CompareTo(b.Length);
    }

    private static int Rank(char c) => c >= '\uE000' ? c - 0x800 : char.IsSurrogate(c) ? c + 0x2000 : c;
}
