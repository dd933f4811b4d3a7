using Apache.Arrow;
using Dq.Expectations.Conditions;
using Dq.Expectations.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Dq.Expectations.Tests.Conditions;

public sealed class ConditionEvaluatorTests
{
    private sealed record Row(long? Number, string? Text, double? Real);

    private static RecordBatch Batch(IReadOnlyList<Row> rows) => Arrays.Batch(
        ("n", Arrays.Int64(rows.Select(r => r.Number))),
        ("t", Arrays.String(rows.Select(r => r.Text))),
        ("r", Arrays.Double(rows.Select(r => r.Real))));

    private static bool[] Selected(string condition, RecordBatch batch)
    {
        var words = ConditionEvaluator.Evaluate(RowFilter.Parse(condition), batch);
        return [.. Enumerable.Range(0, batch.Length).Select(i => (words[i >> 6] & (1UL << (i & 63))) != 0)];
    }

    /// <summary>Conditions and their meaning as plain C# over the same rows (pandas semantics for nulls).</summary>
    private static readonly (string Condition, Func<Row, bool> Reference)[] s_cases =
    [
        ("n == 3", r => r.Number == 3),
        ("n != 3", r => r.Number != 3),                          // a null != 3 holds, as in pandas
        ("n < 2 or t == 'b'", r => (r.Number is { } n && n < 2) || r.Text == "b"),
        ("(n >= 1) & (r <= 0.5)", r => r.Number >= 1 && r.Real <= 0.5),
        ("~(t == 'a') and t is not null", r => r.Text != "a" && r.Text is not null),
        ("t.isnull() | n.isnull()", r => r.Text is null || r.Number is null),
        ("n == 2.0", r => r.Number == 2),
        ("r > n", r => r.Real is { } x && r.Number is { } y && x > y),
        ("t > 'b'", r => r.Text is { } t && string.CompareOrdinal(t, "b") > 0),
        ("t == 1", _ => false),                                   // text never equals a number
        ("t != 1", _ => true),
    ];

    public static TheoryData<int> CaseIndexes() => [.. Enumerable.Range(0, s_cases.Length)];

    [Theory]
    [MemberData(nameof(CaseIndexes))]
    public void Evaluate_RandomRows_MatchesTheReference(int index)
    {
        var (condition, reference) = s_cases[index];
        var rows = Gen.Choose(0, 200).SelectMany(n => Gen.ListOf(RowGen, n)).Sample(1, 20);
        foreach (var table in rows)
        {
            var list = table.ToList();
            var actual = Selected(condition, Batch(list));
            Assert.Equal(list.Select(reference), actual);
        }
    }

    private static Gen<Row> RowGen =>
        from n in Gen.Frequency((1, Gen.Constant<long?>(null)), (4, Gen.Choose(0, 5).Select(i => (long?)i)))
        from t in Gen.Frequency((1, Gen.Constant<string?>(null)), (4, Gen.Elements<string?>("a", "b", "c", "é", "😀")))
        from r in Gen.Frequency((1, Gen.Constant<double?>(null)), (4, Gen.Choose(0, 10).Select(i => (double?)(i / 10.0))))
        select new Row(n, t, r);

    [Fact]
    public void Evaluate_DateColumn_ComparesWithDateLiteralsAndIsoText()
    {
        DateOnly?[] days = [new(2024, 1, 1), null, new(2024, 3, 1), new(2023, 12, 31)];
        var batch = Arrays.Batch(("d", Arrays.Date32(days)));

        Assert.Equal([true, false, true, false], Selected("d >= date \"2024-01-01\"", batch));
        Assert.Equal([false, false, true, false], Selected("d > '2024-01-01'", batch));
    }
}
