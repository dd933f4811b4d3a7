namespace Dq.Expectations.Suites;

/// <summary>"Did you mean" for names given in suites: the closest known name by edit distance, when it is close.</summary>
public static class Spelling
{
    /// <summary><c> Did you mean `x`?</c> for the closest of <paramref name="known"/>, or an empty text when none is within a third of the name (at least 2 edits).</summary>
    public static string DidYouMean(string given, IEnumerable<string> known)
    {
        var best = known.Select(k => (Name: k, Distance: Distance(k, given))).OrderBy(k => k.Distance).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, given.Length / 3) ? $" Did you mean `{best.Name}`?" : "";
    }

    /// <summary>The Levenshtein distance, ignoring case.</summary>
    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.Length];
    }
}
