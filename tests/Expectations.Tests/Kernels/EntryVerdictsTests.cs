using System.Text;
using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Text;
using Dq.Expectations.Metrics;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Kernels;

/// <summary>
/// Text kernels judge a dictionary entry only when a row uses it, and once per batch's dictionary: a batch-sized
/// dictionary of which a batch uses three entries costs three judgements, not 65,536.
/// </summary>
public sealed class EntryVerdictsTests
{
    private const int Entries = 65_536;

    [Fact]
    public void RowCheck_LargeDictionaryFewEntriesUsed_JudgesOnlyTheUsedEntriesOnce()
    {
        var kernel = new CountingRowCheck();
        var state = (UnexpectedRowsState)kernel.CreateState();
        var array = Encoded(Rows(), LargeDictionary());

        kernel.Accumulate(new ColumnBlock(array, 0, 512, 0), state);
        kernel.Accumulate(new ColumnBlock(array, 512, array.Length - 512, 0), state);

        Assert.Equal(["long-value", "ok", "x"], kernel.Judged.Order(StringComparer.Ordinal));
        Assert.Equal(Rows().Count(v => v == "long-value"), state.Count);
    }

    [Fact]
    public void RowCheck_EachBatchItsOwnDictionary_JudgesAgainPerBatchWithTheSameVerdicts()
    {
        var kernel = new CountingRowCheck();
        var state = (UnexpectedRowsState)kernel.CreateState();

        kernel.Accumulate(new ColumnBlock(Encoded(Rows(), LargeDictionary()), 0, Rows().Length, 0), state);
        // Same values, new dictionary object, entries in another order: the first batch's verdicts must not be reused.
        kernel.Accumulate(new ColumnBlock(Encoded(Rows(), [.. LargeDictionary().Reverse()]), 0, Rows().Length, Rows().Length), state);

        Assert.Equal(6, kernel.Judged.Count);
        Assert.Equal(2 * Rows().Count(v => v == "long-value"), state.Count);
    }

    [Fact]
    public void TextCheck_LargeDictionaryFewEntriesUsed_JudgesOnlyTheUsedEntriesOnce()
    {
        var kernel = new CountingTextCheck();
        var state = (TextCheckState)kernel.CreateState();
        var array = Encoded(Rows(), LargeDictionary());

        kernel.Accumulate(new ColumnBlock(array, 0, 512, 0), state);
        kernel.Accumulate(new ColumnBlock(array, 512, array.Length - 512, 0), state);

        Assert.Equal(["long-value", "ok", "x"], kernel.Judged.Order(StringComparer.Ordinal));
        Assert.Equal(Rows().Count(v => v == "long-value"), state.Rows.Count);
    }

    /// <summary>1,000 rows of three values and nulls.</summary>
    private static string?[] Rows() => [.. Enumerable.Range(0, 1_000).Select(i => (i % 4) switch { 0 => "ok", 1 => null, 2 => "x", _ => "long-value" })];

    /// <summary>A dictionary of 65,536 entries holding the three values among many no row uses.</summary>
    private static string[] LargeDictionary() =>
        [.. Enumerable.Range(0, Entries - 3).Select(i => $"unused-{i}").Concat(["ok", "x", "long-value"]).OrderBy(s => s.GetHashCode(StringComparison.Ordinal))];

    private static DictionaryArray Encoded(string?[] rows, string[] entries)
    {
        var position = entries.Select((e, i) => (e, i)).ToDictionary(p => p.e, p => p.i, StringComparer.Ordinal);
        var indices = Arrays.Int32(rows.Select(v => v is null ? (int?)null : position[v]));
        return new DictionaryArray(new DictionaryType(Int32Type.Default, StringType.Default, false), indices, Arrays.String(entries));
    }

    private sealed class CountingRowCheck() : TextRowCheckKernel(int.MaxValue)
    {
        public List<string> Judged { get; } = [];

        protected override bool IsUnexpected(ReadOnlySpan<byte> utf8)
        {
            Judged.Add(Encoding.UTF8.GetString(utf8));
            return utf8.Length > 2;
        }
    }

    private sealed class CountingTextCheck() : TextCheckKernel(int.MaxValue, NonTextValues.Reject)
    {
        public List<string> Judged { get; } = [];

        protected override bool IsUnexpected(ReadOnlySpan<byte> utf8)
        {
            Judged.Add(Encoding.UTF8.GetString(utf8));
            return utf8.Length > 2;
        }
    }
}
