using Dq.Cli.Commands;
using Dq.Expectations;

namespace Dq.Cli.Tests.Commands;

/// <summary>The <c>--older-than</c> value of <c>dq runs prune</c>: an age back from now, or an ISO 8601 date or time.</summary>
public sealed class OlderThanTests
{
    private static readonly DateTimeOffset s_now = new(2025, 3, 10, 15, 30, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("90m", "2025-03-10T14:00:00Z")]
    [InlineData("12h", "2025-03-10T03:30:00Z")]
    [InlineData("30d", "2025-02-08T15:30:00Z")]
    [InlineData("2w", "2025-02-24T15:30:00Z")]
    [InlineData(" 1d ", "2025-03-09T15:30:00Z")]
    [InlineData("2024-06-01", "2024-06-01T00:00:00Z")]
    [InlineData("2024-06-01T12:00", "2024-06-01T12:00:00Z")]
    [InlineData("2024-06-01T12:00:00Z", "2024-06-01T12:00:00Z")]
    [InlineData("2024-06-01T12:00:00.5+02:00", "2024-06-01T10:00:00.5Z")]
    [InlineData("2024-06-01 12:00:00", "2024-06-01T12:00:00Z")]
    public void Value_NamesThisInstant(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), OlderThan.Parse(text, s_now));
    }

    [Fact]
    public void HugeAge_KeepsEveryRunInsteadOfOverflowing()
    {
        Assert.Equal(DateTimeOffset.MinValue, OlderThan.Parse("99999999999d", s_now));
    }

    [Theory]
    [InlineData("30", "not an age or a date")]
    [InlineData("30D", "not an age or a date")]
    [InlineData("-5d", "not an age or a date")]
    [InlineData("1.5h", "not an age or a date")]
    [InlineData("06/01/2024", "not an age or a date")]
    [InlineData("2024-02-30", "not an age or a date")]
    [InlineData("0m", "above 0")]
    [InlineData("2025-03-11", "in the future")]
    public void BadValue_SaysWhatIsExpected(string text, string message)
    {
        var error = Assert.Throws<ConfigurationException>(() => OlderThan.Parse(text, s_now));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Contains($"`{text}`", error.Message, StringComparison.Ordinal);
    }
}
