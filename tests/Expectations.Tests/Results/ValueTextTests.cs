using System.Globalization;
using System.Text.Json.Nodes;
using Dq.Expectations.Results;

namespace Dq.Expectations.Tests.Results;

public sealed class ValueTextTests
{
    public static TheoryData<object?, string> Values() => new()
    {
        { null, "null" },
        { "abc", "\"abc\"" },
        { "say \"hi\" \\ bye", "\"say \\\"hi\\\" \\\\ bye\"" },
        { true, "true" },
        { 42L, "42" },
        { -7, "-7" },
        { ulong.MaxValue, "18446744073709551615" },
        { 0.1, "0.1" },
        { 1e-7, "1E-07" },
        { double.NaN, "NaN" },
        { double.NegativeInfinity, "-Infinity" },
        { 1.5f, "1.5" },
        { 12.50m, "12.50" },
        { new DateOnly(2024, 1, 31), "2024-01-31" },
        { new DateTime(2024, 1, 31, 12, 0, 0, 500), "2024-01-31T12:00:00.5" },
        { new DateTimeOffset(2024, 1, 31, 12, 0, 0, TimeSpan.FromHours(2)), "2024-01-31T12:00:00+02:00" },
        { new byte[] { 0x0A, 0xFF }, "0x0AFF" },
        { new object?[] { 1L, "a", null }, "[1, \"a\", null]" },
        { new List<int> { 1, 2 }, "[1, 2]" },
        { (1, "b"), "[1, \"b\"]" },
        { new Dictionary<string, object?> { ["a"] = 1L, ["b"] = "x" }, "{a: 1, b: \"x\"}" },
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Format_ShowsEachKindOfValue(object? value, string expected) => Assert.Equal(expected, ValueText.Format(value));

    [Fact]
    public void Format_IgnoresTheCurrentCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");

            Assert.Equal("[1.5, 2024-03-01T00:00:00]", ValueText.Format(new object[] { 1.5, new DateTime(2024, 3, 1) }));
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Format_ReadsJsonNodesAsTheirValues()
    {
        var node = JsonNode.Parse("""{"set": ["a", 1, 2.5, true, null], "n": 3}""");

        Assert.Equal("{set: [\"a\", 1, 2.5, true, null], n: 3}", ValueText.Format(node));
        Assert.Equal("\"a\"", ValueText.Format(JsonValue.Create("a")));
    }

    [Fact]
    public void Format_CutsLongTextAtTheWidth_NeverInsideASurrogatePair()
    {
        Assert.Equal("\"abcd…", ValueText.Format("abcdefgh", width: 5));
        var emoji = "\"" + new string('a', 3) + "😀";
        Assert.Equal(emoji[..4] + "…", ValueText.Format("aaa😀b", width: 5));
    }

    [Fact]
    public void Format_ShowsAtMostMaxItems()
    {
        var list = Enumerable.Range(0, 100).Cast<object?>().ToList();

        var text = ValueText.Format(list, width: 10_000);

        Assert.Equal(ValueText.MaxItems, text.Count(c => c == ','));
        Assert.EndsWith(", …]", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bare_LeavesStringsUnquoted()
    {
        Assert.Equal("order_id", ValueText.Bare("order_id"));
        Assert.Equal("3", ValueText.Bare(3L));
    }

    [Theory]
    [InlineData(1, "1 row")]
    [InlineData(2, "2 rows")]
    [InlineData(12345, "12,345 rows")]
    public void Count_PluralisesAndGroupsDigits(long count, string expected) => Assert.Equal(expected, ValueText.Count(count, "row"));
}
