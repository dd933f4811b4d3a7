using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Kernels.MultiColumn;

/// <summary>
/// Naive definitions of the multi-column checks over rows of plain values, as GX's pandas code reads them: NaN and
/// null are missing, numbers compare by mathematical value, text by ordinal equality, text never equals a number.
/// </summary>
internal static class MultiColumnReference
{
    public static readonly string[] PairModes = ["both_values_are_missing", "either_value_is_missing", "neither"];

    public static readonly string[] RecordModes = ["all_values_are_missing", "any_value_is_missing", "never"];

    public static bool Missing(object? value) => value is null or double.NaN;

    /// <summary>Whether <c>ignore_row_if</c> skips the row.</summary>
    public static bool Skipped(IReadOnlyList<object?> row, string mode) => mode switch
    {
        "both_values_are_missing" or "all_values_are_missing" => row.All(Missing),
        "either_value_is_missing" or "any_value_is_missing" => row.Any(Missing),
        _ => false,
    };

    /// <summary>Equality of two present values.</summary>
    public static bool Same(object a, object b) => (a, b) switch
    {
        (string x, string y) => string.Equals(x, y, StringComparison.Ordinal),
        (string, _) or (_, string) => false,
        _ => Reference.CompareNumbers(a, b) == 0,
    };

    /// <summary>Equality where two missing values are the same (pandas' duplicated / nunique(dropna=False)).</summary>
    public static bool SameOrBothMissing(object? a, object? b) =>
        Missing(a) ? Missing(b) : !Missing(b) && Same(a!, b!);

    /// <summary>The row indexes a check flags among the rows it does not skip, and the skipped count.</summary>
    public static (long[] Unexpected, long Skipped) Judge(IReadOnlyList<object?[]> rows, string mode, Func<object?[], bool> unexpected) =>
        ([.. rows.Select((r, i) => (r, i)).Where(p => !Skipped(p.r, mode) && unexpected(p.r)).Select(p => (long)p.i)],
         rows.LongCount(r => Skipped(r, mode)));
}
