using Dq.Expectations.Suites;
using Dq.Expectations.Suites.Parameters;

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
        [ExpectColumnMinToBeBetween.TypeName] = static (c, k) => new ExpectColumnMinToBeBetween(c, k),
        [ExpectColumnMaxToBeBetween.TypeName] = static (c, k) => new ExpectColumnMaxToBeBetween(c, k),
        [ExpectColumnMeanToBeBetween.TypeName] = static (c, k) => new ExpectColumnMeanToBeBetween(c, k),
        [ExpectColumnMedianToBeBetween.TypeName] = static (c, k) => new ExpectColumnMedianToBeBetween(c, k),
        [ExpectColumnSumToBeBetween.TypeName] = static (c, k) => new ExpectColumnSumToBeBetween(c, k),
        [ExpectColumnStdevToBeBetween.TypeName] = static (c, k) => new ExpectColumnStdevToBeBetween(c, k),
        [ExpectColumnUniqueValueCountToBeBetween.TypeName] = static (c, k) => new ExpectColumnUniqueValueCountToBeBetween(c, k),
        [ExpectColumnProportionOfUniqueValuesToBeBetween.TypeName] = static (c, k) => new ExpectColumnProportionOfUniqueValuesToBeBetween(c, k),
        [ExpectColumnDistinctValuesToBeInSet.TypeName] = static (c, k) => new ExpectColumnDistinctValuesToBeInSet(c, k),
        [ExpectColumnDistinctValuesToContainSet.TypeName] = static (c, k) => new ExpectColumnDistinctValuesToContainSet(c, k),
        [ExpectColumnDistinctValuesToEqualSet.TypeName] = static (c, k) => new ExpectColumnDistinctValuesToEqualSet(c, k),
        [ExpectColumnMostCommonValueToBeInSet.TypeName] = static (c, k) => new ExpectColumnMostCommonValueToBeInSet(c, k),
        [ExpectColumnQuantileValuesToBeBetween.TypeName] = static (c, k) => new ExpectColumnQuantileValuesToBeBetween(c, k),
        [ExpectColumnKlDivergenceToBeLessThan.TypeName] = static (c, k) => new ExpectColumnKlDivergenceToBeLessThan(c, k),
        [ExpectColumnPairValuesToBeEqual.TypeName] = static (c, k) => new ExpectColumnPairValuesToBeEqual(c, k),
        [ExpectColumnPairValuesAToBeGreaterThanB.TypeName] = static (c, k) => new ExpectColumnPairValuesAToBeGreaterThanB(c, k),
        [ExpectColumnPairValuesToBeInSet.TypeName] = static (c, k) => new ExpectColumnPairValuesToBeInSet(c, k),
        [ExpectMulticolumnSumToEqual.TypeName] = static (c, k) => new ExpectMulticolumnSumToEqual(c, k),
        [ExpectSelectColumnValuesToBeUniqueWithinRecord.TypeName] = static (c, k) => new ExpectSelectColumnValuesToBeUniqueWithinRecord(c, k),
        [ExpectCompoundColumnsToBeUnique.TypeName] = static (c, k) => new ExpectCompoundColumnsToBeUnique(c, k),
        [ExpectTableColumnCountToEqual.TypeName] = static (c, k) => new ExpectTableColumnCountToEqual(c, k),
        [ExpectTableColumnCountToBeBetween.TypeName] = static (c, k) => new ExpectTableColumnCountToBeBetween(c, k),
        [ExpectTableColumnsToMatchOrderedList.TypeName] = static (c, k) => new ExpectTableColumnsToMatchOrderedList(c, k),
        [ExpectTableColumnsToMatchSet.TypeName] = static (c, k) => new ExpectTableColumnsToMatchSet(c, k),
        [ExpectColumnValuesToMatchRegex.TypeName] = static (c, k) => new ExpectColumnValuesToMatchRegex(c, k),
        [ExpectColumnValuesToNotMatchRegex.TypeName] = static (c, k) => new ExpectColumnValuesToNotMatchRegex(c, k),
        [ExpectColumnValuesToMatchRegexList.TypeName] = static (c, k) => new ExpectColumnValuesToMatchRegexList(c, k),
        [ExpectColumnValuesToNotMatchRegexList.TypeName] = static (c, k) => new ExpectColumnValuesToNotMatchRegexList(c, k),
        [ExpectColumnValueLengthsToBeBetween.TypeName] = static (c, k) => new ExpectColumnValueLengthsToBeBetween(c, k),
        [ExpectColumnValueLengthsToEqual.TypeName] = static (c, k) => new ExpectColumnValueLengthsToEqual(c, k),
        [ExpectColumnValuesToBeJsonParseable.TypeName] = static (c, k) => new ExpectColumnValuesToBeJsonParseable(c, k),
        [ExpectColumnValuesToMatchJsonSchema.TypeName] = static (c, k) => new ExpectColumnValuesToMatchJsonSchema(c, k),
        [ExpectColumnValuesToBeDateutilParseable.TypeName] = static (c, k) => new ExpectColumnValuesToBeDateutilParseable(c, k),
        [ExpectColumnValuesToBeOfType.TypeName] = static (c, k) => new ExpectColumnValuesToBeOfType(c, k),
        [ExpectColumnValuesToBeInTypeList.TypeName] = static (c, k) => new ExpectColumnValuesToBeInTypeList(c, k),
        [ExpectColumnValuesToBeIncreasing.TypeName] = static (c, k) => new ExpectColumnValuesToBeIncreasing(c, k),
        [ExpectColumnValuesToBeDecreasing.TypeName] = static (c, k) => new ExpectColumnValuesToBeDecreasing(c, k),
        [ExpectColumnValueZScoresToBeLessThan.TypeName] = static (c, k) => new ExpectColumnValueZScoresToBeLessThan(c, k),
    };

    /// <summary>The GX type names dq implements.</summary>
    public static IReadOnlyCollection<string> Types => s_types.Keys;

    /// <summary>Whether dq implements the type.</summary>
    public static bool IsSupported(string type) => s_types.ContainsKey(type);

    /// <summary>Creates an expectation from its configuration, checking its kwargs.</summary>
    /// <param name="configuration">The type, kwargs and meta.</param>
    /// <param name="source">The suite file or name, for messages.</param>
    /// <param name="index">The 0-based position of the expectation in its suite, for messages.</param>
    /// <param name="parameters">The values that <c>{"$PARAMETER": ...}</c> kwargs refer to; none when null.</param>
    /// <exception cref="ConfigurationException">The type is unknown or a kwarg is missing or invalid.</exception>
    public static Expectation Create(ExpectationConfiguration configuration, string source = "the suite", int index = 0, SuiteParameters? parameters = null)
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
        return create(configuration, new KwargReader(configuration, location, parameters));
    }
}
