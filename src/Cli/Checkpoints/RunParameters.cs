using System.Globalization;
using Dq.Expectations;
using Dq.Expectations.Suites.Parameters;

namespace Dq.Cli.Checkpoints;

/// <summary>
/// The values a suite's <c>{"$PARAMETER": "name"}</c> kwargs take in a run: a checkpoint's <c>parameters:</c>
/// (per checkpoint, then per validation) and <c>--param name=value</c>, later ones winning.
/// </summary>
internal static class RunParameters
{
    /// <summary>A value as written: a number, <c>true</c>/<c>false</c>, <c>null</c>, or else text (dates stay text, as in GX's JSON).</summary>
    public static object? Value(string text) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) ? whole
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) ? number
        : text switch
        {
            "true" or "True" => true,
            "false" or "False" => false,
            "null" or "~" => null,
            _ => text,
        };

    /// <summary>The <c>--param name=value</c> options.</summary>
    /// <exception cref="ConfigurationException">A pair has no <c>=</c> or no name.</exception>
    public static IReadOnlyDictionary<string, object?> FromOptions(IEnumerable<string> pairs)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? "" : pair[..equals].Trim();
            if (name.Length == 0)
            {
                throw new ConfigurationException($"--param `{pair}` is not name=value; write for example --param min_amount=0 (the suite refers to it as {{\"$PARAMETER\": \"min_amount\"}}).");
            }
            values[name] = Value(pair[(equals + 1)..]);
        }
        return values;
    }

    /// <summary><paramref name="first"/> with <paramref name="later"/>'s values on top.</summary>
    public static IReadOnlyDictionary<string, object?> Merge(IReadOnlyDictionary<string, object?> first, IReadOnlyDictionary<string, object?> later)
    {
        if (later.Count == 0)
        {
            return first;
        }
        var merged = new Dictionary<string, object?>(first, StringComparer.Ordinal);
        foreach (var (name, value) in later)
        {
            merged[name] = value;
        }
        return merged;
    }

    /// <summary>The parameters a suite is read with; none when no value is given (a <c>$PARAMETER</c> is then an error naming it).</summary>
    public static SuiteParameters? Of(IReadOnlyDictionary<string, object?> values) => values.Count == 0 ? null : new SuiteParameters(values);

    /// <summary>A stable text of the values, so that one suite read with two sets of parameters is read twice.</summary>
    public static string Key(IReadOnlyDictionary<string, object?> values) =>
        string.Join('\n', values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value?.GetType().Name}:{Convert.ToString(p.Value, CultureInfo.InvariantCulture)}"));
}
