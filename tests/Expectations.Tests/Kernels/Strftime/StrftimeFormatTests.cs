using System.Globalization;
using System.Text;
using System.Text.Json;
using Dq.Expectations.Kernels.Strftime;
using FsCheck.Xunit;
using Xunit;

namespace Dq.Expectations.Tests.Kernels.Strftime;

/// <summary>
/// <see cref="StrftimeFormat"/> against CPython 3.11 itself: strptime-cases.json holds Python's answers, produced by
/// generate_strptime_cases.py in this folder (regenerate it rather than editing the JSON).
/// </summary>
public sealed class StrftimeFormatTests
{
    private static readonly Lazy<JsonDocument> s_cases = new(() => JsonDocument.Parse(
        File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Kernels", "Strftime", "strptime-cases.json"))));

    [Fact]
    public void IsMatch_GeneratedCases_AgreeWithPython()
    {
        var failures = new List<string>();
        int count = 0;
        foreach (JsonElement entry in s_cases.Value.RootElement.GetProperty("cases").EnumerateArray())
        {
            string format = entry.GetProperty("format").GetString()!;
            StrftimeFormat.TryCompile(format, out StrftimeFormat? compiled, out _);
            foreach (JsonElement pair in entry.GetProperty("values").EnumerateArray())
            {
                string value = pair[0].GetString()!;
                bool expected = pair[1].GetBoolean();
                byte[] utf8 = Encoding.UTF8.GetBytes(value);
                count++;

                // A format we reject must be one under which Python accepts no value at all.
                bool agrees = compiled is null
                    ? !expected
                    : compiled.IsMatch(utf8) == expected && compiled.IsMatchWithoutShortcut(utf8) == expected;
                if (!agrees)
                {
                    failures.Add($"format {Quote(format)} value {Quote(value)}: Python says {expected}");
                }
            }
        }

        Assert.Equal(s_cases.Value.RootElement.GetProperty("caseCount").GetInt32(), count);
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} cases disagree with Python:\n" +
            string.Join('\n', failures.Take(40)));
    }

    [Fact]
    public void TryCompile_GeneratedFormats_AgreeWithPython()
    {
        foreach (JsonElement entry in s_cases.Value.RootElement.GetProperty("formats").EnumerateArray())
        {
            string format = entry.GetProperty("format").GetString()!;
            bool expected = entry.GetProperty("compiles").GetBoolean();

            bool compiled = StrftimeFormat.TryCompile(format, out _, out string? error);

            Assert.True(compiled == expected, $"format {Quote(format)}: Python compiles it: {expected}; error: {error}");
        }
    }

