namespace Dq.Expectations;

/// <summary>
/// The closest known name by edit distance, for "did you mean" in messages of every layer: the engine (columns not in
/// the data) as well as suites (types and kwargs). <see cref="Suites.Spelling"/> is its public face.
/// </summary>
internal static class NearestName
{
    public static string DidYouMean(string given, IEnumerable<string> known)
    {
        var best = known.Select(k => (Name: k, Distance: Distance(k, given))).OrderBy(k => k.Distance).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, given.Length / 3) ? $" Did you mean `{best.Name}`?" : "";
    }

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
