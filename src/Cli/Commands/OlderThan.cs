using System.Globalization;
using System.Text.RegularExpressions;
using Dq.Expectations;

namespace Dq.Cli.Commands;

/// <summary>
/// The value of <c>dq runs prune --older-than</c>: an age (<c>90m</c>, <c>12h</c>, <c>30d</c>, <c>8w</c>) counted back
/// from now, or an ISO 8601 date or date-time (<c>2024-06-01</c>, <c>2024-06-01T12:00:00Z</c>; UTC unless it has an
/// offset). Runs stored before the instant are candidates for deletion.
/// </summary>
internal static partial class OlderThan
{
    private const string Expected =
        "Give an age such as 90m, 12h, 30d or 8w (minutes, hours, days, weeks), or an ISO 8601 date or time such as 2024-06-01 or 2024-06-01T12:00:00Z.";

    /// <summary>The instant <paramref name="text"/> names, relative to <paramref name="now"/> for an age.</summary>
    /// <exception cref="ConfigurationException">The text is neither form, is zero, or lies in the future.</exception>
    public static DateTimeOffset Parse(string text, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(text);
        var value = text.Trim();
        DateTimeOffset cutoff;
        if (Age().Match(value) is { Success: true } age)
        {
            var unit = age.Groups["unit"].Value[0] switch
            {
                'm' => TimeSpan.FromMinutes(1),
                'h' => TimeSpan.FromHours(1),
                'd' => TimeSpan.FromDays(1),
                _ => TimeSpan.FromDays(7),
            };
            if (!long.TryParse(age.Groups["count"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count == 0)
            {
                throw new ConfigurationException($"--older-than `{text}` must be a whole number above 0 followed by its unit. {Expected}");
            }
            // An age beyond year 1 keeps every run: clamp rather than overflow.
            cutoff = count > (now - DateTimeOffset.MinValue).Ticks / unit.Ticks ? DateTimeOffset.MinValue : now - TimeSpan.FromTicks(unit.Ticks * count);
        }
        else if (Instant().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture,
                     DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant))
        {
            cutoff = instant;
        }
        else
        {
            throw new ConfigurationException($"--older-than `{text}` is not an age or a date. {Expected}");
        }
        if (cutoff > now)
        {
            throw new ConfigurationException(
                $"--older-than `{text}` is in the future ({cutoff.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} UTC): every run is older than that. Give a past date, or an age such as 30d.");
        }
        return cutoff;
    }

    [GeneratedRegex(@"^(?<count>[0-9]+)(?<unit>[mhdw])$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Age();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Instant();
}
