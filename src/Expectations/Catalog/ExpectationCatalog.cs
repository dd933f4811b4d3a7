using Dq.Expectations.Catalog.Descriptions;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;
using Dq.Expectations.Suites.Parameters;

namespace Dq.Expectations.Catalog;

/// <summary>
/// The registration table of expectation types: one descriptor (GX name, constructor, sentence) per type, declared
/// by the type itself and listed here. One explicit table, no reflection, so the supported set is visible in one place.
/// </summary>
public static class ExpectationCatalog
{
    private static readonly ExpectationDescriptor[] s_rows =
    [
        ExpectColumnToExist.Descriptor,
        ExpectColumnValuesToNotBeNull.Descriptor,
        ExpectColumnValuesToBeNull.Descriptor,
        ExpectColumnValuesToBeUnique.Descriptor,
        ExpectColumnValuesToBeBetween.Descriptor,
        ExpectColumnValuesToBeInSet.Descriptor,
        ExpectColumnValuesToNotBeInSet.Descriptor,
        ExpectColumnValuesToMatchStrftimeFormat.Descriptor,
        ExpectTableRowCountToBeBetween.Descriptor,
        ExpectTableRowCountToEqual.Descriptor,
        ExpectColumnMinToBeBetween.Descriptor,
        ExpectColumnMaxToBeBetween.Descriptor,
        ExpectColumnMeanToBeBetween.Descriptor,
        ExpectColumnMedianToBeBetween.Descriptor,
        ExpectColumnSumToBeBetween.Descriptor,
        ExpectColumnStdevToBeBetween.Descriptor,
        ExpectColumnUniqueValueCountToBeBetween.Descriptor,
        ExpectColumnProportionOfUniqueValuesToBeBetween.Descriptor,
        ExpectColumnDistinctValuesToBeInSet.Descriptor,
        ExpectColumnDistinctValuesToContainSet.Descriptor,
        ExpectColumnDistinctValuesToEqualSet.Descriptor,
        ExpectColumnMostCommonValueToBeInSet.Descriptor,
        ExpectColumnQuantileValuesToBeBetween.Descriptor,
        ExpectColumnKlDivergenceToBeLessThan.Descriptor,
        ExpectColumnPairValuesToBeEqual.Descriptor,
        ExpectColumnPairValuesAToBeGreaterThanB.Descriptor,
        ExpectColumnPairValuesToBeInSet.Descriptor,
        ExpectMulticolumnSumToEqual.Descriptor,
        ExpectSelectColumnValuesToBeUniqueWithinRecord.Descriptor,
        ExpectCompoundColumnsToBeUnique.Descriptor,
        ExpectTableColumnCountToEqual.Descriptor,
        ExpectTableColumnCountToBeBetween.Descriptor,
        ExpectTableColumnsToMatchOrderedList.Descriptor,
        ExpectTableColumnsToMatchSet.Descriptor,
        ExpectColumnValuesToMatchRegex.Descriptor,
        ExpectColumnValuesToNotMatchRegex.Descriptor,
        ExpectColumnValuesToMatchRegexList.Descriptor,
        ExpectColumnValuesToNotMatchRegexList.Descriptor,
        ExpectColumnValueLengthsToBeBetween.Descriptor,
        ExpectColumnValueLengthsToEqual.Descriptor,
        ExpectColumnValuesToBeJsonParseable.Descriptor,
        ExpectColumnValuesToMatchJsonSchema.Descriptor,
        ExpectColumnValuesToBeDateutilParseable.Descriptor,
        ExpectColumnValuesToBeOfType.Descriptor,
        ExpectColumnValuesToBeInTypeList.Descriptor,
        ExpectColumnValuesToBeIncreasing.Descriptor,
        ExpectColumnValuesToBeDecreasing.Descriptor,
        ExpectColumnValueZScoresToBeLessThan.Descriptor,
        ExpectMetricToNotBeAnomalous.Descriptor,
        ExpectColumnDistributionToMatchBaseline.Descriptor,
        ExpectTableToMatchBaseline.Descriptor,
        ExpectClassificationMetricToBeBetween.Descriptor,
        ExpectRegressionMetricToBeBetween.Descriptor,
        ExpectBiasMetricToBeBetween.Descriptor,
    ];

    private static readonly Dictionary<string, ExpectationDescriptor> s_types = s_rows.ToDictionary(d => d.Type, StringComparer.Ordinal);

    /// <summary>The GX type names dq implements.</summary>
    public static IReadOnlyCollection<string> Types => s_types.Keys;

    /// <summary>Whether dq implements the type.</summary>
    public static bool IsSupported(string type) => s_types.ContainsKey(type);

    /// <summary>Every expectation type dq implements, in catalogue order.</summary>
    public static IReadOnlyList<ExpectationDescriptor> Descriptors => s_rows;

    /// <summary>The descriptor of a type, or null when dq does not implement it.</summary>
    public static ExpectationDescriptor? Find(string type) => s_types.GetValueOrDefault(type);

    /// <summary>
    /// What an expectation says, in words: its type's sentence, or a generic one (type and kwargs) for a type dq does
    /// not know, as a result written by another tool may hold.
    /// </summary>
    public static ExpectationSentence Describe(ExpectationConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Find(configuration.Type) is { } descriptor ? descriptor.Describe(configuration) : Wording.Generic(configuration);
    }

    /// <summary>
    /// What a judged result found, in one line, for the types that measure one value against bounds (the model
    /// metrics: <c>accuracy 0.74 is below 0.8 (on 20,000 rows)</c>); null for other types.
    /// </summary>
    public static string? DescribeOutcome(ExpectationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Find(result.Configuration.Type)?.DescribeOutcome(result);
    }

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
                $"{location}: unknown expectation type `{configuration.Type}`.{Spelling.DidYouMean(configuration.Type, s_types.Keys)} dq supports {string.Join(", ", s_types.Keys.Order())}.");
        }
        if (configuration.Meta["severity"] is { } severity &&
            !(severity.GetValueKind() == System.Text.Json.JsonValueKind.String && severity.GetValue<string>() is "error" or "warn"))
        {
            throw new ConfigurationException($"{location}: meta `severity` must be \"error\" or \"warn\".");
        }
        return create.Create(configuration, new KwargReader(configuration, location, parameters));
    }
}
