using FsCheck;
using FsCheck.Fluent;

namespace Dq.Expectations.Tests.ModelQuality;

/// <summary>Generators shared by the model-quality property tests: rows and a point that splits them in two.</summary>
public static class ModelQualityGen
{
    /// <summary>Rows and a split point 0 ≤ At ≤ Rows.Length.</summary>
    public sealed record Split<T>(T[] Rows, int At)
    {
        /// <summary>The rows before the split point.</summary>
        public IEnumerable<T> First => Rows.Take(At);

        /// <summary>The rows from the split point on.</summary>
        public IEnumerable<T> Second => Rows.Skip(At);

        /// <inheritdoc />
        public override string ToString() => $"split at {At}: [{string.Join(", ", Rows)}]";
    }

    /// <summary>Arrays of rows (length 0 to FsCheck's size) with a split point.</summary>
    public static Gen<Split<T>> Splits<T>(Gen<T> row) =>
        from rows in row.ArrayOf()
        from at in Gen.Choose(0, rows.Length)
        select new Split<T>(rows, at);

    /// <summary>Whether two metric values agree: both NaN, the same infinity, or within 1e-12 (relative, floor 1e-12).</summary>
    public static bool Close(double actual, double expected, double tolerance = 1e-12) =>
        (double.IsNaN(actual) && double.IsNaN(expected))
        || actual == expected
        || Math.Abs(actual - expected) <= tolerance * Math.Max(1, Math.Abs(expected));
}