    [Fact]
    public void TryCompile_UnsupportedDirective_NamesItAndTheFix()
    {
        bool compiled = StrftimeFormat.TryCompile("%D", out StrftimeFormat? format, out string? error);

        Assert.False(compiled);
        Assert.Null(format);
        Assert.Contains("'%D'", error, StringComparison.Ordinal);
        Assert.Contains("%m/%d/%y", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%Y-%m-%d %Q", "'%Q'")]
    [InlineData("%Y%", "lone '%'")]
    [InlineData("% d", "followed by ' '")]
    [InlineData("%d/%m %d", "%d")]
    [InlineData("%c %Y", "inside %c")]
    [InlineData("%G-%m-%d", "%V")]
    [InlineData("%Y-W%V-%u", "%G")]
    public void TryCompile_FormatPythonCannotCompile_IsRejectedWithReason(string format, string expectedInMessage)
    {
        bool compiled = StrftimeFormat.TryCompile(format, out _, out string? error);

        Assert.False(compiled);
        Assert.Contains(expectedInMessage, error, StringComparison.Ordinal);
        Assert.Contains(format, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("%Y-%m-%d", "2024-02-29", true)]
    [InlineData("%Y-%m-%d", "2023-02-29", false)]
    [InlineData("%Y-%m-%d", "2023-02-30", false)]
    [InlineData("%Y-%m-%d", "2024-3-5", true)]
    [InlineData("%Y%m%d", "2023111", true)]
    [InlineData("%m%d%H", "2301", false)]
    [InlineData("%m%d%H", "2031", true)]
    [InlineData("%Y-%m-%dT%H:%M:%S", "2024-03-15t10:20:30", true)]
    [InlineData("%b %d %Y", "MAR 15 2024", true)]
    [InlineData("%Y-%m-%d %H:%M", "2024-03-15 \t 10:20", true)]
    [InlineData("%H:%M:%S", "23:59:60", false)]
    [InlineData("%z", "+05:30", true)]
    [InlineData("%z", "+01:0030", false)]
    [InlineData("%z", "+2400", false)]
    public void IsMatch_DocumentedExamples_MatchPython(string format, string value, bool expected)
    {
        Assert.True(StrftimeFormat.TryCompile(format, out StrftimeFormat? compiled, out _));

        Assert.Equal(expected, compiled.IsMatch(Encoding.UTF8.GetBytes(value)));
    }

    [Fact]
    public void IsMatch_InvalidUtf8_DoesNotMatch()
    {
        Assert.True(StrftimeFormat.TryCompile("%Y %m", out StrftimeFormat? compiled, out _));

        Assert.False(compiled.IsMatch([(byte)'2', (byte)'0', (byte)'2', (byte)'4', 0xC2, (byte)'1']));
    }

    [Property(MaxTest = 1000)]
    public bool IsMatch_ValidDateTimeInCommonFormats_Matches(DateTime value)
    {
        (string Python, string DotNet)[] layouts =
        [
            ("%Y-%m-%d", "yyyy-MM-dd"),
            ("%Y-%m-%dT%H:%M:%S", "yyyy-MM-ddTHH:mm:ss"),
            ("%d/%m/%Y %H:%M", "dd/MM/yyyy HH:mm"),
            ("%Y%m%d", "yyyyMMdd"),
        ];
        foreach ((string python, string dotNet) in layouts)
        {
            Assert.True(StrftimeFormat.TryCompile(python, out StrftimeFormat? compiled, out _));
            byte[] utf8 = Encoding.UTF8.GetBytes(value.ToString(dotNet, CultureInfo.InvariantCulture));
            if (!compiled.IsMatch(utf8) || !compiled.IsMatchWithoutShortcut(utf8))
            {
                return false;
            }
        }

        return true;
    }

    [Property(MaxTest = 3000)]
    public bool IsMatch_FullWidthNumericValues_ShortcutAgreesWithGeneralMatcher(byte[] digits, byte layout)
    {
        // Each format qualifies for the fixed-layout shortcut; its template says where the digits go. Digits are
        // mostly in range, sometimes not, and a few positions turn into a space, a dash or a letter.
        (string Format, string Template)[] layouts =
        [
            ("%Y-%m-%d", "????-??-??"),
            ("%Y%m%d%H%M%S", "??????????????"),
            ("%d/%m/%Y %H:%M", "??/??/???? ??:??"),
            ("%Y %j", "???? ???"),
            ("%H:%M:%S.%f", "??:??:??.??????"),
            ("%G%V%u", "???????"),
            ("%y%U%w", "?????"),
            ("%Y %d", "???? ??"),
        ];
        (string format, string template) = layouts[layout % layouts.Length];
        Assert.True(StrftimeFormat.TryCompile(format, out StrftimeFormat? compiled, out _));
        byte[] value = Encoding.ASCII.GetBytes(template);
        for (int i = 0, d = 0; i < value.Length && d < digits.Length; i++)
        {
            if (value[i] == '?')
            {
                byte b = digits[d++];
                value[i] = b switch
                {
                    < 200 => (byte)('0' + (b % 4 == 0 ? b % 10 : b % 3)),
                    < 230 => (byte)' ',
                    < 245 => (byte)'-',
                    _ => (byte)'x',
                };
            }
        }

        return compiled.IsMatch(value) == compiled.IsMatchWithoutShortcut(value);
    }

    private static string Quote(string text) => JsonSerializer.Serialize(text);
}
