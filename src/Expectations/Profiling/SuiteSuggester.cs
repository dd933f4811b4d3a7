using System.Globalization;
using System.Text.Json.Nodes;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Profiling;

/// <summary>
/// Turns a profile into a GX suite by Deequ's suggestion rules (<c>ConstraintSuggestionRunner</c>). Each suggested
/// expectation's <c>meta</c> names its rule, the numbers it was derived from, and Deequ's description.
/// </summary>
public static class SuiteSuggester
{
    /// <summary>Deequ's Integral pattern.</summary>
    public const string IntegralPattern = @"^(-|\+)? ?\d+$";

    /// <summary>Deequ's Fractional pattern, widened to accept integers (a real column may hold whole numbers).</summary>
    public const string FractionalPattern = @"^(-|\+)? ?\d+((\.\d+)|((?:\.\d+)?[Ee][-+]?\d+))?$";

    /// <summary>Deequ's Boolean pattern, also accepting Python's spelling, which a boolean column's values have.</summary>
    public const string BooleanPattern = "^(true|false|True|False)$";

    /// <summary>Suggests a suite for <paramref name="profile"/>.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="suiteName">The suite's name.</param>
    /// <param name="rules">Which rules.</param>
    /// <param name="schema">
    /// The schema the suite will validate (such as the typed CSV reader's, when the profile read text): category values
    /// are written in its column types, so an Integral column's domain is numbers. Null: the profile's own values.
    /// </param>
    public static ExpectationSuite Suggest(DataProfile profile, string suiteName, SuggestionRules rules = SuggestionRules.Default, Schema? schema = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var builder = new SuiteBuilder(suiteName);
        builder.WithSuiteMeta("dq_profile", new JsonObject
        {
            ["source"] = profile.Name,
            ["rows"] = profile.RowCount,
            ["rules"] = rules.ToString().ToLowerInvariant(),
        });
        if (profile.RowCount == 0)
        {
            return builder.Build();
        }
        foreach (var column in profile.Columns)
        {
            var target = schema?.GetFieldIndex(column.Name) is >= 0 and var index ? schema.GetFieldByIndex(index).DataType : null;
            SuggestForColumn(builder, column, profile.RowCount, rules, target);
        }
        return builder.Build();
    }

    /// <summary>
    /// Validates <paramref name="suite"/> on <paramref name="source"/> and keeps the expectations that pass: Deequ's
    /// uniqueness rule works from an approximate distinct count, so an extended suite may hold one that the data it came
    /// from breaks.
    /// </summary>
    /// <returns>The passing suite and the configurations that were dropped.</returns>
    /// <exception cref="DataReadException">The source could not be read.</exception>
    public static (ExpectationSuite Suite, IReadOnlyList<ExpectationConfiguration> Dropped) KeepPassing(
        ExpectationSuite suite, Columns.IBatchSource source, ValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(suite);
        var result = Validator.Validate(source, suite, options, cancellationToken);
        var failed = result.Results.Select((r, i) => (r.Success, i)).Where(x => !x.Success).Select(x => x.i).ToHashSet();
        var kept = suite.Expectations.Where((_, i) => !failed.Contains(i)).ToList();
        return (new ExpectationSuite(suite.Name, kept, suite.Meta), [.. failed.Order().Select(i => suite.Expectations[i].Configuration)]);
    }

    private static void SuggestForColumn(SuiteBuilder builder, ColumnProfile column, long rows, SuggestionRules rules, IArrowType? target)
    {
        var name = column.Name;
        var completeness = column.Completeness;
        if (completeness == 1.0)
        {
            builder.ExpectColumnValuesToNotBeNull(name);
            Meta(builder, "CompleteIfComplete", $"'{name}' is not null", ("completeness", 1.0), ("rows", rows));
        }
        else if (completeness > 0.2)
        {
            var lower = ConfidenceBounds.WaldLower(completeness, rows);
            builder.ExpectColumnValuesToNotBeNull(name, lower);
            Meta(builder, "RetainCompleteness", $"'{name}' has less than {(int)((1 - lower) * 100)}% missing values",
                ("completeness", completeness), ("rows", rows), ("wald_lower_bound", lower));
        }

        if (column.IsTypeInferred && column.Type is FeatureType.Integral or FeatureType.Fractional or FeatureType.Boolean)
        {
            var pattern = column.Type switch
            {
                FeatureType.Integral => IntegralPattern,
                FeatureType.Fractional => FractionalPattern,
                _ => BooleanPattern,
            };
            builder.ExpectColumnValuesToMatchRegex(name, pattern);
            Meta(builder, "RetainType", $"'{name}' has type {column.Type}", ("inferred_type", column.Type.ToString()), ("present", column.Present));
        }

        // A range needs numbers at validation time too: codes such as "007" are Integral to Deequ but text to the reader.
        var numbersAtValidation = target is null ? !column.IsTypeInferred : target is Int8Type or Int16Type or Int32Type or Int64Type or UInt8Type or UInt16Type
            or UInt32Type or UInt64Type or FloatType or DoubleType or Decimal128Type or Decimal256Type;
        if (column.Numeric is { } numeric && numeric.Min >= 0 && numbersAtValidation)
        {
            builder.ExpectColumnValuesToBeBetween(name, min: 0);
            Meta(builder, "NonNegativeNumbers", $"'{name}' has no negative values", ("min", numeric.Min));
        }

        SuggestCategories(builder, column, target);

        if (rules == SuggestionRules.Extended)
        {
            SuggestExtended(builder, column, rows, target, numbersAtValidation);
        }
    }

