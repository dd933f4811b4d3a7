using System.Globalization;
using System.Text;
using Dq.Expectations.Kernels.MultiColumn;

namespace Dq.Expectations.ModelQuality;

/// <summary>Which binary class a label or prediction value belongs to.</summary>
internal enum LabelClass : byte
{
    /// <summary>Null or NaN: the row is left out.</summary>
    Missing,

    /// <summary>The negative class.</summary>
    Negative,

    /// <summary>The positive class.</summary>
    Positive,

    /// <summary>A value of neither class: counted and reported, the row left out.</summary>
    Outside,
}

/// <summary>
/// The values that make a label (or prediction) positive and those that make it negative, compared by value so that
/// one spelling of a class matches every column type it may arrive in: the class <c>1</c> matches the integer 1, the
/// real 1.0, the text "1" and the boolean true, as pandas and scikit-learn treat <c>True == 1</c>.
/// </summary>
/// <remarks>
/// With no negative values (<see cref="Negatives"/> null) every present value that is not positive is negative,
/// SageMaker Clarify's rule for <c>label_values_or_threshold</c>. Compared by value, so equal classes make equal
/// metric keys.
/// </remarks>
internal sealed class LabelClasses : IEquatable<LabelClasses>
{
    private readonly byte[][] _positiveTexts;
    private readonly byte[][]? _negativeTexts;

    // Arrays, looped by index: a foreach over the IReadOnlyList properties would allocate an enumerator per row.
    private readonly Cell[] _positives;
    private readonly Cell[]? _negatives;

    // The whole-number spellings, for integer columns, which can match nothing else.
    private readonly long[] _positiveIntegers;
    private readonly long[]? _negativeIntegers;

    /// <param name="positives">The values of the positive class (numbers, text, booleans), at least one.</param>
    /// <param name="negatives">The values of the negative class, or null for every other value.</param>
    public LabelClasses(IEnumerable<object> positives, IEnumerable<object>? negatives)
    {
        ArgumentNullException.ThrowIfNull(positives);
        Positives = [.. positives.SelectMany(Spellings).Distinct()];
        Negatives = negatives is null ? null : [.. negatives.SelectMany(Spellings).Distinct().Where(c => !Positives.Contains(c))];
        _positiveTexts = Texts(Positives);
        _negativeTexts = Negatives is null ? null : Texts(Negatives);
        _positives = [.. Positives];
        _negatives = Negatives is null ? null : [.. Negatives];
        _positiveIntegers = Integers(_positives);
        _negativeIntegers = _negatives is null ? null : Integers(_negatives);
    }

    /// <summary>Scikit-learn's and SageMaker's 0/1 classes: 1 (1.0, "1", true) is positive, 0 (0.0, "0", false) negative.</summary>
    public static LabelClasses ZeroOne { get; } = new([1L], [0L]);

    /// <summary>Every spelling of the positive class.</summary>
    public IReadOnlyList<Cell> Positives { get; }

    /// <summary>Every spelling of the negative class; null when every non-positive value is negative.</summary>
    public IReadOnlyList<Cell>? Negatives { get; }

    /// <summary>The class of a value read from any column.</summary>
    public LabelClass Classify(in Cell value)
    {
        if (value.IsMissing)
        {
            return LabelClass.Missing;
        }
        foreach (var positive in _positives)
        {
            if (positive.Equals(value))
            {
                return LabelClass.Positive;
            }
        }
        if (_negatives is null)
        {
            return LabelClass.Negative;
        }
        foreach (var negative in _negatives)
        {
            if (negative.Equals(value))
            {
                return LabelClass.Negative;
            }
        }
        return LabelClass.Outside;
    }

    /// <summary>The class of a present value of an integer column: the same as <see cref="Classify"/> of its cell, faster.</summary>
    public LabelClass ClassifyInteger(long value)
    {
        if (Array.IndexOf(_positiveIntegers, value) >= 0)
        {
            return LabelClass.Positive;
        }
        return _negativeIntegers is null || Array.IndexOf(_negativeIntegers, value) >= 0 ? LabelClass.Negative : LabelClass.Outside;
    }

