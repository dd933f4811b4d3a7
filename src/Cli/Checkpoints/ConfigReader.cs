using System.Globalization;
using Dq.Expectations;
using Dq.Expectations.Suites;

namespace Dq.Cli.Checkpoints;

/// <summary>
/// Typed access to <see cref="ConfigNode"/>s with located messages: every problem names the file, line and column,
/// says what was found and what is allowed.
/// </summary>
internal static class ConfigReader
{
    public static ConfigurationException Error(SourceMark mark, string problem) => new($"{mark}: {problem}");

    public static ConfigMap Map(ConfigNode node, string what) =>
        node as ConfigMap ?? throw Error(node.Mark, $"{what} must be a mapping (`key: value` lines), not {node.Kind}.");

    public static ConfigList List(ConfigNode node, string what) =>
        node as ConfigList ?? throw Error(node.Mark, $"{what} must be a list (lines starting with `- `), not {node.Kind}.");

    public static string Text(ConfigNode node, string what) => node switch
    {
        ConfigScalar { IsNull: false } s => s.Value,
        ConfigScalar s => throw Error(s.Mark, $"{what} is empty; give it a value."),
        _ => throw Error(node.Mark, $"{what} must be a value, not {node.Kind}."),
    };

    /// <summary>A path or glob: a value that is not empty (<c>""</c> would mean the checkpoint's own folder).</summary>
    public static string PathText(ConfigNode node, string what)
    {
        var text = Text(node, what);
        return string.IsNullOrWhiteSpace(text) ? throw Error(node.Mark, $"{what} is an empty path; give a file, folder or glob.") : text;
    }

    public static int Integer(ConfigNode node, string what, int min)
    {
        var text = Text(node, what);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min)
        {
            throw Error(node.Mark, $"{what} must be a whole number of at least {min}, not `{text}`.");
        }
        return value;
    }

    public static char Character(ConfigNode node, string what)
    {
        var text = Text(node, what);
        var value = text == "\\t" ? "\t" : text;
        if (value.Length != 1 || value[0] > 127)
        {
            throw Error(node.Mark, $"{what} must be one ASCII character (write a tab as \"\\t\"), not `{text}`.");
        }
        return value[0];
    }

    public static string OneOf(ConfigNode node, string what, params string[] allowed)
    {
        var text = Text(node, what);
        return allowed.FirstOrDefault(a => a.Equals(text, StringComparison.OrdinalIgnoreCase))
            ?? throw Error(node.Mark, $"{what} is `{text}`; use one of {Join(allowed)}.");
    }

    /// <summary>Rejects keys other than <paramref name="known"/>, suggesting the closest known key for a typo.</summary>
    public static void RejectUnknown(ConfigMap map, string where, params string[] known)
    {
        foreach (var (key, _) in map.Entries)
        {
            if (!known.Contains(key.Name, StringComparer.Ordinal))
            {
                var closest = known.MinBy(k => Spelling.Distance(k, key.Name));
                var hint = closest is not null && Spelling.Distance(closest, key.Name) <= 2 ? $" Did you mean `{closest}`?" : "";
                throw Error(key.Mark, $"unknown key `{key.Name}` in {where}.{hint} Allowed keys: {Join(known)}.");
            }
        }
    }

    public static ConfigNode Required(ConfigMap map, string key, string where) =>
        map[key] ?? throw Error(map.Mark, $"{where} has no `{key}`; add it.");

    public static string Join(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"`{n}`"));
}
