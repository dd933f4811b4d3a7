using System.Text;
using System.Text.RegularExpressions;
using Dq.Expectations.Kernels.Profile;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Dq.Expectations.Tests.Profiling;

/// <summary>The hand-written matcher against Deequ's own regexes (StatefulDataType.scala), run by .NET's regex engine.</summary>
public sealed class DeequTextTypeTests
{
    private static readonly Regex s_integral = new(@"^(-|\+)? ?\d+$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex s_fractional = new(@"^(-|\+)? ?\d+((\.\d+)|((?:\.\d+)?[Ee][-+]?\d+))$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    private static readonly Regex s_boolean = new("^(true|false)$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    [Theory]
    [InlineData("5", "Integral", 5.0)]
    [InlineData("-12", "Integral", -12.0)]
    [InlineData("+ 7", "Integral", 7.0)]
    [InlineData(" 7", "Integral", 7.0)]
    [InlineData("007", "Integral", 7.0)]
    [InlineData("1.5", "Fractional", 1.5)]
    [InlineData("-2.25e3", "Fractional", -2250.0)]
    [InlineData("1E-2", "Fractional", 0.01)]
    [InlineData(".5", "String", 0.0)]
    [InlineData("1.", "String", 0.0)]
    [InlineData("1,000", "String", 0.0)]
    [InlineData("NaN", "String", 0.0)]
    [InlineData("inf", "String", 0.0)]
    [InlineData("true", "Boolean", 0.0)]
    [InlineData("True", "String", 0.0)]
    [InlineData("", "String", 0.0)]
    [InlineData("5 ", "String", 0.0)]
    public void Classify_DeequExamples(string text, string kindName, double value)
    {
        var kind = Enum.Parse<DeequTextKind>(kindName);
        Assert.Equal(kind, DeequTextType.Classify(Encoding.UTF8.GetBytes(text), out var parsed));
        if (kind is DeequTextKind.Integral or DeequTextKind.Fractional)
        {
            Assert.Equal(value, parsed, 12);
        }
    }

    [Property(MaxTest = 2000)]
    public Property Classify_AgreesWithDeequRegexes() =>
        Prop.ForAll(Gen.Elements("0", "1", "9", "+", "-", " ", ".", "e", "E", ",", "true", "false", "x").ArrayOf().Select(p => string.Concat(p.Take(8))).ToArbitrary(), text =>
        {
            var expected = s_boolean.IsMatch(text) ? DeequTextKind.Boolean
                : s_integral.IsMatch(text) ? DeequTextKind.Integral
                : s_fractional.IsMatch(text) ? DeequTextKind.Fractional
                : DeequTextKind.String;
            var actual = DeequTextType.Classify(Encoding.UTF8.GetBytes(text), out var value);
            var valueOk = actual is not (DeequTextKind.Integral or DeequTextKind.Fractional)
                || value == double.Parse(text.Replace(" ", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
            return (actual == expected && valueOk).Label($"`{text}`: {actual}, expected {expected}, value {value}");
        });
}
