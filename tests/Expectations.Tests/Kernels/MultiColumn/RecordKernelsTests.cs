using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Dq.Expectations.Tests.Kernels.MultiColumn.MultiColumnReference;

namespace Dq.Expectations.Tests.Kernels.MultiColumn;

/// <summary>
/// The column-list expectations end to end on an int64, a float64 and a text column with nulls and NaN, in every
/// <c>ignore_row_if</c> mode, against the naive reference.
/// </summary>
public sealed class RecordKernelsTests
{
    /// <summary>Rows of (int64, float64, text) and an ignore_row_if mode.</summary>
    public sealed record Records((long? A, double? B, string? C)[] Rows, string Mode)
    {
        public object?[][] Values(params int[] columns) =>
            [.. Rows.Select(r => columns.Select(c => c switch { 0 => (object?)r.A, 1 => r.B, _ => r.C }).ToArray())];

        public override string ToString() => $"{Mode}: [{string.Join(", ", Rows.Select(r => $"({Convert.ToString(r.A, System.Globalization.CultureInfo.InvariantCulture) ?? "null"}, {Convert.ToString(r.B, System.Globalization.CultureInfo.InvariantCulture) ?? "null"}, {r.C ?? "null"})"))}]";
    }

    [Property(MaxTest = 200)]
    public Property MulticolumnSumToEqual_IntegerAndFloatColumns_MatchesReference() =>
        Prop.ForAll(Tables().ToArbitrary(), Gen.Elements(0.0, 1.0, 1.5, 2.0).ToArbitrary(), (t, total) =>
            Agrees(t, [0, 1], ExpectationSuite.Create("s").ExpectMulticolumnSumToEqual(["a", "b"], total, t.Mode),
                r => r.Where(v => !Missing(v)).Sum(v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture)) != total));

    [Property(MaxTest = 100)]
    public Property MulticolumnSumToEqual_IntegerColumnsOnly_MatchesReference() =>
        Prop.ForAll(Tables().ToArbitrary(), Gen.Elements(-1L, 0L, 2L, 4L).ToArbitrary(), (t, total) =>
            Agrees(t, [0, 0], ExpectationSuite.Create("s").ExpectMulticolumnSumToEqual(["a", "a"], total, t.Mode),
                r => r.Where(v => !Missing(v)).Sum(v => (long)v!) != total));

    [Property(MaxTest = 200)]
    public Property SelectColumnValuesToBeUniqueWithinRecord_AnyRows_MatchesReference() =>
        Prop.ForAll(Tables().ToArbitrary(), t =>
            Agrees(t, [0, 1, 2], ExpectationSuite.Create("s").ExpectSelectColumnValuesToBeUniqueWithinRecord(["a", "b", "c"], t.Mode),
                r => Enumerable.Range(0, r.Length).Any(i => Enumerable.Range(0, i).Any(j => SameOrBothMissing(r[i], r[j])))));

    [Fact]
    public void MulticolumnSumToEqual_PointOnePlusPointTwo_IsNotPointThree()
    {
        var batch = Arrays.Batch(("a", Arrays.Double([0.1, 0.5])), ("b", Arrays.Double([0.2, 0.25])));

        var json = Runs.Json(batch, ExpectationSuite.Create("s").ExpectMulticolumnSumToEqual(["a", "b"], 0.3).Build());

        Assert.Equal([0L, 1L], Runs.UnexpectedIndexes(json));
        Assert.Equal("[{\"a\":0.1,\"b\":0.2},{\"a\":0.5,\"b\":0.25}]", Runs.Result(json)["unexpected_list"]!.ToJsonString());
    }

    [Fact]
    public void MulticolumnSumToEqual_TextColumn_ReportsCannotJudge()
    {
        var batch = Arrays.Batch(("a", Arrays.Int64([1])), ("b", Arrays.String(["1"])));

        var json = Runs.Json(batch, ExpectationSuite.Create("s").ExpectMulticolumnSumToEqual(["a", "b"], 2).Build());

        Assert.Contains("not numeric", Runs.ExceptionMessage(json));
    }

    private static bool Agrees(Records t, int[] columns, SuiteBuilder suite, Func<object?[], bool> unexpected)
    {
        var batch = Arrays.Batch(("a", Arrays.Int64(t.Rows.Select(r => r.A))), ("b", Arrays.Double(t.Rows.Select(r => r.B))), ("c", Arrays.String(t.Rows.Select(r => r.C))));
        var json = Runs.Json(batch, suite.Build());
        var (rows, skipped) = Judge(t.Values(columns), t.Mode, unexpected);
        var result = Runs.Result(json);
        return Runs.UnexpectedIndexes(json).SequenceEqual(rows)
            && result["missing_count"]!.GetValue<long>() == skipped
            && result["unexpected_count"]!.GetValue<long>() == rows.Length;
    }

    internal static Gen<Records> Tables() =>
        from rows in (from a in Gen.Elements<long?>(null, 0, 1, 2)
                      from b in Gen.Elements<double?>(null, double.NaN, 0, 0.5, 1, 1.5, 2)
                      from c in Gen.Elements(null, "1", "a", "b")
                      select (a, b, c)).ArrayOf()
        from mode in Gen.Elements(RecordModes)
        select new Records(rows, mode);
}
