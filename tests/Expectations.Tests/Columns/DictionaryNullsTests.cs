using Apache.Arrow;
using Apache.Arrow.Types;
using Dq.Expectations.Columns;
using Dq.Expectations.Tests.Support;

namespace Dq.Expectations.Tests.Columns;

/// <summary>A row pointing at a null dictionary entry is a null row, like a null slot, in the array's own validity.</summary>
public sealed class DictionaryNullsTests
{
    [Fact]
    public void AsRowNulls_SlicedArrayWithNullEntry_MarksRowsPointingAtItNullAndKeepsTheRest()
    {
        // Entries: 0 "a", 1 null, 2 "b". Rows (before slicing off the first two): a, b | a, null slot, →null, b, →null.
        var indices = Arrays.Int8([0, 2, 0, null, 1, 2, 1]);
        var whole = new DictionaryArray(new DictionaryType(Int8Type.Default, StringType.Default, false), indices, Arrays.String(["a", null, "b"]));
        var sliced = (DictionaryArray)ArrowArrayFactory.Slice(whole, 2, 5);

        var folded = DictionaryNulls.AsRowNulls(sliced);

        Assert.Equal([true, false, false, true, false], Enumerable.Range(0, 5).Select(folded.IsValid));
        Assert.Equal(3, folded.NullCount);
        Assert.Equal(["a", null, null, "b", null], Enumerable.Range(0, 5).Select(r => ArrowValues.Get(folded, r)));
        var validity = new ValidityBits(folded.Data.Buffers[0].Span, folded.Offset);
        Assert.Equal(0b01001UL, validity.Word(0, 5));
    }

    [Fact]
    public void AsRowNulls_NoNullEntry_ReturnsTheArrayItself()
    {
        var array = Arrays.DictionaryString(["a", null, "b"]);

        Assert.Same(array, DictionaryNulls.AsRowNulls(array));
    }
}
