using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// The registration table of expectation types: GX type name → constructor. One explicit table, no reflection,
/// so the supported set is visible in one place.
/// </summary>
public static class ExpectationCatalog
{
    private static readonly Dictionary<string, Func<ExpectationConfiguration, KwargReader, Expectation>> s_types = new(StringComparer.Ordinal)
    {
        [ExpectColumnToExist.TypeName] = static (c, k) => new ExpectColumnToExist(c, k),
        [ExpectColumnValuesToNotBeNull.TypeName] = static (c, k) => new ExpectColumnValuesToNotBeNull(c, k),
        [ExpectColumnValuesToBeNull.TypeName] = static (c, k) => new ExpectColumnValuesToBeNull(c, k),
        [ExpectColumnValuesToBeUnique.TypeName] = static (c, k) => new ExpectColumnValuesToBeUnique(c, k),
        [ExpectColumnValuesToBeBetween.TypeName] = static (c, k) => new ExpectColumnValuesToBeBetween(c, k),
        [ExpectColumnValuesToBeInSet.TypeName] = static (c, k) => new ExpectColumnValuesToBeInSet(c, k),
        [ExpectColumnValuesToNotBeInSet.TypeName] = static (c, k) => new ExpectColumnValuesToNotBeInSet(c, k),
        [ExpectColumnValuesToMatchStrftimeFormat.TypeName] = static (c, k) => new ExpectColumnValuesToMatchStrftimeFormat(c, k),
        [ExpectTableRowCountToBeBetween.TypeName] = static (c, k) => new ExpectTableRowCountToBeBetween(c, k),
        [ExpectTableRowCountToEqual.TypeName] = static (c, k) => new ExpectTableRowCountToEqual(c, k),
    };

    /// <summary>The GX type names dq implements.</summary>
    public static IReadOnlyCollection<string> Types => s_types.Keys;

    /// <summary>Whether dq implements the type.</summary>
    public static bool IsSupported(string type) => s_types.ContainsKey(type);

    /// <summary>Creates an expectation from its configuration, checking its kwargs.</summary>
    /// <param name="configuration">The type, kwargs and meta.</param>
    /// <param name="source">The suite file or name, for messages.</param>
    /// <param name="index">The 0-based position of the expectation in its suite, for messages.</param>
    /// <exception cref="ConfigurationException">The type is unknown or a kwarg is missing or invalid.</exception>
    public static Expectation Create(ExpectationConfiguration configuration, string source = "the suite", int index = 0)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var location = new ExpectationLocation(source, index, configuration.Type);
        if (!s_types.TryGetValue(configuration.Type, out var create))
        {
            throw new ConfigurationException(
                $"{location}: unknown expectation type `{configuration.Type}`. dq supports {string.Join(", ", s_types.Keys.Order())}.");
        }
        if (configuration.Meta["severity"] is { } severity &&
            !(severity.GetValueKind() == System.Text.Json.JsonValueKind.String && severity.GetValue<string>() is "error" or "warn"))
        {
            throw new ConfigurationException($"{location}: meta `severity` must be \"error\" or \"warn\".");
        }
        return create(configuration, new KwargReader(configuration, location));
    }
}