    /// <summary>The class of a text value given as UTF-8 bytes, without making a string of it.</summary>
    public LabelClass ClassifyText(ReadOnlySpan<byte> utf8)
    {
        foreach (var positive in _positiveTexts)
        {
            if (utf8.SequenceEqual(positive))
            {
                return LabelClass.Positive;
            }
        }
        if (_negativeTexts is null)
        {
            return LabelClass.Negative;
        }
        foreach (var negative in _negativeTexts)
        {
            if (utf8.SequenceEqual(negative))
            {
                return LabelClass.Negative;
            }
        }
        return LabelClass.Outside;
    }

    /// <summary>Whether <paramref name="value"/> is one of <paramref name="members"/>' spellings.</summary>
    public static bool Contains(IReadOnlyList<Cell> members, in Cell value)
    {
        // By index: called per row by the bias kernel, where a foreach over the interface would allocate.
        for (var i = 0; i < members.Count; i++)
        {
            if (members[i].Equals(value))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The cells a class value matches: itself, and its spelling in the other column types (a number's text and, for
    /// 0 and 1, the boolean; a boolean's number and texts; a text's number or boolean when it reads as one).
    /// </summary>
    public static IEnumerable<Cell> Spellings(object value)
    {
        var cell = Cell.FromObject(value);
        yield return cell;
        switch (cell.Kind)
        {
            case CellKind.Number:
                yield return Cell.FromText(cell.IsIntegral ? cell.Integer.ToString(CultureInfo.InvariantCulture) : cell.Real.ToString("R", CultureInfo.InvariantCulture));
                if (cell.IsIntegral && cell.Integer is 0 or 1)
                {
                    yield return Cell.FromBoolean(cell.Integer == 1);
                }
                break;
            case CellKind.Boolean:
                var truth = cell.Integer != 0;
                yield return Cell.FromInteger(truth ? 1 : 0);
                yield return Cell.FromText(truth ? "True" : "False");
                yield return Cell.FromText(truth ? "true" : "false");
                break;
            case CellKind.Text:
                var text = (string)cell.Reference!;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                {
                    yield return Cell.FromReal(number);
                    if (number is 0 or 1)
                    {
                        yield return Cell.FromBoolean(number == 1);
                    }
                }
                else if (bool.TryParse(text, out var flag))
                {
                    yield return Cell.FromBoolean(flag);
                }
                break;
        }
    }

    /// <summary>Cells of one list of spellings as one set: for facet values, which have no negative side.</summary>
    public static IReadOnlyList<Cell> SpellingsOf(IEnumerable<object> values) => [.. values.SelectMany(Spellings).Distinct()];

    private static long[] Integers(Cell[] cells) =>
        [.. cells.Where(c => c.Kind == CellKind.Number && c.IsIntegral).Select(c => c.Integer).Distinct()];

    private static byte[][] Texts(IReadOnlyList<Cell> cells) =>
        [.. cells.Where(c => c.Kind == CellKind.Text).Select(c => Encoding.UTF8.GetBytes((string)c.Reference!))];

    /// <inheritdoc />
    public bool Equals(LabelClasses? other) =>
        other is not null && SameSet(Positives, other.Positives)
        && (Negatives is null ? other.Negatives is null : other.Negatives is not null && SameSet(Negatives, other.Negatives));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as LabelClasses);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SetHash(Positives), Negatives is null ? -1 : SetHash(Negatives));

    /// <summary>Spellings are sets: "1" and 1 list the same cells in another order.</summary>
    private static bool SameSet(IReadOnlyList<Cell> a, IReadOnlyList<Cell> b) => a.Count == b.Count && a.All(c => Contains(b, c));

    private static int SetHash(IReadOnlyList<Cell> cells) => cells.Aggregate(cells.Count, (h, c) => h ^ c.GetHashCode());

    /// <inheritdoc />
    public override string ToString() =>
        $"positive [{string.Join(", ", Positives)}], negative {(Negatives is null ? "every other value" : $"[{string.Join(", ", Negatives)}]")}";
}
