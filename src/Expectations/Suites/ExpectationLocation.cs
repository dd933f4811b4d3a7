namespace Dq.Expectations.Suites;

/// <summary>Where an expectation was declared, for configuration error messages.</summary>
/// <param name="Source">The suite file, or the suite name when it was built in code.</param>
/// <param name="Index">The 0-based index of the expectation in the suite.</param>
/// <param name="Type">The expectation type.</param>
internal readonly record struct ExpectationLocation(string Source, int Index, string Type)
{
    public override string ToString() => $"expectation {Index} (`{Type}`) of {Source}";
}
