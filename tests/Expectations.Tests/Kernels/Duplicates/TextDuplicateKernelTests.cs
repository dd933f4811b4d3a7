using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Kernels;
using Dq.Expectations.Kernels.Duplicates;
using Dq.Expectations.Metrics;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Kernels.Duplicates;

/// <summary>The text duplicate kernel fed directly (the executor marks such rows null first; the kernel must not rely on it).</summary>
public sealed class TextDuplicateKernelTests
{
    [Fact]
    public void Accumulate_ValidIndexOfANullDictionaryEntry_IsANullRow()
    {
        // Rows: "a", <entry 1 = null>, <entry 1 = null>, "a", "" — only the two "a" rows are duplicates, and "" counts once.
        var dictionary = new DictionaryArray(new DictionaryType(Int32Type.Default, StringType.Default, false),
            Arrays.Int32(new int?[] { 0, 1, 1, 0, 2 }), Arrays.String(new string?[] { "a", null, "" }));
        var field = new Field("x", StringType.Default, true);
        var kernel = DuplicateKernels.Create(field, int.MaxValue);
        var counts = DuplicateKernels.Create(field, 0, trackRows: false);
        var state = kernel.CreateState();
        var countState = counts.CreateState();

        kernel.Accumulate(new ColumnBlock(dictionary, 0, dictionary.Length, 0), state);
        counts.Accumulate(new ColumnBlock(dictionary, 0, dictionary.Length, 0), countState);

        var unexpected = ((IUnexpectedRowsSource)state).ToUnexpectedRows();
        Assert.Equal(2, unexpected.Count);
        Assert.Equal([("a", 2L), ("", 1L)], ((IValueCountsSource)countState).Counts.Select(c => ((string)c.Value!, c.Count)).OrderByDescending(c => c.Count));
    }
}
