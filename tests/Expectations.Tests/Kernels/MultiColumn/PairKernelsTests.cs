using Dq.Expectations.Suites;
using Dq.Expectations.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static Dq.Expectations.Tests.Kernels.MultiColumn.MultiColumnReference;

namespace Dq.Expectations.Tests.Kernels.MultiColumn;

/// <summary>
/// The pair expectations end to end on an int64 column A and a float64 column B (nulls, NaN, ±∞, values equal across
/// the two types), in every <c>ignore_row_if</c> mode, against the naive reference.
/// </summary>
public sealed class PairKernelsTests
{
    /// <summary>Rows of (A, B) and an ignore_row_if mode.</summary>
    public sealed record Pairs((long? A, double? B)[] Rows, string Mode)
    {
        public object?[][] Values => [.. Rows.Select(r => new object?[] { r.A, r.B })];

        public override string ToString() => $"{Mode}: [{string.Join(", ", Rows.Select(r => $"({Convert.ToString(r.A, System.Globalization.CultureInfo.InvariantCulture) ?? "null"}, {Convert.ToString(r.B, System.Globalization.CultureInfo.InvariantCulture) ?? "null"})"))}]";
    }

    private static readonly (long, double)[] s_allowed = [(0, 0), (1, 1), (1, 0.5), (2, -1)];

    [Property(MaxTest = 200)]
    public Property PairValuesToBeEqual_AnyRows_MatchesReference() =>
        Prop.ForAll(Tables().ToArbitrary(), t => Agrees(t, ExpectationSuite.Create("s").ExpectColumnPairValuesToBeEqual("a", "b", t.Mode),
            r => Missing(r[0]) || Missing(r[1]) || !Same(r[0]!, r[1]!)));

    [Property(MaxTest = 200)]
    public Property PairValuesAToBeGreaterThanB_AnyRows_MatchesReference() =>
        Prop.ForAll(Tables().ToArbitrary(), Gen.Elements(false, true).ToArbitrary(), (t, orEqual) =>
            Agrees(t, ExpectationSuite.Create("s").ExpectColumnPairValuesAToBeGreaterThanB("a", "b", orEqual, t.Mode),
                r => Missing(r[0]) || Missing(r[1]) || (orEqual ? Reference.CompareNumbers(r[0]!, r[1]!) < 0 : Reference.CompareNumbers(r[0]!, r[1]!) <= 0)));

    [Property(MaxTest = 200)]
    public Property PairValuesToBeInSet_AnyRows_MatchesReference() =>
        Prop.ForAll(Tables().ToArbitrary(), t => Agrees(t, ExpectationSuite.Create("s").ExpectColumnPairValuesToBeInSet("a", "b", s_allowed, t.Mode),
            r => Missing(r[0]) || Missing(r[1]) || !s_allowed.Any(p => Same(p.Item1, r[0]!) && Same(p.Item2, r[1]!))));

    [Fact]
    public void PairValuesToBeEqual_IntegerAndEqualDouble_AreEqual()
    {
        var batch = Arrays.Batch(("a", Arrays.Int64([1, 9007199254740993])), ("b", Arrays.Double([1.0, 9007199254740992.0])));

        var json = Runs.Json(batch, ExpectationSuite.Create("s").ExpectColumnPairValuesToBeEqual("a", "b").Build());

        Assert.Equal([1L], Runs.UnexpectedIndexes(json)); // 2^53 + 1 is not the double 2^53
    }

    [Fact]
    public void PairValuesToBeEqual_TextAgainstNumber_IsUnequal()
    {
        var batch = Arrays.Batch(("a", Arrays.Int64([1, 2])), ("b", Arrays.String(["1", "x"])));

        var json = Runs.Json(batch, ExpectationSuite.Create("s").ExpectColumnPairValuesToBeEqual("a", "b").Build());

        Assert.Equal([0L, 1L], Runs.UnexpectedIndexes(json));
        Assert.Equal("[[1,\"1\"],[2,\"x\"]]", Runs.Result(json)["unexpected_list"]!.ToJsonString());
    }

    [Fact]
    public void PairValuesAToBeGreaterThanB_TextAgainstNumber_ReportsCannotJudge()
    {
        var batch = Arrays.Batch(("a", Arrays.Int64([1, 2])), ("b", Arrays.String(["1", "x"])));

        var json = Runs.Json(batch, ExpectationSuite.Create("s").ExpectColumnPairValuesAToBeGreaterThanB("a", "b").Build());

        Assert.False(Runs.Success(json));
        Assert.Contains("cannot be ordered", Runs.ExceptionMessage(json));
    }

    [Fact]
    public void PairValuesAToBeGreaterThanB_TextColumns_CompareByCodePoint()
    {
        var batch = Arrays.Batch(("a", Arrays.String(["b", "B", "é"])), ("b", Arrays.String(["a", "a", "z"])));

        var json = Runs.Json(batch, ExpectationSuite.Create("s").ExpectColumnPairValuesAToBeGreaterThanB("a", "b").Build());

        Assert.Equal([1L], Runs.UnexpectedIndexes(json));
    }

    private static bool Agrees(Pairs t, SuiteBuilder suite, Func<object?[], bool> unexpected)
    {
        var batch = Arrays.Batch(("a", Arrays.Int64(t.Rows.Select(r => r.A))), ("b", Arrays.Double(t.Rows.Select(r => r.B))));
        var json = Runs.Json(batch, suite.Build());
        var (rows, skipped) = Judge(t.Values, t.Mode, unexpected);
        var result = Runs.Result(json);
        var considered = t.Rows.Length - skipped;
        return Runs.UnexpectedIndexes(json).SequenceEqual(rows)
            && result["missing_count"]!.GetValue<long>() == skipped
            && result["element_count"]!.GetValue<long>() == t.Rows.Length
            && Runs.Success(json) == (considered == 0 || rows.Length == 0);
    }

    private static Gen<Pairs> Tables() =>
        from rows in (from a in Gen.Elements<long?>(null, -1, 0, 1, 2)
                      from b in Gen.Elements<double?>(null, double.NaN, -1, 0, 0.5, 1, 2, double.PositiveInfinity, double.NegativeInfinity)
                      select (a, b)).ArrayOf()
        from mode in Gen.Elements(PairModes)
        select new Pairs(rows, mode);
}
