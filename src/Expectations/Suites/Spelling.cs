namespace Dq.Expectations.Suites;

/// <summary>"Did you mean" for names given in suites: the closest known name by edit distance, when it is close.</summary>
public static class Spelling
{
    /// <summary><c> Did you mean `x`?</c> for the closest of <paramref name="known"/>, or an empty text when none is within a third of the name (at least 2 edits).</summary>
    public static string DidYouMean(string given, IEnumerable<string> known) => NearestName.DidYouMean(given, known);

    /// <summary>The Levenshtein distance, ignoring case.</summary>
    public static int Distance(string a, string b) => NearestName.Distance(a, b);
}
