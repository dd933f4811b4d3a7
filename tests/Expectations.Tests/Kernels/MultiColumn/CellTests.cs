using Dq.Expectations.Kernels.MultiColumn;

namespace Dq.Expectations.Tests.Kernels.MultiColumn;

/// <summary>How multi-column checks compare single values: by value across types, hashing consistent with equality.</summary>
public sealed class CellTests
{
    public static TheoryData<object?, object?, bool> Pairs() => new()
    {
        { 1L, 1.0, true },
        { 1L, 1.5, false },
        { 1L, "1", false },
        { 9007199254740993L, 9007199254740992.0, false },
        { (ulong)5, 5L, true },
        { 2.5m, 2.5, true },
        { null, double.NaN, true },
        { null, 0L, false },
        { true, 1L, false },
        { "a", "a", true },
        { new DateOnly(2024, 1, 2), new DateOnly(2024, 1, 2), true },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Equals_ByValue_AndHashesAgree(object? a, object? b, bool equal)
    {
        var (x, y) = (Cell.FromObject(a), Cell.FromObject(b));

        Assert.Equal(equal, x.Equals(y));
        if (equal)
        {
            Assert.Equal(x.GetHashCode(), y.GetHashCode());
        }
    }

    [Fact]
    public void Compare_NumberAgainstText_HasNoOrder() =>
        Assert.Null(Cell.Compare(Cell.FromObject(1L), Cell.FromObject("1")));

    [Fact]
    public void ToValue_FloatColumnIntegralValue_StaysDouble() =>
        Assert.IsType<double>(Cell.FromReal(2.0).ToValue());
}
