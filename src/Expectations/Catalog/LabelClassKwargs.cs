using System.Text.Json.Nodes;
using Dq.Expectations.Kernels.MultiColumn;
using Dq.Expectations.ModelQuality;
using Dq.Expectations.Results;
using Dq.Expectations.Suites;

namespace Dq.Expectations.Catalog;

/// <summary>
/// Reads <c>positive_label</c> and <c>negative_label</c> (each a value or a list of values) into the two binary classes,
/// and names them for the confusion matrix.
/// </summary>
/// <remarks>
/// Without <c>positive_label</c> the classes are scikit-learn's and SageMaker's 1 and 0 (in any column type: 1, 1.0,
/// "1", true), and any other value is of neither class. With a <c>positive_label</c> other than 1 and no
/// <c>negative_label</c>, every other value is negative, as Clarify reads <c>label_values_or_threshold</c>.
/// </remarks>
internal sealed record LabelClassKwargs(LabelClasses Classes, string PositiveName, string NegativeName)
{
    public static LabelClassKwargs Read(KwargReader kwargs)
    {
        var positives = Values(kwargs, "positive_label");
        var negatives = Values(kwargs, "negative_label");
        if (positives is null)
        {
            positives = [1L];
            negatives ??= [0L];
        }
        else if (negatives is null && positives.Count == 1 && LabelClasses.Spellings(positives[0]).Contains(Cell.FromInteger(1)))
        {
            negatives = [0L];
        }
        if (negatives is not null && LabelClasses.SpellingsOf(positives).Intersect(LabelClasses.SpellingsOf(negatives)).Any())
        {
            throw kwargs.Error("negative_label", $"({ValueText.Format(negatives)}) shares a value with `positive_label` ({ValueText.Format(positives)})", "give the two classes different values");
        }
        var positiveName = Name(positives);
        return new LabelClassKwargs(new LabelClasses(positives, negatives), positiveName, negatives is null ? $"not {positiveName}" : Name(negatives));
    }

    /// <summary>Whether either kwarg is given, for problem types that have no binary classes.</summary>
    public static bool IsGiven(KwargReader kwargs, out string name)
    {
        name = kwargs.HasKwarg("positive_label") ? "positive_label" : "negative_label";
        return kwargs.HasKwarg("positive_label") || kwargs.HasKwarg("negative_label");
    }

    private static List<object>? Values(KwargReader kwargs, string name)
    {
        var values = kwargs.Node(name) is JsonArray ? kwargs.OptionalList(name) : kwargs.OptionalScalar(name) is { } one ? [one] : null;
        if (values is null)
        {
            return null;
        }
        if (values.Count == 0 || values.Any(v => v is null))
        {
            throw kwargs.Error(name, values.Count == 0 ? "is an empty list" : "holds null", "give the class's value, such as 1 or \"yes\", or a list of them");
        }
        return [.. values.Cast<object>()];
    }

    private static string Name(List<object> values) => string.Join("/", values.Select(v => ValueText.Bare(v)));
}
