using Dq.Expectations.Kernels.MultiColumn;
using Dq.Expectations.ModelQuality;

namespace Dq.Expectations.Tests.ModelQuality;

/// <summary>Which values a class matches: one spelling of a class matches it in every column type.</summary>
public sealed class LabelClassesTests
{
    [Theory]
    [InlineData(1L, "Positive")]
    [InlineData(1.0, "Positive")]
    [InlineData("1", "Positive")]
    [InlineData(true, "Positive")]
    [InlineData(0L, "Negative")]
    [InlineData("0", "Negative")]
    [InlineData(false, "Negative")]
    [InlineData(2L, "Outside")]
    [InlineData("1.0", "Outside")]
    [InlineData("yes", "Outside")]
    [InlineData(0.5, "Outside")]
    public void ZeroOne_ClassifiesEachColumnTypesSpelling(object value, string expected)
    {
        Assert.Equal(Enum.Parse<LabelClass>(expected), LabelClasses.ZeroOne.Classify(Cell.FromObject(value)));
    }

    /// <summary>The integer-column fast path agrees with the general one, for class sets spelled every way.</summary>
    [Fact]
    public void ClassifyInteger_AgreesWithClassifyOfTheCell()
    {
        LabelClasses[] classes =
        [
            LabelClasses.ZeroOne,
            new([7L], null),
            new(["1"], ["0"]),
            new([true], [false]),
            new([2.0, 3L], [-1L]),
            new([1.5], null),
            new(["yes"], ["no"]),
        ];
        foreach (var c in classes)
        {
            for (long value = -3; value <= 8; value++)
            {
                Assert.True(c.Classify(Cell.FromInteger(value)) == c.ClassifyInteger(value), $"{c}: {value}");
            }
            Assert.Equal(c.Classify(Cell.FromInteger(long.MaxValue)), c.ClassifyInteger(long.MaxValue));
        }
    }

    [Fact]
    public void Missing_IsMissing()
    {
        Assert.Equal(LabelClass.Missing, LabelClasses.ZeroOne.Classify(Cell.Missing));
    }

    [Fact]
    public void NoNegatives_EveryOtherValueIsNegative()
    {
        var classes = new LabelClasses(["approved"], null);

        Assert.Equal(LabelClass.Positive, classes.Classify(Cell.FromText("approved")));
        Assert.Equal(LabelClass.Negative, classes.Classify(Cell.FromText("rejected")));
        Assert.Equal(LabelClass.Negative, classes.Classify(Cell.FromInteger(7)));
        Assert.Equal(LabelClass.Positive, classes.ClassifyText("approved"u8));
        Assert.Equal(LabelClass.Negative, classes.ClassifyText("Approved"u8));
    }

    [Fact]
    public void ClassifyText_AgreesWithClassifyOnCells()
    {
        var classes = new LabelClasses(["yes", 1L], ["no"]);
        foreach (var text in new[] { "yes", "no", "1", "maybe", "", "0" })
        {
            Assert.Equal(classes.Classify(Cell.FromText(text)), classes.ClassifyText(System.Text.Encoding.UTF8.GetBytes(text)));
        }
    }

    [Fact]
    public void EqualClasses_AreEqualKeys()
    {
        // "1" and 1.0 spell the class 1 in other types, so they make the same classes as 1.
        Assert.Equal(new LabelClasses(["1"], [0.0]), LabelClasses.ZeroOne);
        Assert.Equal(new LabelClasses(["1"], [0.0]).GetHashCode(), LabelClasses.ZeroOne.GetHashCode());
        Assert.NotEqual(new LabelClasses([1L], null), LabelClasses.ZeroOne);
    }
}