    /// <summary>CategoricalRange (nearly every value repeats: the observed set) or else FractionalCategoricalRange (the values covering 90%).</summary>
    private static void SuggestCategories(SuiteBuilder builder, ColumnProfile column, IArrowType? target)
    {
        if (column.Categories is not { Count: > 0 } categories || column.Type is not (FeatureType.String or FeatureType.Integral))
        {
            return;
        }
        var name = column.Name;
        var singletons = (double)categories.Count(c => c.Count == 1) / categories.Count;
        if (singletons <= 0.1)
        {
            builder.ExpectColumnValuesToBeInSet(name, categories.Select(c => Typed(c.Value, target)));
            Meta(builder, "CategoricalRange", $"'{name}' has value range {string.Join(", ", categories.Select(c => $"'{Text(c.Value)}'"))}",
                ("distinct", categories.Count), ("unique_value_ratio", singletons));
            return;
        }
        if (singletons > 0.4)
        {
            return;
        }
        var present = column.Present;
        var chosen = new List<CategoryCount>();
        long covered = 0;
        foreach (var category in categories)
        {
            if ((double)covered / present >= 0.9)
            {
                break;
            }
            chosen.Add(category);
            covered += category.Count;
        }
        var coverage = (double)covered / present;
        if (coverage >= 1)
        {
            return;
        }
        var mostly = ConfidenceBounds.WaldLower(coverage, present);
        builder.ExpectColumnValuesToBeInSet(name, chosen.Select(c => Typed(c.Value, target)), mostly);
        Meta(builder, "FractionalCategoricalRange",
            $"'{name}' has value range {string.Join(", ", chosen.Select(c => $"'{Text(c.Value)}'"))} for at least {mostly * 100:0.##}% of values",
            ("distinct", categories.Count), ("unique_value_ratio", singletons), ("coverage", coverage));
    }

    private static void SuggestExtended(SuiteBuilder builder, ColumnProfile column, long rows, IArrowType? target, bool numbersAtValidation)
    {
        var name = column.Name;
        if (column.Missing == 0 && Math.Abs(1 - ((double)column.DistinctCount / rows)) <= 0.08)
        {
            builder.ExpectColumnValuesToBeUnique(name);
            Meta(builder, "UniqueIfApproximatelyUnique", $"'{name}' is unique", ("approximate_distinct", column.DistinctCount), ("rows", rows));
        }
        if (column.Numeric is { } numeric && numbersAtValidation && double.IsFinite(numeric.Min) && double.IsFinite(numeric.Max))
        {
            object min = column.Type == FeatureType.Integral ? (long)numeric.Min : numeric.Min;
            object max = column.Type == FeatureType.Integral ? (long)numeric.Max : numeric.Max;
            builder.ExpectColumnValuesToBeBetween(name, min, max);
            Meta(builder, "HasMin/HasMax", $"'{name}' lies in [{Text(min)}, {Text(max)}]", ("min", numeric.Min), ("max", numeric.Max));
        }
        if (column.Type == FeatureType.String && (target is null || Columns.ColumnFacts.IsText(target)) && column.MinLength is { } shortest && column.MaxLength is { } longest)
        {
            builder.ExpectColumnValueLengthsToBeBetween(name, shortest, longest);
            Meta(builder, "HasMinLength/HasMaxLength", $"'{name}' has lengths in [{shortest}, {longest}]", ("min_length", shortest), ("max_length", longest));
        }
    }

    /// <summary>A category in the type the suite will meet: text read from a column the validating reader types as numbers becomes a number.</summary>
    private static object Typed(object value, IArrowType? target)
    {
        if (value is not string text || target is null)
        {
            return value;
        }
        return target switch
        {
            Int8Type or Int16Type or Int32Type or Int64Type or UInt8Type or UInt16Type or UInt32Type or UInt64Type
                when long.TryParse(text.Replace(" ", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer) => integer,
            FloatType or DoubleType or Decimal128Type or Decimal256Type
                when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => real,
            BooleanType when bool.TryParse(text, out var flag) => flag,
            _ => value,
        };
    }

    private static string Text(object value) => Baselines.BaselineStatistics.CategoryText(value);

    private static void Meta(SuiteBuilder builder, string rule, string description, params (string Name, object Value)[] observed)
    {
        var numbers = new JsonObject();
        foreach (var (key, value) in observed)
        {
            numbers[key] = JsonScalars.ToNode(value);
        }
        builder.WithMeta("dq_suggestion", new JsonObject { ["rule"] = rule, ["description"] = description, ["observed"] = numbers });
    }
}
